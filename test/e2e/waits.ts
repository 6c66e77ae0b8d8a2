import type { Page } from '@playwright/test'

/**
 * Waits for the page to draw `frames` more frames: "nothing moved while the user watched" is then
 * measured in what the screen showed, not in wall-clock time on a busy machine.
 */
export async function framesPass(page: Page, frames: number): Promise<void> {
  // A string, not a function: it runs in the page as written.
  await page.evaluate(`new Promise((resolve) => {
    let left = ${frames}
    const frame = () => (--left <= 0 ? resolve(null) : requestAnimationFrame(frame))
    requestAnimationFrame(frame)
  })`)
}

/**
 * Waits until the page's own clock has passed the end of a burst of scenario changes (burstMs, 600
 * ms, in src/components/compare/scenarioState.svelte.ts): the next change is then one the user
 * means as separate, and gets its own history entry.
 */
export async function burstEnds(page: Page): Promise<void> {
  const since = await page.evaluate(() => performance.now())
  // A function, not a string: the page's CSP (no 'unsafe-eval') refuses a string predicate.
  await page.waitForFunction((start) => performance.now() > start + 600, since)
}
