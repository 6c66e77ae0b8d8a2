/**
 * Hostile input in the page, measured in Chromium: dropping thousands of objects keeps every
 * main-thread task under 100 ms (PerformanceObserver 'longtask' entries), and the page shows a
 * hundred cards and one card counting the rest.
 */
import { availableParallelism, loadavg } from 'node:os'
import { expect, test, type Page } from '@playwright/test'
import { manyPemBlocks, manySmallCertificates } from '../fixtures/hostileInputs.ts'

type Watched = Window & { longTasks?: number[]; held?: File }

/** Start recording main-thread tasks over 50 ms (the 'longtask' entry type's threshold). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Watched
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks!.push(Math.round(entry.duration))
    }).observe({ type: 'longtask' })
  })
}

const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => (window as Watched).longTasks ?? [])

/**
 * The budget of one task: 100 ms, scaled by how oversubscribed this machine's CPUs are (the
 * 1-minute load average per core, at most 4x). Long tasks are wall time: a 20 ms task stretches
 * to 150 ms while the OS runs other work on a machine shared by several test runs. The freezes
 * this guards against were 7.2 s and 145 s.
 */
function taskBudgetMs(): number {
  const oversubscribed = loadavg()[0]! / availableParallelism()
  return 100 * Math.min(4, Math.max(1, oversubscribed))
}

/**
 * Drop `bytes` as one file, the way a user's drop arrives (a DragEvent with a DataTransfer). The
 * File is made in the page first, in a task of its own: Playwright's setInputFiles decodes its
 * buffer in the page's main thread, a cost of the harness that no user's drop has.
 */
async function drop(page: Page, name: string, bytes: Buffer, watch: () => Promise<void>): Promise<void> {
  await page.evaluate(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      ;(window as Watched).held = new File([data], name, { type: 'text/plain' })
    },
    { name, base64: bytes.toString('base64') },
  )
  await watch()
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
  test(`${name} in one drop: a hundred cards, one "${more} more not shown" card, no task over 100 ms`, async ({
    page,
  }) => {
    // Parsing a hundred certificates takes a few seconds on a busy machine.
    test.setTimeout(90_000)
    await openInspector(page)
    await drop(page, file, bytes, () => watchLongTasks(page))
    const notShown = page.getByTestId('not-shown')
    await expect(notShown).toContainText(`${more} more objects in ${file} not shown`, { timeout: 45_000 })
    await expect(page.locator('article[data-kind]')).toHaveCount(100)
    await expect(page.getByRole('status').first()).toContainText(`100 objects shown, ${more} more not shown`)
    // Let the chain and checks settle, then read what the observer saw.
    await page.waitForTimeout(1000)
    const tasks = await longTasks(page)
    const budget = taskBudgetMs()
    console.log(`${name}: long tasks (ms): ${JSON.stringify(tasks)}; budget ${budget} ms`)
    expect(Math.max(0, ...tasks)).toBeLessThan(budget)
  })
}

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
