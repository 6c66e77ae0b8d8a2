/**
 * Accessibility as a new user meets it: axe-core over every view, light and dark, wide and phone
 * width; headings, a skip link, focus that is never dropped, a diagram whose tab order does not change
 * while it plays, reduced motion that waits for Play, and slider keys that make one history entry.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { framesPass } from './waits.ts'

// axe walks the whole page, and the inspector loads its parser first: more than the default 30 s
// on a loaded machine.
test.describe.configure({ timeout: 60_000 })

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * The serious and critical axe findings on the page, one line each. axe is injected with evaluate:
 * the page's Content-Security-Policy (script-src 'self') refuses an added <script>.
 */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } })
      .axe
    return (await axe.run(document)).violations
  })
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).split('\n').slice(1).join(' ')}`,
      ),
    )
}

/** What axe says against the given rules (all impacts), one line each. */
async function axeFindings(page: Page, rules: string[]): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (runOnly) => {
    const axe = (
      window as unknown as {
        axe: { run: (c: Document, o: { runOnly: string[] }) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    return (await axe.run(document, { runOnly })).violations
  }, rules)
  return (violations as AxeViolation[]).flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`))
}

/** The levels of the headings a screen reader lists, in document order. */
async function headingLevels(page: Page): Promise<number[]> {
  return page
    .getByRole('heading')
    .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1)) || Number(h.getAttribute('aria-level'))))
}

/** The no-check row's verdict ("Connected · 100 ms"). */
/** The live diagrams' verdict (the test id comes with the last live row; the prerendered frame has none). */
function verdict(page: Page) {
  return page.getByTestId('diagrams').locator('[data-row="none"] .verdict')
}

function playButton(page: Page) {
  return page.getByTestId('play')
}

/**
 * The diagrams show everything they will show: the scrubber moved to the end (as a reader may),
 * or, in the embed that has none, played to the end.
 */
async function diagramsFinished(page: Page): Promise<void> {
  await expect(page.getByTestId('diagrams').locator('figure.diagram')).toHaveCount(4)
  const scrubber = page.getByRole('group', { name: 'Playback' }).getByRole('slider')
  if ((await scrubber.count()) > 0) await scrubber.fill((await scrubber.getAttribute('max')) ?? '0')
  await expect(playButton(page)).toHaveAttribute('aria-label', /^(Replay|Play)$/, { timeout: 10_000 })
}

const views: Record<string, (page: Page) => Promise<void>> = {
  compare: async (page: Page) => {
    await page.goto('./#/compare')
    await diagramsFinished(page)
  },
  days: async (page: Page) => {
    await page.goto('./#/days')
    await expect(page.getByTestId('days-summary')).not.toBeEmpty()
    // The view draws a part per frame: every part (inputs, table, CA load) is in before axe looks.
    await expect(page.locator('section.days[aria-busy="false"]')).toBeVisible()
  },
  'inspect with a sample': async (page: Page) => {
    await page.goto('./#/inspect')
    await expect(page.locator('[data-ready="true"]')).toBeVisible()
    await page.getByRole('button', { name: 'Try a sample' }).click()
    await expect(page.getByRole('list', { name: 'OCSP response checks' })).toBeVisible()
  },
  'compare with your certificate': async (page: Page) => {
    await views['inspect with a sample'](page)
    await page
      .getByRole('button', { name: /Simulate with this/ })
      .first()
      .click()
    await expect(page.getByTestId('provenance')).toBeVisible()
    await diagramsFinished(page)
  },
  learn: async (page: Page) => {
    // Step 5 dims the rows it is not about.
    await page.goto('./#/learn/5')
    await diagramsFinished(page)
  },
  embed: async (page: Page) => {
    await page.goto('./#/embed')
    await diagramsFinished(page)
  },
  'your server with findings and a reading': async (page: Page) => {
    await page.goto('./#/server')
    await page.getByLabel(/Paste an nginx server block/).fill('server { listen 443 ssl; ssl_stapling on; }')
    await page.getByRole('button', { name: 'Check the configuration' }).click()
    await page.getByLabel('openssl output').fill('CONNECTED(00000003)\nOCSP response: no response sent\n')
    await page.getByRole('button', { name: 'Read the output' }).click()
    await expect(page.getByTestId('reader-result')).toBeVisible()
  },
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1440, 360]) {
    for (const [view, open] of Object.entries(views)) {
      test(`axe: no serious or critical violation in ${view}, ${colorScheme}, ${width} px`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 900 })
        await page.emulateMedia({ colorScheme })
        await open(page)
        expect(await seriousAxeFindings(page)).toEqual([])
      })
    }
  }
}

