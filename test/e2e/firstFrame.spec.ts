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
  // Tall enough that the panels under the diagrams are in view at the first paint, so the frame draws them.
  await page.setViewportSize({ width: 1280, height: 1200 })
  await page.goto('./#/compare')
  const frame = page.locator('#first-frame')
  // The frame is hidden from roles (inert, aria-hidden) until the app replaces it: ask for the tag.
  await expect(frame.locator('h1')).toHaveText('One handshake, four ways to check revocation')
  await expect(frame.locator('figure.diagram')).toHaveCount(4)
  await expect(frame.locator('figure.diagram').first()).toBeVisible()
  await expect(frame.locator('[data-row="none"] .verdict')).toContainText('Connected · 100 ms')
  await expect(frame.locator('[data-row="plain-ocsp"] .verdict')).toContainText('Connected · 230 ms')
  // The playback bar reads as the live one first does: at the start of the scenario's 255 ms.
  await expect(frame.locator('output.time')).toHaveText('0 ms / 255 ms')
  // The bars sit where the app puts them: their positions came from style attributes, now rules.
  const bar = frame.locator('.latency .seg').first()
  await expect(bar).toBeVisible()
  expect((await bar.boundingBox())!.width).toBeGreaterThan(10)
  expect(await policyViolations(page)).toEqual([])
})

test('a screen that shows only the diagrams at first paint is not made to lay out the panels below them', async ({
  page,
}) => {
  await withoutAppScripts(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./#/compare')
  const frame = page.locator('#first-frame')
  await expect(frame.locator('figure.diagram').first()).toBeVisible()
  // In the HTML, for a taller screen, but not drawn here: below the fold, they cost the first
  // rendering a third of its layout (src/build/firstFrame.ts panelsBelowTheFoldMedia).
  await expect(frame.locator('.panels')).toBeAttached()
  await expect(frame.locator('.panels')).toBeHidden()
  await expect(frame.locator('.latency .seg').first()).toBeHidden()
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

test('a phone waits for the app: it draws vertical charts, not the frame’s wide rows', async ({ page }) => {
  await withoutAppScripts(page)
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto('./#/compare')
  await expect(page.locator('#first-frame')).toBeAttached()
  await expect(page.locator('#first-frame')).toBeHidden()
})

test('the app replaces the first frame: one view, live', async ({ page }) => {
  await page.goto('./#/compare')
  await expect(page.getByTestId('diagrams')).toBeVisible()
  await expect(page.locator('#first-frame')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
})

/**
 * Every mutation of the page while it starts, seen from inside it: how many copies of each row's
 * diagram and of the view's heading are in the document, and the layout shifts Chromium reports
 * (the Layout Instability API, the shifts behind Cumulative Layout Shift).
 */
const watchStart = `
  window.__start = { steps: 0, most: {}, headings: 0, shift: 0 }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__start.shift += e.value
  }).observe({ type: 'layout-shift', buffered: true })
  const count = () => {
    const s = window.__start
    s.steps++
    const rows = {}
    for (const f of document.querySelectorAll('figure.diagram')) {
      const row = f.closest('[data-row]')?.getAttribute('data-row') ?? '?'
      rows[row] = (rows[row] ?? 0) + 1
    }
    for (const [row, n] of Object.entries(rows)) s.most[row] = Math.max(s.most[row] ?? 0, n)
    s.headings = Math.max(s.headings, document.querySelectorAll('h1').length)
  }
  new MutationObserver(count).observe(document, { childList: true, subtree: true })
`

test('the app takes the frame over part by part: one copy of each diagram at every step, nothing jumps', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.addInitScript(watchStart)
  await page.goto('./#/compare')
  // The last parts to go live: the controls and the panels, from their own chunks.
  await expect(
    page.getByRole('complementary', { name: 'Scenario' }).getByRole('combobox').first(),
  ).toBeEnabled()
  await expect(page.locator('#main .panels')).toHaveCount(1)
  await expect(page.locator('.first-frame')).toHaveCount(0)
  const start = (await page.evaluate('window.__start')) as {
    steps: number
    most: Record<string, number>
    headings: number
    shift: number
  }
  expect(start.steps).toBeGreaterThan(4)
  expect(start.most).toEqual({ none: 1, 'plain-ocsp': 1, stapling: 1, 'must-staple': 1 })
  expect(start.headings).toBe(1)
  // 0.1 is "good" Cumulative Layout Shift (web.dev/articles/cls); the hand-over stays well under it.
  expect(start.shift).toBeLessThan(0.05)
  // Live: the first diagram answers the keyboard, the playback bar is the app's.
  await expect(page.getByTestId('diagrams')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Playback' })).toHaveCount(1)
})

test('the frame is painted before the app takes it apart: the first paint never waits for the start-up', async ({
  page,
}) => {
  // Rendering opportunities counted by requestAnimationFrame (none runs while rendering is blocked),
  // and how many had run when the app removed the frame (main.ts starts after the frame's paint).
  await page.addInitScript(`
    window.__frames = 0
    requestAnimationFrame(function count() { window.__frames++; requestAnimationFrame(count) })
    let seen = false
    new MutationObserver(() => {
      const frame = document.getElementById('first-frame')
      seen ||= frame !== null
      if (seen && frame === null && window.__framesAtTakeover === undefined) window.__framesAtTakeover = window.__frames
    }).observe(document, { childList: true, subtree: true })
  `)
  await page.goto('./#/compare')
  await expect(page.getByTestId('diagrams')).toBeVisible()
  expect(await page.evaluate('window.__framesAtTakeover')).toBeGreaterThanOrEqual(1)
})
