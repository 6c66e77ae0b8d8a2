import { readdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'

/** The lesson's step count: one Markdown file a step (src/content/lessons/README.md says so). */
const steps = readdirSync(new URL('../../src/content/lessons/', import.meta.url)).filter((f) =>
  /^\d+-.*\.md$/.test(f),
).length

/** Everything the page keeps in localStorage, key by key. */
const stored = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)))

const summary = (page: Page) => page.getByTestId('progress-summary')
const stepLink = (page: Page, title: string) =>
  page.getByRole('navigation', { name: 'Lesson steps' }).getByRole('link', { name: new RegExp(`^${title}`) })

test('steps opened and quiz answers survive a reload; "Reset my progress" forgets them', async ({ page }) => {
  await page.goto('./#/learn/1')
  await expect(summary(page)).toContainText(`Opened 1 of ${steps} steps`)
  await page.locator('body').press('n')
  await expect(page).toHaveURL(/#\/learn\/2$/)
  const question = page.locator('fieldset.quiz').first()
  const firstAnswer = question.getByRole('button').first()
  await firstAnswer.click()
  await expect(question.locator('.verdict')).toContainText(/Right\.|Not quite\./)
  await expect(summary(page)).toContainText(
    new RegExp(`Opened 2 of ${steps} steps · answered 1 of \\d+ questions`),
  )

  // Only the one versioned key is kept, holding exactly the slugs opened and the answer picked.
  const kept = await stored(page)
  expect(Object.keys(kept)).toEqual(['staple-lab:lesson-progress'])
  expect(JSON.parse(kept['staple-lab:lesson-progress']!)).toEqual({
    version: 1,
    visited: ['revocation', 'plain-ocsp'],
    answers: { 'plain-ocsp#0': 0 },
  })

  await page.reload()
  await expect(summary(page)).toContainText(
    new RegExp(`Opened 2 of ${steps} steps · answered 1 of \\d+ questions`),
  )
  await expect(page.locator('fieldset.quiz').first().getByRole('button').first()).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(stepLink(page, 'Why ask whether a certificate is revoked\\?')).toContainText('(opened)')
  await expect(stepLink(page, 'Plain OCSP costs round trips')).toContainText('(opened)')
  await expect(stepLink(page, 'Stapling moves the check')).not.toContainText('(opened)')

  await page.getByRole('button', { name: 'Reset my progress' }).click()
  await expect(summary(page)).toContainText(`Opened 0 of ${steps} steps · answered 0 of`)
  await expect(page.locator('fieldset.quiz').first().getByRole('button').first()).toHaveAttribute(
    'aria-pressed',
    'false',
  )
  expect(await stored(page)).toEqual({})
  await page.reload()
  // A reload opens the current step again, which is all that is then kept.
  await expect(summary(page)).toContainText(`Opened 1 of ${steps} steps · answered 0 of`)
})