for (const [view, open] of Object.entries(views)) {
  test(`headings in ${view}: the page's h1 first, no level skipped, one main landmark`, async ({ page }) => {
    await open(page)
    const levels = await headingLevels(page)
    expect(levels[0]).toBe(1)
    expect(levels.filter((l) => l === 1)).toHaveLength(1)
    expect(await axeFindings(page, ['heading-order', 'page-has-heading-one', 'landmark-one-main'])).toEqual(
      [],
    )
  })
}

test('the first Tab reaches a skip link that moves focus past the controls to the diagrams', async ({
  page,
}) => {
  await page.goto('./#/compare')
  await expect(page.getByTestId('diagrams').locator('figure.diagram')).toHaveCount(4)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to the diagrams' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/compare$/)
  await expect(page.getByRole('region', { name: 'The handshakes, on one clock' })).toBeFocused()
  // The next stop is the playback bar's first button, not a scenario control.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Restart', exact: true })).toBeFocused()
})

test('in the days view the skip link lands on the timeline, in the inspector on the content', async ({
  page,
}) => {
  await page.goto('./#/days')
  await expect(page.getByTestId('days-summary')).not.toBeEmpty()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'The timeline', exact: true })).toBeFocused()

  // A fresh load: a hash change alone would keep the focus where the days view left it.
  await page.goto('about:blank')
  await page.goto('./#/inspect')
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to the content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

/** Where focus is, as "TAG name": never "BODY" after a button the reader pressed. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    return `${el?.tagName ?? 'none'} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 40) ?? ''}`
  })
}

test('focus stays put through Try a sample, pasting, removing a card and Clear all', async ({ page }) => {
  await page.goto('./#/inspect')
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  const sample = page.getByRole('button', { name: 'Try a sample' })
  await sample.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'OCSP response checks' })).toBeVisible()
  await expect(sample).toBeFocused()

  await page.getByLabel('Paste PEM or base64').fill('not base64 at all!')
  const inspectPasted = page.getByRole('button', { name: 'Inspect pasted text' })
  await inspectPasted.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('error-message')).toBeVisible()
  await expect(inspectPasted).toBeFocused()

  // Removing the leaf's card hands focus to the card now in its place.
  const cards = page.locator('.cards > article')
  const count = await cards.count()
  await page.getByRole('button', { name: /^Remove shop\.example/ }).press('Enter')
  await expect(cards).toHaveCount(count - 1)
  expect(await focused(page)).toMatch(/^ARTICLE/)
  await expect(cards.first()).toBeFocused()

  await page.getByRole('button', { name: 'Clear all' }).press('Enter')
  await expect(page.getByText('Nothing loaded yet.')).toBeVisible()
  await expect(page.getByTestId('file-input')).toBeFocused()
})

test('removing an outage hands focus to the next Remove button, then to Add an outage', async ({ page }) => {
  await page.goto('./#/days')
  const add = page.getByRole('button', { name: 'Add an outage' })
  await add.press('Enter')
  await expect(page.getByRole('button', { name: 'Remove outage 2' })).toBeVisible()

  await page.getByRole('button', { name: 'Remove outage 2' }).press('Enter')
  await expect(page.getByRole('button', { name: 'Remove outage 2' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove outage 1' })).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(page.getByText('The responder never goes down.')).toBeVisible()
  await expect(add).toBeFocused()
})

/** The diagram's messages and leak marks that a Tab can reach right now. */
async function focusableMessages(page: Page): Promise<number> {
  return page
    .locator('[data-testid="diagrams"] :is([data-flight], [data-leak])')
    .evaluateAll((marks) =>
      marks.filter((m) => {
        ;(m as SVGElement).focus()
        return document.activeElement === m
      }),
    )
    .then((reachable) => reachable.length)
}

