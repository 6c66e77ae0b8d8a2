import { expect, test, type Page } from '@playwright/test'

/**
 * The swimlane diagrams' words, measured in real Chromium with the real font: at every width, for
 * every row of the compare view and several scenarios, no label covers another label and no arrow
 * crosses a label; on a phone the diagrams read top to bottom with nothing to scroll sideways.
 */

interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}
interface Measured {
  row: string
  orientation: string
  labels: { text: string; rect: Rect }[]
  arrows: { x1: number; y1: number; x2: number; y2: number }[]
  svgRight: number
}

/**
 * Jump the shared clock to the end: every arrow, label and outcome is drawn. On the default link the
 * first frame's inert copy of the playback bar stands in until the live one loads, so this waits for
 * the live comparison (its test id comes with the last live part) before it moves the scrubber.
 */
async function finishPlayback(page: Page): Promise<void> {
  await expect(page.getByTestId('diagrams')).toBeVisible()
  const scrubber = page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')
  await scrubber.fill((await scrubber.getAttribute('max')) ?? '0')
  await expect(page.locator('[data-testid="diagrams"] g[data-outcome][visibility="visible"]')).toHaveCount(4)
}

/** Every visible word on each diagram's plot, and every arrow shaft, in page pixels. */
async function measure(page: Page): Promise<Measured[]> {
  return page.locator('[data-testid="diagrams"] figure.diagram').evaluateAll((figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector('svg')!
      const matrix = svg.getScreenCTM()!
      const point = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(matrix)
      const words = [
        ...svg.querySelectorAll('text.label, text.wait-caption, text.leak-text, .outcome text, .gap text'),
      ]
      const labels = words
        .filter((t) => getComputedStyle(t).visibility === 'visible' && (t.textContent ?? '') !== '')
        .map((t) => {
          const r = t.getBoundingClientRect()
          return {
            text: t.textContent ?? '',
            rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          }
        })
      const arrows = [...svg.querySelectorAll('line.shaft:not(.staple-glow)')]
        .filter((l) => getComputedStyle(l).visibility === 'visible')
        .map((l) => {
          const a = point(Number(l.getAttribute('x1')), Number(l.getAttribute('y1')))
          const b = point(Number(l.getAttribute('x2')), Number(l.getAttribute('y2')))
          return { x1: a.x, y1: a.y, x2: b.x, y2: b.y }
        })
      return {
        row: figure.closest('[data-row]')?.getAttribute('data-row') ?? '?',
        orientation: figure.getAttribute('data-orientation') ?? '?',
        labels,
        arrows,
        svgRight: svg.getBoundingClientRect().right,
      }
    }),
  )
}

/** Do two rectangles share more than a hair (half a pixel of anti-aliasing)? */
function intersect(a: Rect, b: Rect): boolean {
  const e = 0.5
  return a.left < b.right - e && b.left < a.right - e && a.top < b.bottom - e && b.top < a.bottom - e
}

/** Does the segment pass through the rectangle, shrunk by a pixel for the text's halo? (Liang-Barsky) */
function crosses(s: { x1: number; y1: number; x2: number; y2: number }, r: Rect): boolean {
  const [left, top, right, bottom] = [r.left + 1, r.top + 1, r.right - 1, r.bottom - 1]
  const dx = s.x2 - s.x1
  const dy = s.y2 - s.y1
  const p = [-dx, dx, -dy, dy]
  const q = [s.x1 - left, right - s.x1, s.y1 - top, bottom - s.y1]
  let t0 = 0
  let t1 = 1
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i]! < 0) return false
      continue
    }
    const t = q[i]! / p[i]!
    if (p[i]! < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

function problems(diagrams: Measured[]): string[] {
  const found: string[] = []
  for (const d of diagrams) {
    d.labels.forEach((a, i) => {
      for (const b of d.labels.slice(i + 1))
        if (intersect(a.rect, b.rect)) found.push(`${d.row}: "${a.text}" overlaps "${b.text}"`)
      d.arrows.forEach((arrow, j) => {
        if (crosses(arrow, a.rect)) found.push(`${d.row}: arrow ${j} crosses "${a.text}"`)
      })
    })
  }
  return found
}

const scenarios = [
  { name: 'the default scenario', query: '' },
  { name: 'a slow responder', query: 'resp=slow' },
  { name: 'the long chain', query: 'chain=13500&ob=1500' },
  { name: 'an attacker blocking OCSP', query: 'resp=blocked&cert=revoked&st=none' },
]

for (const { name, query } of scenarios) {
  test(`no label overlaps another or crosses an arrow, at 360 to 1440 px, in ${name}`, async ({ page }) => {
    test.setTimeout(60_000)
    for (const width of [360, 768, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`./#/compare${query ? `?${query}` : ''}`)
      await finishPlayback(page)
      const diagrams = await measure(page)
      expect(diagrams.map((d) => d.row)).toEqual(['none', 'plain-ocsp', 'stapling', 'must-staple'])
      // The test measures something: most arrows are named at every width.
      for (const d of diagrams)
        expect(d.labels.length, `${d.row} at ${width} px`).toBeGreaterThan(d.arrows.length * 0.6)
      expect(problems(diagrams), `at ${width} px`).toEqual([])
      // Nothing runs off the side of the page: no sideways scrolling.
      for (const d of diagrams) expect(d.svgRight, `${d.row} at ${width} px`).toBeLessThanOrEqual(width)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    }
  })
}

test('on a 360 px phone each diagram is a vertical sequence chart; on a wide screen, rows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto('./#/compare')
  await finishPlayback(page)
  const phone = await measure(page)
  expect(phone.map((d) => d.orientation)).toEqual(['vertical', 'vertical', 'vertical', 'vertical'])
  // Parties are column heads, time runs down: the first message (SYN) goes from the client's
  // column to the server's, further down the page.
  const plain = page.locator('[data-row="plain-ocsp"]')
  await expect(plain.locator('.lane-name')).toHaveText(['Server', 'Client', 'DNS', 'Responder'])
  const syn = phone[1]!.arrows[0]!
  expect(syn.y2).toBeGreaterThan(syn.y1)
  expect(syn.x2).toBeLessThan(syn.x1)
  // The whole plain-OCSP story is written on it.
  await expect(plain.locator('text.wait-caption')).toHaveText('waits 130 ms')
  await expect(plain.locator('.leak-text').first()).toBeVisible()
  await expect(plain.locator('.outcome text')).toHaveText('Connected · 230 ms')

  // A message stays one tap or Tab away: focus shows its tooltip.
  await plain.locator('g.flight').first().focus()
  await expect(page.getByRole('tooltip')).toContainText('Client → Web server')

  await page.setViewportSize({ width: 1440, height: 900 })
  await expect(
    page.locator('[data-testid="diagrams"] figure.diagram[data-orientation="horizontal"]'),
  ).toHaveCount(4)
})

