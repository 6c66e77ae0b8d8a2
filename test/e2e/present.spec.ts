import { expect, test } from '@playwright/test'

test('a clicker steps the caption through the messages, B blanks, and the notes window follows', async ({
  page,
  context,
}) => {
  const notes = await context.newPage()
  await notes.goto('./#/present/notes')
  await expect(notes.getByText('Waiting for the presenter window')).toBeVisible()

  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('./#/present?rows=ocsp-soft-fail,must-staple')
  const caption = page.getByTestId('present-caption')
  await expect(caption).toContainText('Press → or PageDown')
  // Only the chosen rows are on screen.
  await expect(page.locator('[data-row="plain-ocsp"]').first()).toBeVisible()
  await expect(page.locator('[data-row="must-staple"]').first()).toBeVisible()
  await expect(page.locator('[data-row="none"]').first()).toBeHidden()
  await expect(page.locator('[data-row="stapling"]').first()).toBeHidden()

  await page.keyboard.press('PageDown')
  await expect(caption).toHaveText(/^Client → Web server: SYN/)
  // Large type at 1280x720: lane names and message labels are drawn at least 20 px high.
  const textHeights = await page
    .locator('[data-row="plain-ocsp"] .lane-name, [data-row="plain-ocsp"] text.label')
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height).filter((h) => h > 0))
  expect(textHeights.length).toBeGreaterThan(4)
  expect(Math.min(...textHeights)).toBeGreaterThanOrEqual(20)
  await expect(caption).toBeInViewport()
  const first = await caption.textContent()
  await expect(notes.getByTestId('notes-caption')).toHaveText(first!)

  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await expect(caption).not.toHaveText(first!)
  const third = await caption.textContent()
  await expect(notes.getByTestId('notes-caption')).toHaveText(third!)
  await expect(notes.getByText(/^Message 3 of \d+/)).toBeVisible()

  await page.keyboard.press('PageUp')
  await page.keyboard.press('ArrowLeft')
  await expect(caption).toHaveText(first!)

  // Keep pressing: somewhere the plain OCSP row asks the responder, and says it is that row.
  let asked = false
  for (let i = 0; i < 30 && !asked; i++) {
    await page.keyboard.press('PageDown')
    asked = ((await caption.textContent()) ?? '').includes('→ OCSP responder')
  }
  expect(asked).toBe(true)
  await expect(caption).toContainText('Plain OCSP (soft-fail)')

  await page.keyboard.press('b')
  await expect(page.getByTestId('present-diagrams')).toBeHidden()
  await expect(notes.getByText(/screen blanked/)).toBeVisible()
  await page.keyboard.press('b')
  await expect(page.getByTestId('present-diagrams')).toBeVisible()
})

test('"Present" in the compare view and on a lesson step opens presenter mode on that scenario', async ({
  page,
}) => {
  await page.goto('./#/compare?tls=1.2')
  await page.getByRole('link', { name: 'Present', exact: true }).click()
  await expect(page).toHaveURL(/#\/present\?.*tls=1\.2/)
  await expect(page.getByTestId('present-caption')).toBeVisible()

  await page.goto('./#/learn/6')
  await page.getByRole('link', { name: 'Present', exact: true }).click()
  await expect(page).toHaveURL(/#\/present\?/)
  await expect(page.getByTestId('present-caption')).toBeVisible()
})