test('every message is a tab stop from the start: the set does not change while the diagram plays', async ({
  page,
}) => {
  await page.goto('./#/compare')
  await expect(page.getByTestId('diagrams').locator('figure.diagram')).toHaveCount(4)
  await page.locator('h1').click()
  await page.keyboard.press('Home')
  await page.keyboard.press('Space')
  const marks = await page.locator('[data-testid="diagrams"] :is([data-flight], [data-leak])').count()
  expect(marks).toBeGreaterThan(20)
  // Near the start most messages are not sent yet: they are reachable, and say they are pending.
  const pending = page.locator('[data-testid="diagrams"] [data-flight][data-state="pending"]')
  expect(await pending.count()).toBeGreaterThan(10)
  await expect(pending.first()).toHaveAccessibleDescription(/Not happened yet/)
  expect(await focusableMessages(page)).toBe(marks)
  expect(await seriousAxeFindings(page)).toEqual([])

  await page.keyboard.press('Space')
  await framesPass(page, 36)
  expect(await focusableMessages(page)).toBe(marks)

  await diagramsFinished(page)
  await expect(pending).toHaveCount(0)
  expect(await focusableMessages(page)).toBe(marks)
})

for (const hash of ['#/compare', '#/learn/3', '#/embed']) {
  test(`under reduced motion nothing in ${hash} plays until Play is pressed`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(`./${hash}`)
    await expect(page.getByTestId('diagrams').locator('figure.diagram')).toHaveCount(4)
    // The messages sent at time 0 are shown whole; nothing after them appears by itself.
    const shown = page.locator('[data-testid="diagrams"] [data-flight]:not([data-state="pending"])')
    await expect(playButton(page)).toHaveAttribute('aria-label', 'Play')
    const atStart = await shown.count()
    expect(atStart).toBeLessThanOrEqual(4)
    await framesPass(page, 90)
    expect(await shown.count()).toBe(atStart)
    await expect(playButton(page)).toHaveAttribute('aria-label', 'Play')

    await playButton(page).click()
    await expect.poll(() => shown.count()).toBeGreaterThan(atStart)
  })
}

test('arrow keys on a slider make one history entry, as a drag does', async ({ page }) => {
  await page.goto('./#/compare')
  await expect(verdict(page)).toContainText('Connected · 100 ms')
  const rtt = page.getByRole('slider', { name: /Client ↔ server RTT/ })
  await rtt.focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/#\/compare\?rs=\d+$/)
  expect(Number(new URL(page.url()).hash.match(/rs=(\d+)/)?.[1])).toBeGreaterThan(50)
  // One Back returns to where the keys started, not to the fourth key press.
  await page.goBack()
  await expect(page).toHaveURL(/#\/compare$/)
  await expect(verdict(page)).toContainText('Connected · 100 ms')

  await page.goto('./#/days')
  await expect(page.getByTestId('days-summary')).not.toBeEmpty()
  const validity = page.getByRole('slider', { name: /Response validity/ })
  await validity.focus()
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/#\/days\?v=\d+/)
  await page.goBack()
  await expect(page).toHaveURL(/#\/days$/)
})

test('a link whose values cannot be read says so in readable colours (axe, light)', async ({ page }) => {
  await page.goto('./#/compare?rs=abc')
  await expect(page.getByTestId('link-problems')).toBeVisible()
  expect(await seriousAxeFindings(page)).toEqual([])
})

test("the inspector's count is one live region, kept while its words change, so a drop is announced", async ({
  page,
}) => {
  await page.goto('./#/inspect')
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  const status = page.locator('.toolbar [role="status"]')
  await expect(status).toHaveText('Nothing loaded yet.')
  // Mark the element: a live region added with its text already in it is often not read out.
  await status.evaluate((element) => element.setAttribute('data-before-drop', ''))
  await page
    .getByTestId('file-input')
    .setInputFiles(['certs/leaf-must-staple.pem', 'certs/intermediate.pem'].map((f) => `test/fixtures/${f}`))
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.locator('[role="status"][data-before-drop]')).toHaveText(/^\s*2\s+objects\s*$/)
})
