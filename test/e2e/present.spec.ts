import { expect, test, type Locator, type Page } from '@playwright/test'
import { rowTitle } from '../../src/lib/labels.ts'
import { compareModes, defaultScenario } from '../../src/lib/sim/index.ts'
import { presenterSteps } from '../../src/lib/viz/presenter.ts'

/** The captions presenter mode must show, from the engine's own runs (rows plain OCSP and must-staple). */
const expectedSteps = presenterSteps(
  compareModes(defaultScenario)
    .filter((e) => e.row === 'plain-ocsp' || e.row === 'must-staple')
    .map((e) => ({ row: e.row, title: rowTitle(e.row, e.run), run: e.run })),
)

/** Text drawn in the row as it is on screen: its height and its font size times the zoom it is drawn at. */
async function drawnText(page: Page, row: string) {
  return page.locator(`[data-row="${row}"] .lane-name, [data-row="${row}"] text.label`).evaluateAll((nodes) =>
    nodes
      .map((n) => ({
        height: n.getBoundingClientRect().height,
        px:
          parseFloat(getComputedStyle(n).fontSize) *
          ((n as Element & { currentCSSZoom: number }).currentCSSZoom ?? 1),
      }))
      .filter((t) => t.height > 0),
  )
}

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
  // The caption names the message in a sentence from the engine's own description of it.
  await expect(caption).toHaveText(expectedSteps[0]!.sentence)
  await expect(caption).toHaveText(/^The client opens a TCP connection to the web server/)
  await expect(page.getByTestId('present-arrows')).toHaveText(/^Client → Web server: SYN/)
  // Large type at 1280x720: lane names and message labels are drawn at least 20 px, and both rows
  // fit on the screen above the caption, without scrolling.
  for (const row of ['plain-ocsp', 'must-staple']) {
    const texts = await drawnText(page, row)
    expect(texts.length).toBeGreaterThan(4)
    expect(Math.min(...texts.map((t) => t.px))).toBeGreaterThanOrEqual(20)
    expect(Math.min(...texts.map((t) => t.height))).toBeGreaterThanOrEqual(20)
    const box = (await page.locator(`[data-row="${row}"]`).boundingBox())!
    const captionBox = (await caption.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(captionBox.y + 1)
  }
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720)
  await expect(page.getByTestId('present-diagrams').locator('[data-testid="diagrams"]')).toHaveAttribute(
    'data-fits',
    'true',
  )
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

  // Keep pressing: somewhere the plain OCSP row asks the CA, and says it is that row.
  let asked = false
  for (let i = 0; i < 30 && !asked; i++) {
    await page.keyboard.press('PageDown')
    asked = ((await caption.textContent()) ?? '').includes("The client asks the CA's responder")
  }
  expect(asked).toBe(true)
  await expect(caption).toHaveText(
    /^Plain OCSP \(soft-fail\): The client asks the CA's responder whether this certificate's serial number is revoked/,
  )

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
  const present = page.getByRole('link', { name: 'Present', exact: true })
  // It looks like the buttons beside it (Copy link, Embed, Export), not like a bare underlined link.
  const look = (element: Locator) =>
    element.evaluate((e) => {
      const style = getComputedStyle(e)
      return {
        border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
        background: style.backgroundColor,
        underline: style.textDecorationLine,
      }
    })
  expect(await look(present)).toEqual(await look(page.getByRole('button', { name: 'Copy link' })))
  await present.click()
  await expect(page).toHaveURL(/#\/present\?.*tls=1\.2/)
  await expect(page.getByTestId('present-caption')).toBeVisible()

  await page.goto('./#/learn/6')
  await page.getByRole('link', { name: 'Present', exact: true }).click()
  await expect(page).toHaveURL(/#\/present\?/)
  await expect(page.getByTestId('present-caption')).toBeVisible()
})

test('theme=dark draws presenter mode dark, theme=light light, whatever the reader prefers', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('./#/present?rows=stapling&theme=dark')
  await expect(page.getByTestId('present-caption')).toBeVisible()
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(await background()).toBe('rgb(18, 20, 23)')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('./#/present?rows=stapling&theme=light')
  await expect(page.getByTestId('present-caption')).toBeVisible()
  expect(await background()).toBe('rgb(255, 255, 255)')
})
