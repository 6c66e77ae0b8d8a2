/**
 * Hostile input in the page, in Chromium: what a user sees. Dropping thousands of objects shows a
 * hundred cards and one card counting the rest, and the page answers a click while it works; a
 * 1 MB serial shows cut to its first bytes and its length; a 100 kB OID is one error naming its
 * byte. How long the page's tasks take is measured by `npm run bench -- hostile`, not here: wall
 * time on a shared machine is no pass/fail.
 */
import { expect, test, type Page } from '@playwright/test'
import {
  certificateWithHugeOid,
  certificateWithHugeSerial,
  manyPemBlocks,
  manySmallCertificates,
} from '../fixtures/hostileInputs.ts'

type Watched = Window & { held?: File; answered?: { cards: number; notShown: boolean } }

/**
 * Drop `bytes` as one file, the way a user's drop arrives (a DragEvent with a DataTransfer). The
 * File is made in the page first, in a task of its own: Playwright's setInputFiles decodes its
 * buffer in the page's main thread, a cost of the harness that no user's drop has.
 */
async function drop(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      ;(window as Watched).held = new File([data], name, { type: 'text/plain' })
    },
    { name, base64: bytes.toString('base64') },
  )
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    transfer.items.add((window as Watched).held!)
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
  })
}

async function openInspector(page: Page): Promise<void> {
  await page.goto('./#/inspect')
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
}

for (const { name, file, bytes, more } of [
  { name: '10,000 PEM blocks', file: 'blocks.pem', bytes: manyPemBlocks(10_000), more: '9,900' },
  { name: '4,657 small certificates', file: 'store.pem', bytes: manySmallCertificates(4_657), more: '4,557' },
]) {
  test(`${name} in one drop: a hundred cards, one "${more} more not shown" card, and the page answers a click while it adds them`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await openInspector(page)
    // A slower CPU (as on a cheap phone) while the cards come, so there is time to click amid them.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })
    // What the page had shown when it handled the typing: a page that built every card in one
    // task would only get to the keystroke after the last card and the "not shown" card.
    await page.evaluate(() => {
      document.querySelector('textarea')!.addEventListener('input', () => {
        ;(window as Watched).answered ??= {
          cards: document.querySelectorAll('article[data-kind]').length,
          notShown: document.querySelector('[data-testid="not-shown"]') !== null,
        }
      })
    })
    await drop(page, file, bytes)
    await expect(page.locator('article[data-kind]').first()).toBeVisible({ timeout: 60_000 })
    await page.locator('textarea').click()
    await page.keyboard.type('x')
    await expect(page.locator('textarea')).toHaveValue('x')
    const answered = await page.evaluate(() => (window as Watched).answered)
    expect(answered).toBeDefined()
    expect(answered!.cards < 100 || !answered!.notShown).toBe(true)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    const notShown = page.getByTestId('not-shown')
    await expect(notShown).toContainText(`${more} more objects in ${file} not shown`, { timeout: 90_000 })
    await expect(page.locator('article[data-kind]')).toHaveCount(100)
    await expect(page.getByRole('status').first()).toContainText(`100 objects shown, ${more} more not shown`)
  })
}

test('a 1 MB serial shows as its first 16 bytes and its length; the card is there, not a freeze', async ({
  page,
}) => {
  await openInspector(page)
  await drop(page, 'serial.der', certificateWithHugeSerial(1_000_000))
  const card = page.locator('article[data-kind="certificate"]')
  await expect(card).toBeVisible({ timeout: 30_000 })
  const shown = `${Array(16).fill('5a').join(':')}… (1000000 bytes)`
  await expect(card.getByText(shown, { exact: true })).toBeVisible()
  // No element holds the whole value as text: 2,000,000 hex digits would be the freeze.
  const longest = await card.evaluate((el) =>
    Math.max(...[...el.querySelectorAll('*')].map((e) => (e.childNodes[0]?.textContent ?? '').length)),
  )
  expect(longest).toBeLessThan(10_000)
})

test('a 100 kB OID is one error card naming its byte, and the page takes the next file', async ({ page }) => {
  await openInspector(page)
  await drop(page, 'oid.der', certificateWithHugeOid(100_000))
  await expect(page.getByTestId('error-message')).toContainText(
    'malformed certificate: the OBJECT IDENTIFIER at byte 23 is not valid',
    { timeout: 30_000 },
  )
  await page.getByTestId('file-input').setInputFiles('test/fixtures/certs/leaf-rsa.pem')
  await expect(page.getByRole('article', { name: 'rsa.staple-lab.example' })).toBeVisible()
})

test("a link's cn= speaks only as a host name, and the banner says the name came from the link", async ({
  page,
}) => {
  const hostile = 'bank.example: REVOKED by CA, call +1 555 0100 \u202e'
  await page.goto(`./#/compare?src=cert&ms=1&cn=${encodeURIComponent(hostile)}`)
  const banner = page.getByTestId('provenance')
  await expect(banner).toContainText('Simulating your certificate')
  await expect(banner).not.toContainText('REVOKED')
  await expect(banner).not.toContainText('bank.example')

  await page.goto('./#/compare?src=cert&ms=1&cn=shop.example')
  await expect(banner).toContainText(
    'Simulating your certificate: shop.example (the name as this link gives it)',
  )
})

test('framed by another page, only the embed view shows; the others say to open Staple Lab in its own tab', async ({
  page,
  baseURL,
}) => {
  await page.goto('./#/compare')
  // A page of another document framing two of ours: the inspector and the embed.
  await page.setContent(
    `<iframe id="inspect" src="${baseURL}#/inspect" width="800" height="400"></iframe>` +
      `<iframe id="embed" src="${baseURL}#/embed" width="800" height="400"></iframe>`,
  )
  const inspect = page.frameLocator('#inspect')
  await expect(inspect.getByTestId('framed')).toContainText('Open Staple Lab in its own tab')
  await expect(inspect.getByRole('link', { name: 'Open Staple Lab in its own tab' })).toHaveAttribute(
    'target',
    '_blank',
  )
  await expect(inspect.getByTestId('file-input')).toHaveCount(0)
  await expect(page.frameLocator('#embed').locator('figure').first()).toBeVisible()
})

test('the page needs no inline styles: no view and no SVG or PNG export breaks style-src without unsafe-inline', async ({
  page,
}) => {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation
      report(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
    })
  })
  await page.goto('./#/compare')
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(policy).toContain("style-src 'self';")
  expect(policy).not.toContain('unsafe-inline')

  // The export wrote style="" on its clones: the case that needed 'unsafe-inline'.
  for (const name of ['Diagrams as SVG', 'Diagrams as PNG']) {
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.(svg|png)$/)
  }
  for (const view of ['#/days', '#/learn/1', '#/embed', '#/inspect']) {
    await page.goto(`./${view}`)
    await expect(page.locator('main, figure').first()).toBeVisible()
  }
  await page.getByRole('button', { name: 'Try a sample' }).click()
  await expect(page.getByRole('list', { name: 'OCSP response checks' })).toBeVisible()
  expect(violations).toEqual([])
})
