import { expect, test, type Page } from '@playwright/test'

/** The 16:9 slide sizes the embed code dialog offers. */
const slides = [
  { width: 800, height: 450 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const
const rows = ['none', 'plain-ocsp', 'stapling', 'must-staple'] as const

/** Each row's box on screen, and how tall the document is. */
async function layout(page: Page) {
  const boxes = await Promise.all(rows.map((row) => page.locator(`[data-row="${row}"]`).boundingBox()))
  const scroll = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }))
  return { boxes, scroll }
}

for (const slide of slides) {
  test(`at ${slide.width}x${slide.height} all four rows show whole, without scrolling`, async ({ page }) => {
    await page.setViewportSize(slide)
    await page.goto('./#/embed?rows=none,ocsp-soft-fail,stapling,must-staple')
    await expect(page.locator('figure.diagram[data-orientation="horizontal"]')).toHaveCount(4)
    await expect(page.getByTestId('diagrams')).toHaveAttribute('data-fits', 'true')
    const { boxes, scroll } = await layout(page)
    for (const [i, box] of boxes.entries()) {
      expect(box, rows[i]).not.toBeNull()
      expect(box!.y, rows[i]).toBeGreaterThanOrEqual(0)
      expect(box!.x, rows[i]).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height, rows[i]).toBeLessThanOrEqual(slide.height)
      expect(box!.x + box!.width, rows[i]).toBeLessThanOrEqual(slide.width)
    }
    expect(scroll.height).toBeLessThanOrEqual(slide.height)
    expect(scroll.width).toBeLessThanOrEqual(slide.width)
    // The same data as the comparison view: as many arrows in every row.
    const arrows = () =>
      Promise.all(rows.map((row) => page.locator(`[data-row="${row}"] [data-flight]`).count()))
    const embedded = await arrows()
    await page.goto('./#/compare')
    await expect(page.locator('figure.diagram')).toHaveCount(4)
    expect(await arrows()).toEqual(embedded)
    expect(embedded[1]).toBeGreaterThan(10)
  })
}

test('rows= shows only the chosen rows, larger', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 })
  await page.goto('./#/embed?rows=ocsp-soft-fail,must-staple')
  await expect(page.locator('figure.diagram')).toHaveCount(2)
  await expect(page.locator('[data-row="plain-ocsp"]')).toBeVisible()
  await expect(page.locator('[data-row="must-staple"]')).toBeVisible()
  await expect(page.locator('[data-row="none"]')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'One TLS handshake: Plain OCSP (soft-fail) · Must-staple',
  )
})

test('controls=none shows no buttons, and the diagram plays by itself', async ({ page }) => {
  await page.goto('./#/embed?controls=none')
  await expect(page.locator('figure.diagram')).toHaveCount(4)
  await expect(page.getByRole('button')).toHaveCount(0)
  await expect(page.locator('g[data-outcome][visibility="visible"]')).toHaveCount(4, { timeout: 15_000 })
})

test('controls=full gives the playback bar; controls=play one play button', async ({ page }) => {
  await page.goto('./#/embed?controls=full')
  await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible()
  await page.goto('./#/embed?controls=play')
  await expect(page.getByRole('group', { name: 'Playback' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Pause|Play/ })).toHaveCount(1)
})

test('start=end opens on the finished diagram: every message done, nothing moving', async ({ page }) => {
  await page.goto('./#/embed?start=end')
  await expect(page.locator('figure.diagram')).toHaveCount(4)
  expect(await page.locator('[data-flight]').count()).toBeGreaterThan(20)
  await expect(page.locator('[data-flight]:not([data-state="done"])')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
})

test('with reduced motion and no buttons, the embed shows the finished diagram rather than nothing', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('./#/embed?controls=none')
  await expect(page.locator('[data-flight]').first()).toHaveAttribute('data-state', 'done')
  await expect(page.locator('[data-flight]:not([data-state="done"])')).toHaveCount(0)
})

test('theme=dark and theme=light override the reader’s preference', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('./#/embed')
  await expect(page.locator('figure.diagram')).toHaveCount(4)
  expect(await background()).toBe('rgb(255, 255, 255)')
  await page.goto('./#/embed?theme=dark')
  await expect(page.locator('figure.diagram')).toHaveCount(4)
  expect(await background()).toBe('rgb(18, 20, 23)')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('./#/embed?theme=light')
  await expect(page.locator('figure.diagram')).toHaveCount(4)
  expect(await background()).toBe('rgb(255, 255, 255)')
})

test('an option the embed does not know is named in one line, and the rest still shows', async ({ page }) => {
  await page.goto('./#/embed?theme=<b>pink</b>&rows=crl')
  const problems = page.getByTestId('link-problems')
  await expect(problems).toContainText('theme: "<b>pink</b>" is not one of auto, light, dark')
  await expect(problems).toContainText('rows: "crl" is not one of')
  await expect(page.locator('figure.diagram')).toHaveCount(4)
})

