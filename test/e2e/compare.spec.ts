import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { burstEnds, framesPass } from './waits.ts'
import { watchNetwork } from './network.ts'

/** Every arrow tip on the page: "x2,y2" per shaft (hidden arrows included, as empty strings). */
async function arrowTips(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="diagrams"] line.shaft')
    .evaluateAll((lines) => lines.map((l) => `${l.getAttribute('x2') ?? ''},${l.getAttribute('y2') ?? ''}`))
}

function scrubber(page: Page) {
  return page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')
}

async function clockTime(page: Page): Promise<number> {
  return Number(await scrubber(page).inputValue())
}

/** The live diagrams' verdict (the test id comes with the last live row; the prerendered frame has none). */
function verdict(page: Page, row: string) {
  return page.getByTestId('diagrams').locator(`[data-row="${row}"] .verdict`)
}

test('the default scenario opens already playing: arrows fly on one shared clock', async ({ page }) => {
  await page.goto('./')
  await expect(page.locator('[data-testid="diagrams"] figure.diagram')).toHaveCount(4)
  const network = watchNetwork(page)
  const first = await arrowTips(page)
  await expect.poll(() => arrowTips(page)).not.toEqual(first)
  expect(await clockTime(page)).toBeGreaterThan(0)
  // The four modes, their outcomes, and the lanes of the default scenario (no attacker).
  await expect(verdict(page, 'none')).toContainText('Connected · 100 ms')
  await expect(verdict(page, 'plain-ocsp')).toContainText('230 ms')
  await expect(page.locator('[data-row="none"] .lane-name')).toHaveText([
    'Web server',
    'Client',
    'DNS',
    'OCSP responder',
  ])
  await expect(page.getByText('1× = 10× slower than real time')).toBeVisible()
  expect(network).toEqual([])
})

test('a control change re-simulates: the latency numbers change and the animation restarts', async ({
  page,
}) => {
  await page.goto('./')
  const latency = page.locator('.panel.latency')
  await expect(latency).toContainText('230 ms')
  // Well into the handshake, so a restart shows.
  await expect.poll(() => clockTime(page)).toBeGreaterThan(150)
  await page.getByRole('button', { name: 'Mobile 3G' }).click()
  await expect(verdict(page, 'none')).not.toContainText('· 100 ms')
  await expect(latency).not.toContainText('230 ms')
  expect(await clockTime(page)).toBeLessThan(150)
  await expect(page).toHaveURL(/#\/compare\?.*rs=300/)
})

test('the URL holds the scenario: a reload restores it, back and forward step through changes', async ({
  page,
}) => {
  await page.goto('./#/compare?rs=200&x=2')
  await expect(verdict(page, 'none')).toContainText('Connected · 400 ms')
  await page.reload()
  await expect(verdict(page, 'none')).toContainText('Connected · 400 ms')
  await expect(page.getByRole('group', { name: 'Playback' }).getByRole('combobox')).toHaveValue('2')

  await page.getByRole('button', { name: 'Fast fibre' }).click()
  await expect(verdict(page, 'none')).toContainText('Connected · 20 ms')
  await burstEnds(page)
  await page.getByRole('button', { name: 'TLS 1.2', exact: true }).click()
  await expect(page).toHaveURL(/tls=1\.2/)
  await expect(verdict(page, 'none')).toContainText('Connected · 150 ms')

  await page.goBack()
  await expect(verdict(page, 'none')).toContainText('Connected · 20 ms')
  await page.goBack()
  await expect(verdict(page, 'none')).toContainText('Connected · 400 ms')
  await page.goForward()
  await expect(verdict(page, 'none')).toContainText('Connected · 20 ms')
})

test('a link with bad values names each once and keeps the valid ones', async ({ page }) => {
  await page.goto('./#/compare?rs=-5&tls=9&rr=80')
  const problems = page.getByTestId('link-problems')
  await expect(problems.getByRole('listitem')).toHaveText([
    'TLS version: tls=9 is not one of 1.2, 1.3',
    'Client ↔ server RTT: rs=-5 is not a number from 0 to 60000 ms',
  ])
  // The default 50 ms server RTT: TCP and TLS 1.3 take two round trips.
  await expect(verdict(page, 'none')).toContainText('Connected · 100 ms')
  // The valid responder RTT is kept: plain OCSP's fetch takes 80 ms round trips, not 50.
  await expect(page.getByRole('spinbutton', { name: 'Client ↔ responder RTT' })).toHaveValue('80')
})

test('embed mode shows only the diagrams, a play button and a link back', async ({ page }) => {
  await page.goto('./#/embed?rs=80')
  await expect(page.getByTestId('diagrams').locator('figure.diagram')).toHaveCount(4)
  await expect(page.locator('header.top')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Mobile 3G' })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Playback' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Pause|Play/ })).toHaveCount(1)
  const open = page.getByRole('link', { name: /Open in Staple Lab/ })
  await expect(open).toHaveAttribute('href', /#\/compare\?rs=80$/)
  await expect(verdict(page, 'none')).toContainText('Connected · 160 ms')
})

test('the embed code is an iframe of the current scenario in embed mode', async ({ page }) => {
  await page.goto('./#/compare?rs=80')
  await page.getByRole('button', { name: 'Embed', exact: true }).click()
  const code = await page.getByRole('textbox', { name: /Paste this/ }).inputValue()
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#\/embed\?rs=80" /)
  expect(code).toContain('</iframe>')
})