test('the embedded diagrams turn vertical in a narrow iframe and keep their labels apart at any width', async ({
  page,
}) => {
  for (const width of [360, 1024]) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto('./#/embed')
    const orientation = width === 360 ? 'vertical' : 'horizontal'
    await expect(page.locator(`figure.diagram[data-orientation="${orientation}"]`)).toHaveCount(4)
    await expect(page.locator('g[data-outcome][visibility="visible"]')).toHaveCount(4, { timeout: 15_000 })
    const diagrams = await measure(page)
    expect(problems(diagrams), `at ${width} px`).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
  }
})

test('on a phone the clock plays down the page: arrows grow down, the wait grows down, steps with reduced motion', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto('./#/compare')
  await expect(page.getByTestId('diagrams')).toBeVisible()
  const scrubber = page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')
  await page.getByRole('button', { name: 'Pause' }).click()
  await scrubber.fill('150')
  const plain = page.locator('[data-row="plain-ocsp"]')
  // Half way through the client's 130 ms wait (100 to 230 ms): its span has grown down, not across.
  const wait = plain.locator('rect[data-wait]').first()
  const grown = Number(await wait.getAttribute('height'))
  expect(Number(await wait.getAttribute('width'))).toBe(14)
  await scrubber.fill('230')
  expect(Number(await wait.getAttribute('height'))).toBeGreaterThan(grown * 2)
  // The "now" line runs across the columns at the clock's height.
  const now = plain.locator('line[data-now]')
  expect(await now.getAttribute('y1')).toBe(await now.getAttribute('y2'))

  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('./#/compare')
  await page
    .getByRole('button', { name: /Pause|Play|Replay/ })
    .first()
    .focus()
  await page.keyboard.press('Home')
  await page.locator('h1').click()
  await page.keyboard.press('ArrowRight')
  // With reduced motion a message appears whole: the first arrow's tip is already at its receiver.
  const first = plain.locator('[data-flight="0"]')
  // (A message not sent yet is data-state="pending", still a tab stop; a sent one is drawn.)
  await expect(first).toHaveAttribute('data-state', /^(flying|done)$/)
  const ends = await first.evaluate((g) => {
    const shaft = g.querySelector('line.shaft')!
    const hit = g.querySelector('line.hit')!
    return [shaft.getAttribute('y2'), hit.getAttribute('y2')].map(Number)
  })
  expect(ends[0]).toBeCloseTo(ends[1]!, 0)
})

test('the lesson’s diagrams keep their labels apart on a phone and a wide screen', async ({ page }) => {
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('./#/learn/5')
    await expect(page.locator('[data-testid="diagrams"] figure.diagram')).toHaveCount(4)
    await finishPlayback(page)
    const diagrams = await measure(page)
    expect(new Set(diagrams.map((d) => d.orientation))).toEqual(
      new Set([width === 360 ? 'vertical' : 'horizontal']),
    )
    expect(problems(diagrams), `at ${width} px`).toEqual([])
  }
})

test('each diagram reads as text: a screen reader has the list before it opens, "As text" shows it', async ({
  page,
}) => {
  await page.goto('./')
  const plain = page.getByTestId('diagrams').locator('figure.diagram[aria-labelledby]').nth(1)
  // Hidden on screen, but in the accessibility tree: the messages in time order, then the outcome.
  const list = plain.getByRole('list')
  await expect(list.getByRole('listitem').first()).toHaveText(/^0 ms → 25 ms Client → Web server: SYN/)
  await expect(list.getByRole('listitem').last()).toHaveText(/Connected after 230 ms\.$/)
  await expect(list).not.toBeInViewport()
  const toggle = plain.getByRole('button', { name: 'As text' })
  await toggle.click()
  await expect(plain.getByRole('button', { name: 'Hide text' })).toHaveAttribute('aria-expanded', 'true')
  await expect(list).toBeVisible()
  await expect(
    list.getByRole('listitem').filter({ hasText: 'The client (browser) waits 130 ms' }),
  ).toHaveText(/^100 ms to 230 ms The client \(browser\) waits 130 ms\./)
})
