/**
 * One theme for the whole page: the reader's preference, unless the page is given one (a link's
 * theme=light|dark sets data-theme on the document, src/components/pageTheme.svelte.ts). Every
 * colour follows it, the latency bars' phase colours included.
 */
import { expect, test, type Page } from '@playwright/test'

/** The colour of the first TCP-connect segment of the latency bars, and of the page's background. */
async function colours(page: Page) {
  const tcp = page.locator('.latency .p-tcp').first()
  await expect(tcp).toBeVisible()
  return {
    tcp: await tcp.evaluate((e) => getComputedStyle(e).backgroundColor),
    page: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
  }
}

test('the latency bars are light on a light page in a dark OS, and dark on a dark one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('./#/compare')
  // The live page, not the prerendered frame it replaces part by part (src/components/firstFrameParts.ts).
  await expect(page.getByTestId('diagrams')).toBeVisible()
  // The reader's preference: dark page, dark bars (--ph-tcp #6f8aa3).
  expect(await colours(page)).toEqual({ tcp: 'rgb(111, 138, 163)', page: 'rgb(18, 20, 23)' })
  // The page is given the light theme, as theme=light does: light page, light bars (#4d6378).
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
  expect(await colours(page)).toEqual({ tcp: 'rgb(77, 99, 120)', page: 'rgb(255, 255, 255)' })
})
