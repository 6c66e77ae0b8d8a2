/**
 * Real bytes in the simulation (issue 5): the demo CA feeds the inspector, a certificate card
 * opens the comparison with a scenario made from its bytes, and the staple links back.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { watchNetwork } from './network.ts'

async function openInspector(page: Page): Promise<string[]> {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`)
  })
  await page.goto('./#/inspect')
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  return watchNetwork(page)
}

/** Choose fixtures in the file picker, as one drop. */
const choose = (page: Page, ...paths: string[]) =>
  page.getByTestId('file-input').setInputFiles(paths.map((path) => `test/fixtures/${path}`))

const card = (page: Page, name: string | RegExp) => page.getByRole('article', { name })
const checklist = (page: Page) => page.getByRole('list', { name: 'OCSP response checks' })

test('the demo CA makes a must-staple chain and a good response; the downloaded response dropped back in verifies', async ({
  page,
}) => {
  const network = await openInspector(page)
  await page.getByText('No certificate at hand? Make one with the demo CA').click()
  const demo = page.getByTestId('demo-ca')
  await demo.getByLabel('ECDSA P-256').check()
  await expect(demo.getByLabel(/OCSP Must-Staple/)).toBeChecked()
  await demo.getByRole('button', { name: 'Generate demo CA' }).click()
  await expect(demo.getByRole('button', { name: 'Make OCSP response' })).toBeVisible({ timeout: 20_000 })

  // The leaf and its issuer go to the inspector through the panel's onload, as if dropped in.
  await demo.getByRole('button', { name: /Open .*leaf.* in the inspector/i }).click()
  await demo.getByRole('button', { name: /Open .*intermediate.* in the inspector/i }).click()
  const leaf = card(page, 'shop.example')
  await expect(leaf).toBeVisible()
  await expect(leaf.getByText('OCSP Must-Staple').first()).toBeVisible()

  await demo.getByLabel('good', { exact: true }).check()
  await demo.getByRole('button', { name: 'Make OCSP response' }).click()
  const download = page.waitForEvent('download')
  await demo.getByRole('link', { name: 'Download ocsp-good-sha1.der' }).click()
  const file = await download
  const path = await file.path()
  const bytes = readFileSync(path)
  expect(bytes[0]).toBe(0x30)

  await page.getByTestId('file-input').setInputFiles({
    name: 'ocsp-good-sha1.der',
    mimeType: 'application/ocsp-response',
    buffer: bytes,
  })
  const checks = checklist(page)
  await expect(checks.locator('[data-check="signature"]')).toHaveAttribute('data-status', 'pass')
  await expect(checks.locator('[data-check="cert-id"]')).toHaveAttribute('data-status', 'pass')
  await expect(checks.locator('[data-check="freshness"]')).toHaveAttribute('data-status', 'pass')
  await expect(checks.locator('[data-status="fail"]')).toHaveCount(0)

  // The request builder sits on the leaf's card once its issuer is loaded.
  await leaf.getByText('Build the OCSP request').click()
  await expect(leaf.getByTestId('request-summary')).toContainText('bytes of DER')

  // And the demo leaf simulates with its real sizes.
  await leaf.getByRole('button', { name: 'Simulate with this' }).click()
  await expect(page).toHaveURL(/#\/compare\?.*src=cert/)
  const banner = page.getByTestId('provenance')
  await expect(banner).toContainText('Simulating your certificate: shop.example')
  await expect(banner).toContainText(`OCSP response ${bytes.length} bytes`)
  expect(network).toEqual([])
})

test('Simulate with this on the sample leaf: the banner names it, a missing staple fails the must-staple row, the staple opens in the inspector', async ({
  page,
}) => {
  const network = await openInspector(page)
  await page.getByRole('button', { name: 'Try a sample' }).click()
  await expect(checklist(page).locator('[data-check="signature"]')).toHaveAttribute('data-status', 'pass')
  await expect(page.getByTestId('chain').locator('li')).toHaveCount(3)

  // Only the server's certificate offers a simulation, not the CAs.
  await expect(page.getByRole('button', { name: 'Simulate with this' })).toHaveCount(1)
  await card(page, 'shop.example').getByRole('button', { name: 'Simulate with this' }).click()

  await expect(page).toHaveURL(/#\/compare\?/)
  const banner = page.getByTestId('provenance')
  await expect(banner).toContainText('Simulating your certificate: shop.example')
  await expect(banner).toContainText('must-staple')
  await expect(banner).toContainText('fresh until')
  // The chain the server sends: the sample's leaf and intermediate, not the root.
  const url = new URL(page.url().replace('#/compare', '/compare'))
  const chainBytes = Number(url.searchParams.get('chain'))
  expect(chainBytes).toBeGreaterThan(1000)
  await expect(banner).toContainText(`chain ${chainBytes.toLocaleString('en-US')} bytes`)
  await expect(page.locator('figure[data-yours="true"]')).toHaveCount(1)

  const safe = page.getByRole('region', { name: 'Safe?' })
  const mustStapleRow = safe.getByRole('listitem', { name: 'Must-staple' })
  await expect(mustStapleRow).toContainText('connected')

  // A staple-carrying arrow of the must-staple row links back to the response's card.
  const staple = page.locator('[data-row="must-staple"] g.flight.staple').first()
  // Let the handshake play until the staple has arrived.
  await expect(staple).toHaveAttribute('data-state', 'done', { timeout: 10_000 })
  await staple.focus()
  await expect(page.getByRole('tooltip')).toContainText('Open this staple in the inspector')
  await staple.press('Enter')
  await expect(page).toHaveURL(/#\/inspect\?staple=/)
  const highlighted = page.locator('article[data-highlighted="true"]')
  await expect(highlighted).toHaveCount(1)
  await expect(highlighted).toHaveAttribute('data-kind', 'ocspResponse')
  await page.goBack()

  // The server has no staple: the must-staple client refuses, the marker stays in the link.
  // Five staple states (with pre-revocation) make this control a list, not radio buttons.
  await page.getByRole('combobox', { name: /cached staple/ }).selectOption({ label: 'None' })
  await expect(mustStapleRow).toContainText('rejected: no staple')
  await expect(banner).toContainText('no staple')
  await expect(page).toHaveURL(/src=cert/)

  await banner.getByRole('button', { name: 'Use the defaults' }).click()
  await expect(page.getByTestId('provenance')).toHaveCount(0)
  await expect(mustStapleRow).toContainText('connected')
  expect(network).toEqual([])
})

test('a stale response makes a stale staple: the must-staple row, a what-if for this certificate, rejects it', async ({
  page,
}) => {
  const network = await openInspector(page)
  await choose(page, 'certs/leaf-rsa.pem', 'certs/intermediate.pem', 'ocsp/resp-stale.der')
  await expect(checklist(page).locator('[data-check="freshness"]')).toHaveAttribute('data-status', 'fail')
  await card(page, 'rsa.staple-lab.example').getByRole('button', { name: 'Simulate with this' }).click()

  const banner = page.getByTestId('provenance')
  await expect(banner).toContainText('Simulating your certificate: rsa.staple-lab.example')
  await expect(banner).toContainText('not must-staple')
  await expect(banner).toContainText('staple stale')
  await expect(page.locator('figure[data-yours="true"]')).toHaveCount(0)
  const safe = page.getByRole('region', { name: 'Safe?' })
  await expect(safe.getByRole('listitem', { name: 'Must-staple' })).toContainText('rejected: stale staple')
  // The stapling client ignores the stale staple and goes on unchecked.
  await expect(safe.getByRole('listitem', { name: 'Stapling' })).toContainText('without a revocation check')
  expect(network).toEqual([])
})

test('Simulate with this still says what it took from the certificate after a reload of the comparison', async ({
  page,
}) => {
  const network = await openInspector(page)
  await choose(
    page,
    'certs/leaf-must-staple.pem',
    'certs/intermediate.pem',
    'certs/root.pem',
    'ocsp/resp-must-staple-good.der',
  )
  await expect(page.getByTestId('chain').locator('li[data-status="pass"]')).toHaveCount(3)
  await card(page, 'shop.example').getByRole('button', { name: 'Simulate with this' }).click()

  const used = page.getByTestId('provenance').locator('details')
  await expect(used).toContainText('What was taken from your certificate')
  await used.locator('summary').click()
  const before = await used.locator('li').allInnerTexts()
  expect(before.join(' ')).toContain(
    "OCSP responder: ocsp.staple-lab.example, from the certificate's AIA extension.",
  )
  expect(before.join(' ')).toMatch(/the root is left out/)

  expect(network).toEqual([])

  // The inspector's memory is gone after a reload: the link alone says the same.
  await page.reload()
  const banner = page.getByTestId('provenance')
  await expect(banner).toContainText('Simulating your certificate: shop.example')
  await banner.locator('details summary').click()
  await expect(banner.locator('details li')).toHaveText(before)
  // Nothing of the certificate's bytes is in the address.
  const der = readFileSync('test/fixtures/certs/leaf-must-staple.der').toString('base64')
  expect(page.url()).not.toContain(der.slice(40, 80))
})