test('the embed code dialog offers the 16:9 sizes and previews the snippet at that size', async ({
  page,
}) => {
  await page.goto('./#/compare?rs=80')
  await page.getByRole('button', { name: 'Embed', exact: true }).click()
  const code = page.getByRole('textbox', { name: /Paste this/ })
  const preview = page.getByTestId('embed-preview')
  for (const slide of slides) {
    await page.getByRole('radio', { name: `${slide.width} × ${slide.height}` }).check()
    await expect(code).toHaveValue(new RegExp(`width="${slide.width}" height="${slide.height}"`))
    await expect(preview).toHaveAttribute('width', String(slide.width))
    await expect(preview).toHaveAttribute('height', String(slide.height))
    expect(await preview.evaluate((f: HTMLIFrameElement) => [f.offsetWidth, f.offsetHeight])).toEqual([
      slide.width,
      slide.height,
    ])
    // The preview is the snippet: the same address, showing every row without scrolling.
    const src = (await code.inputValue()).match(/src="([^"]+)"/)![1]!.replaceAll('&amp;', '&')
    await expect(preview).toHaveAttribute('src', src)
    const frame = page.frameLocator('[data-testid="embed-preview"]')
    await expect(frame.locator('figure.diagram')).toHaveCount(4)
    await expect(frame.getByTestId('diagrams')).toHaveAttribute('data-fits', 'true')
  }
})

test('the web component example page renders the chosen rows and plays, with no request beyond its files', async ({
  page,
}) => {
  const requests: string[] = []
  page.on('request', (r) => requests.push(new URL(r.url()).pathname))
  await page.setViewportSize({ width: 1000, height: 1400 })
  await page.goto('./embed-example.html')
  const first = page.locator('staple-lab-diagram#plain-vs-must-staple')
  await expect(first.locator('figure.diagram')).toHaveCount(2)
  await expect(first.locator('[data-row="plain-ocsp"]')).toBeVisible()
  await expect(first.locator('[data-row="must-staple"]')).toBeVisible()
  // It plays: every message of the chosen rows arrives.
  await expect(first.locator('g[data-outcome][visibility="visible"]')).toHaveCount(2, { timeout: 15_000 })
  await expect(first.locator('[data-flight]:not([data-state="done"])')).toHaveCount(0)
  await first.getByRole('button', { name: 'Play' }).click()
  await expect(first.getByRole('button', { name: 'Pause' })).toBeVisible()

  // The second: all rows, finished, dark, no buttons, all of it inside its 16:9 box.
  const second = page.locator('staple-lab-diagram#all-rows')
  await expect(second.locator('figure.diagram')).toHaveCount(4)
  await expect(second.getByRole('button')).toHaveCount(0)
  await expect(second.locator('[data-flight]:not([data-state="done"])')).toHaveCount(0)
  expect(await second.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(18, 20, 23)')
  const host = (await second.boundingBox())!
  expect(host.width / host.height).toBeCloseTo(16 / 9, 1)
  for (const row of rows) {
    const box = (await second.locator(`[data-row="${row}"]`).boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(host.y + host.height)
  }
  // The host page's styles stay out: its serif font does not reach the diagrams.
  expect(
    await second
      .locator('h3')
      .first()
      .evaluate((h) => getComputedStyle(h).fontFamily),
  ).not.toContain('Georgia')
  expect(requests.sort()).toEqual(['/embed-example.html', '/staple-lab-embed.js'])
})

test('a narrow slide keeps each row’s verdict whole: what does not fit after it leaves whole, never cut', async ({
  page,
}) => {
  // Four rows at 450 px, and one row on a 800x450 slide: a one-line head with more than it holds.
  for (const [size, query] of [
    [{ width: 450, height: 253 }, ''],
    [{ width: 800, height: 450 }, '&rows=ocsp-soft-fail'],
  ] as const) {
    await page.setViewportSize(size)
    await page.goto(`./#/embed?start=end${query}`)
    await expect(page.getByTestId('diagrams')).toHaveAttribute('data-orientation', 'horizontal')
    const parts = await page.locator('[data-row="plain-ocsp"] p.verdict').evaluate((verdict) => {
      const box = verdict.getBoundingClientRect()
      return [...verdict.children].map((part) => {
        const r = part.getBoundingClientRect()
        return {
          text: part.textContent,
          whole:
            r.left >= box.left - 0.5 &&
            r.right <= box.right + 0.5 &&
            r.top >= box.top - 0.5 &&
            r.bottom <= box.bottom + 0.5 &&
            part.scrollWidth <= part.clientWidth,
          gone: r.top >= box.bottom - 0.5 || r.left >= box.right - 0.5,
        }
      })
    })
    expect(parts[0], `${size.width} px`).toEqual({ text: 'Connected · 230 ms', whole: true, gone: false })
    for (const part of parts) expect(part.whole || part.gone, `${part.text} at ${size.width} px`).toBe(true)
  }
})
