import { expect, test } from '@playwright/test'

test('the page opens on the comparison view with a working navigation', async ({ page }) => {
  await page.goto('./')
  await expect(page).toHaveTitle('Staple Lab')
  await page.getByRole('link', { name: 'Inspect' }).click()
  await expect(page).toHaveURL(/#\/inspect$/)
  await expect(page.getByRole('link', { name: 'Inspect' })).toHaveAttribute('aria-current', 'page')
})

test('the built page carries a Content-Security-Policy that forbids every connection', async ({ page }) => {
  await page.goto('./')
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("connect-src 'none'")
  expect(csp).toContain("script-src 'self'")
})