test('exports download a valid SVG, PNG and JSON, without a network request', async ({ page }) => {
  await page.goto('./#/compare?resp=blocked&cert=revoked&st=none')
  const network = watchNetwork(page)
  const exportAs = async (name: string) => {
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ])
    return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) }
  }

  const svg = await exportAs('Diagrams as SVG')
  expect(svg.name).toMatch(/^staple-lab-compare-.*\.svg$/)
  const text = svg.bytes.toString('utf8')
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml')
    return {
      root: doc.documentElement.nodeName,
      error: doc.getElementsByTagName('parsererror').length,
      diagrams: doc.querySelectorAll('svg > svg').length,
    }
  }, text)
  expect(parsed).toEqual({ root: 'svg', error: 0, diagrams: 4 })
  // Colours are inlined: the file does not depend on the page's CSS variables.
  expect(text).not.toContain('var(--')
  expect(text).toContain('Attacker')

  const png = await exportAs('Diagrams as PNG')
  expect(png.name).toMatch(/\.png$/)
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.bytes.length).toBeGreaterThan(10_000)

  const json = await exportAs('Scenario and runs as JSON')
  const data = JSON.parse(json.bytes.toString('utf8')) as {
    scenario: { responder: string }
    runs: Record<string, { outcome: string; events: unknown[] }>
  }
  expect(data.scenario.responder).toBe('blocked')
  expect(Object.keys(data.runs)).toEqual(['none', 'plain-ocsp', 'stapling', 'must-staple'])
  expect(data.runs['must-staple']!.outcome).toBe('rejected')
  expect(network).toEqual([])
})

test('keyboard playback: Space pauses and resumes, → steps to the next message, Home restarts', async ({
  page,
}) => {
  await page.goto('./')
  await expect(page.getByTestId('diagrams').locator('figure.diagram')).toHaveCount(4)
  await page.locator('h1').click()
  await page.keyboard.press('Space')
  const paused = await clockTime(page)
  const tips = await arrowTips(page)
  await framesPass(page, 20)
  expect(await clockTime(page)).toBe(paused)
  expect(await arrowTips(page)).toEqual(tips)

  // Home restarts: back to the start, playing (clock.ts restart). Space then pauses it wherever it is.
  await page.keyboard.press('Home')
  const playback = page.getByRole('group', { name: 'Playback' })
  await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(() => clockTime(page)).toBeGreaterThan(0)
  await page.keyboard.press('Space')
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible()
  const start = await clockTime(page)
  await page.keyboard.press('ArrowRight')
  const stepped = await clockTime(page)
  expect(stepped).toBeGreaterThan(start)
  await page.keyboard.press('ArrowRight')
  expect(await clockTime(page)).toBeGreaterThan(stepped)
  await page.keyboard.press('ArrowLeft')
  expect(await clockTime(page)).toBe(stepped)

  await page.keyboard.press('Space')
  await expect.poll(() => clockTime(page)).toBeGreaterThan(stepped)
})

test('focusing a message shows its details', async ({ page }) => {
  await page.goto('./')
  // Let the whole handshake arrive.
  await expect.poll(() => clockTime(page), { timeout: 10_000 }).toBe(255)
  const syn = page.locator('[data-row="plain-ocsp"] [data-flight]').first()
  await syn.focus()
  const tip = page.getByRole('tooltip')
  await expect(tip).toContainText('Client → Web server')
  await expect(tip).toContainText('60 B')
  await expect(tip).toContainText('TCP connect')
})

test('with reduced motion, messages appear whole, one step at a time, once Play is pressed', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('./')
  await expect(page.getByText('Reduced motion: one message at a time')).toBeVisible()
  await page.getByTestId('play').click()
  for (let i = 0; i < 6; i++) {
    // Each shown arrow is drawn to its end: the shaft's tip is the hit line's end.
    const partial = await page.locator('[data-testid="diagrams"] [data-flight]').evaluateAll(
      (groups) =>
        groups.filter((g) => {
          if (g.getAttribute('data-state') === 'pending') return false
          const shaft = g.querySelector('line.shaft:not(.staple-glow)')
          const hit = g.querySelector('line.hit')
          return Math.abs(Number(shaft?.getAttribute('x2')) - Number(hit?.getAttribute('x2'))) > 0.2
        }).length,
    )
    expect(partial).toBe(0)
    await framesPass(page, 15)
  }
  // The clock jumps from moment to moment rather than gliding: over 40 frames it shows a few
  // values, where continuous playback shows a new one on nearly every frame.
  const clockPerFrame = await scrubber(page).evaluate(
    (input: HTMLInputElement) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = []
        const frame = () => {
          seen.push(Number(input.value))
          if (seen.length < 40) requestAnimationFrame(frame)
          else resolve(seen)
        }
        requestAnimationFrame(frame)
      }),
  )
  expect(new Set(clockPerFrame).size).toBeLessThanOrEqual(10)
  await page.locator('h1').click()
  const before = await clockTime(page)
  await page.keyboard.press('ArrowRight')
  expect(await clockTime(page)).toBeGreaterThan(before)
})
