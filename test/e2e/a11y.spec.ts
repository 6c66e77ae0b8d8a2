/**
 * Accessibility as a new user meets it: axe-core over every view, light and dark, wide and phone
 * width; headings, a skip link, focus that is never dropped, a diagram whose tab order does not change
 * while it plays, reduced motion that waits for Play, and slider keys that make one history entry.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'

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

function playButton(page: Page) {
  return page.getByTestId('play')
}

/**
 * The diagrams show everything they will show: the scrubber moved to the end (as a reader may),
 * or, in the embed that has none, played to the end.
 */
async function diagramsFinished(page: Page): Promise<void> {
  await expect(page.locator('figure.diagram')).toHaveCount(4)
  const scrubber = page.getByRole('group', { name: 'Playback' }).getByRole('slider')
  if ((await scrubber.count()) > 0) await scrubber.fill((await scrubber.getAttribute('max')) ?? '0')
  await expect(playButton(page)).toHaveAttribute('aria-label', /^(Replay|Play)$/, { timeout: 10_000 })
}

const views = {
  compare: async (page: Page) => {
    await page.goto('./#/compare')
    await diagramsFinished(page)
  },
  days: async (page: Page) => {
    await page.goto('./#/days')
    await expect(page.getByTestId('days-summary')).not.toBeEmpty()
  },
  'inspect with a sample': async (page: Page) => {
    await page.goto('./#/inspect')
    await expect(page.locator('[data-ready="true"]')).toBeVisible()
    await page.getByRole('button', { name: 'Try a sample' }).click()
    await expect(page.getByRole('list', { name: 'OCSP response checks' })).toBeVisible()
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
} as const

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
