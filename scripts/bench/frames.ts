/**
 * Frame times of the comparison view while its four diagrams play, in Chromium.
 *
 * Serves dist/ with `vite preview` (_preview.ts: on $BENCH_PORT or a free port), opens the
 * page, and records requestAnimationFrame deltas over ~3 s: once with all four diagrams animating
 * and once on the same page paused (the reference: what the browser's frame loop costs by itself
 * on this machine). Prints p50/p95 against the 16.7 ms budget of a 60 Hz display, as ratios.
 */
import { cpus, loadavg } from 'node:os'
import type { Browser, Page } from '@playwright/test'
import { inChromium } from './_preview.ts'

export const name = 'frames: compare view playback in Chromium'

const budgetMs = 1000 / 60
const sampleMs = 3000
/** Mobile 3G-like round trips: about 12 s of playback at 1x, so 3 s of samples see arrows in flight. */
const scenarioHash = '#/compare?rs=300&rr=320&rd=200'

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

interface FrameStats {
  frames: number
  p50: number
  p95: number
  max: number
}

async function sampleFrames(page: Page): Promise<FrameStats> {
  // A string, not a function: tsx's esbuild would wrap a named inner function in a __name() helper
  // that does not exist in the page.
  const deltas = (await page.evaluate(`new Promise((resolve) => {
    const out = []
    let last = 0
    let start = 0
    function frame(now) {
      if (start === 0) start = now
      else out.push(now - last)
      last = now
      if (now - start < ${sampleMs}) requestAnimationFrame(frame)
      else resolve(out)
    }
    requestAnimationFrame(frame)
  })`)) as number[]
  const sorted = [...deltas].sort((a, b) => a - b)
  return {
    frames: deltas.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
  }
}

function line(label: string, s: FrameStats): string {
  const r = (n: number) => (n / budgetMs).toFixed(2)
  return (
    `${label.padEnd(28)} ${String(s.frames).padStart(4)} frames  p50 ${s.p50.toFixed(1).padStart(5)} ms (${r(s.p50)}x budget)` +
    `  p95 ${s.p95.toFixed(1).padStart(5)} ms (${r(s.p95)}x budget)  max ${s.max.toFixed(1)} ms`
  )
}

export function run(): Promise<void> {
  return inChromium(measure)
}

async function measure(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(base + scenarioHash)
  await page.locator('figure.diagram').nth(3).waitFor()
  const time = page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')

  const before = Number(await time.inputValue())
  const playing = await sampleFrames(page)
  const after = Number(await time.inputValue())
  if (!(after > before)) throw new Error('the playback did not advance while sampling')

  await page.locator('h1').click()
  await page.keyboard.press('Space')
  const idle = await sampleFrames(page)

  const arrows = await page.locator('line.shaft').count()
  console.log(
    `viewport 1440x900, 4 diagrams, ${arrows} arrows, ${(after - before).toFixed(0)} simulated ms played;` +
      ` load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (a busy machine drops frames in both rows)`,
  )
  console.log(line('four diagrams playing', playing))
  console.log(line('same page paused (reference)', idle))
  console.log(
    `playing/paused: p50 ${(playing.p50 / idle.p50).toFixed(2)}x, p95 ${(playing.p95 / idle.p95).toFixed(2)}x` +
      ` (budget ${budgetMs.toFixed(1)} ms at 60 Hz)`,
  )
}
