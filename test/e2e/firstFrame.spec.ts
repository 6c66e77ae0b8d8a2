import { expect, test, type Page } from '@playwright/test'
import { policyViolations, recordPolicyViolations } from './policyViolations.ts'

/**
 * The first frame (src/build/firstFrame.ts): the default comparison is in the built HTML, so it can
 * be painted before any script runs. The app's own scripts are held back here to look at that frame
 * alone; only the small route check runs.
 */
async function withoutAppScripts(page: Page): Promise<void> {
  await page.route(/\/assets\/(?!first-frame).*\.js$/, (route) => route.abort())
}

test('the default comparison is in the HTML and shows before the app script runs, within the page policy', async ({
  page,
}) => {
  await withoutAppScripts(page)
  await recordPolicyViolations(page)
  await page.goto('./#/compare')
  const frame = page.locator('#first-frame')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    'One handshake, four ways to check revocation',
  )
  await expect(frame.locator('figure.diagram')).toHaveCount(4)
  await expect(frame.locator('figure.diagram').first()).toBeVisible()
  await expect(frame.locator('[data-row="none"] .verdict')).toContainText('Connected · 100 ms')
  await expect(frame.locator('[data-row="plain-ocsp"] .verdict')).toContainText('Connected · 230 ms')
  // The bars sit where the app puts them: their positions came from style attributes, now rules.
  const bar = frame.locator('.latency .seg').first()
  await expect(bar).toBeVisible()
  expect((await bar.boundingBox())!.width).toBeGreaterThan(10)
  expect(await policyViolations(page)).toEqual([])
})

test('another view or scenario in the link does not show the default comparison while it loads', async ({
  page,
}) => {
  await withoutAppScripts(page)
  for (const hash of ['#/inspect', '#/compare?rs=300']) {
    await page.goto(`./${hash}`)
    await expect(page.locator('#first-frame')).toBeAttached()
    await expect(page.locator('#first-frame')).toBeHidden()
  }
})

test('the app replaces the first frame: one view, live', async ({ page }) => {
  await page.goto('./#/compare')
  await expect(page.getByTestId('diagrams')).toBeVisible()
  await expect(page.locator('#first-frame')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
})
