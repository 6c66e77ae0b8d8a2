/**
 * The days view under its heaviest inputs, in Chromium: a year at 1,000,000 handshakes an hour.
 *
 * 1. One arrow key on the response-validity slider: the longest main-thread task from the key to
 *    the redrawn lanes (a Chromium performance trace, RunTask events on the renderer's main thread),
 *    against node running the same five horizons (the engine's cost with no page around it).
 * 2. Opening a link with 2,000 outages over that year: the longest main-thread task and the page's
 *    element count, against opening the default #/days link.
 *
 * Median of 5 each, with what the longest task was made of (script, style and layout, paint, GC)
 * and its CPU time beside its wall time. The goal (issue 14): no task over 50 ms, and the page
 * answers every key.
 */
import { cpus, loadavg } from 'node:os'
import type { Browser, Page } from '@playwright/test'
import { runLanes } from '../../src/lib/days/lanes.ts'
import { inChromium } from './_preview.ts'

export const name = 'days: a year at 1,000,000 handshakes an hour in Chromium'

const runs = 5
const goalMs = 50
const year = { days: 366, validityHours: 168, responseAgeHours: 0, handshakesPerHour: 1_000_000 }
const yearHash = `#/days?d=${year.days}&r=${year.handshakesPerHour}`
/** 2,000 one-hour outages, one every 4 hours: the link's first 20 are simulated (maxOutages). */
const manyOutages = Array.from({ length: 2000 }, (_, i) => `${i * 4 + 1}-${i * 4 + 2}`).join('_')

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** The thread's own CPU time: on a loaded machine a task's wall time also counts the others' turns. */
  tdur?: number
  args?: { name?: string }
}

/** What the longest task on the renderer's main thread was made of, in ms. */
interface LongestTask {
  wallMs: number
  cpuMs: number
  /** The most CPU time any task on the main thread took (not always the longest one's). */
  mostCpuMs: number
  /** Wall time inside it, by kind (nested events counted once; GC also counts in script). */
  parts: Record<TaskPart, number>
}
type TaskPart = 'script' | 'style and layout' | 'paint' | 'GC'
const partEvents: Record<TaskPart, readonly string[]> = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.compileModule',
    'v8.evaluateModule',
    'EventDispatch',
    'RunMicrotasks',
    'TimerFire',
    'FireAnimationFrame',
  ],
  'style and layout': ['UpdateLayoutTree', 'Layout', 'PrePaint'],
  paint: ['Paint', 'Layerize', 'Commit'],
  GC: ['MinorGC', 'MajorGC'],
}

/** Total length of intervals, overlaps counted once. */
function unionMs(intervals: [number, number][]): number {
  let total = 0
  let reach = Number.NEGATIVE_INFINITY
  for (const [from, to] of intervals.sort((a, b) => a[0] - b[0])) {
    if (to > reach) total += to - Math.max(from, reach)
    reach = Math.max(reach, to)
  }
  return total / 1000
}

/** The longest task on any renderer main thread in a Chromium trace, and what it did. */
function longestMainThreadTask(trace: Buffer): LongestTask {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const main = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
  let longest: TraceEvent | undefined
  let mostCpu = 0
  for (const e of onMain) {
    if (e.name !== 'RunTask') continue
    if ((e.dur ?? 0) > (longest?.dur ?? 0)) longest = e
    mostCpu = Math.max(mostCpu, (e.tdur ?? 0) / 1000)
  }
  const parts = { script: 0, 'style and layout': 0, paint: 0, GC: 0 }
  if (!longest) return { wallMs: 0, cpuMs: 0, mostCpuMs: 0, parts }
  const from = longest.ts
  const to = from + (longest.dur ?? 0)
  for (const part of Object.keys(parts) as TaskPart[])
    parts[part] = unionMs(
      onMain
        .filter((e) => partEvents[part].includes(e.name) && e.ts >= from && e.ts + (e.dur ?? 0) <= to)
        .map((e): [number, number] => [e.ts, e.ts + (e.dur ?? 0)]),
    )
  return { wallMs: (longest.dur ?? 0) / 1000, cpuMs: (longest.tdur ?? 0) / 1000, mostCpuMs: mostCpu, parts }
}

async function traced(browser: Browser, page: Page, action: () => Promise<void>): Promise<LongestTask> {
  await browser.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel'],
  })
  await action()
  return longestMainThreadTask(await browser.stopTracing())
}

/** The lanes drawn for the current input and the main thread idle again. */
async function settled(page: Page): Promise<void> {
  await page
    .getByTestId('days-summary')
    .filter({ hasText: /^With / })
    .waitFor()
  await page.locator('[data-testid="timeline"][aria-busy="false"]').waitFor()
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 })),
  )
}

/** The typed field shows `hours` (the slider and the link moved with it). */
async function validityShown(page: Page, hours: number): Promise<void> {
  const field = page.getByRole('spinbutton', { name: /Response validity/ })
  for (let tries = 0; (await field.inputValue()) !== String(hours); tries++) {
    if (tries > 600)
      throw new Error(`the validity field never showed ${hours}: ${await field.inputValue()}, ${page.url()}`)
    await page.waitForTimeout(50)
  }
}

const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length)

function nodeHorizonsMs(): number {
  const input = { ...year, outages: [{ startHour: 48, endHour: 60 }] }
  runLanes(input)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    runLanes(input)
    times.push(performance.now() - start)
  }
  return median(times)
}

/** The middle of the measurements (the upper middle of an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const ms = (n: number) => `${n.toFixed(1)} ms`
const verdict = (n: number) => (n <= goalMs ? 'within' : 'OVER')

export async function run(): Promise<void> {
  await inChromium(async (browser, base) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(base + yearHash)
    await settled(page)
    const slider = page.getByRole('slider', { name: 'Response validity, slider' })
    await slider.focus()
    const keyTasks: LongestTask[] = []
    for (let i = 0; i < runs; i++) {
      const hours = i % 2 === 0 ? 167 : 168
      keyTasks.push(
        await traced(browser, page, async () => {
          await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight')
          await validityShown(page, hours)
          await settled(page)
        }),
      )
    }
    // Ten keys as fast as the keyboard sends them: the page must land on the tenth.
    const before = Number(await page.getByRole('spinbutton', { name: /Response validity/ }).inputValue())
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft')
    await validityShown(page, before - 10)
    await settled(page)
    const yearElements = await elementCount(page)

    const loads: { task: LongestTask; elements: number }[] = []
    const defaults: { task: LongestTask; elements: number }[] = []
    for (let i = 0; i < runs; i++)
      for (const [hash, into] of [
        [`${yearHash}&o=${manyOutages}`, loads],
        ['#/days', defaults],
      ] as const) {
        const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } })
        const task = await traced(browser, fresh, async () => {
          await fresh.goto(base + hash)
          await settled(fresh)
        })
        into.push({ task, elements: await elementCount(fresh) })
        await fresh.close()
      }

    const key = median(keyTasks.map((t) => t.wallMs))
    const node = nodeHorizonsMs()
    const load = median(loads.map((l) => l.task.wallMs))
    const reference = median(defaults.map((l) => l.task.wallMs))
    console.log(
      `viewport 1280x900, median of ${runs}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    )
    console.log(
      `one arrow key on the validity slider, a year at 1,000,000/h: longest main-thread task ${ms(key)}` +
        ` (${verdict(key)} the ${goalMs} ms goal; ${(key / node).toFixed(2)}x node's five horizons, ${ms(node)});` +
        ` ten fast keys all applied; ${yearElements} elements on the page`,
    )
    console.log(`  that task: ${anatomy(keyTasks)}`)
    console.log(
      `a link with 2,000 outages over that year: longest task ${ms(load)} (${verdict(load)} the goal;` +
        ` ${(load / reference).toFixed(2)}x the default #/days link, ${ms(reference)}),` +
        ` ${median(loads.map((l) => l.elements))} elements (default link ${median(defaults.map((l) => l.elements))})`,
    )
    console.log(`  that task: ${anatomy(loads.map((l) => l.task))}`)
  })
}

/**
 * Medians of the longest tasks' CPU time and parts: on a loaded machine the wall time also counts
 * other processes' turns on the cores, the CPU time only the page's own work.
 */
function anatomy(tasks: readonly LongestTask[]): string {
  const parts = (Object.keys(partEvents) as TaskPart[]).map(
    (p) => `${p} ${ms(median(tasks.map((t) => t.parts[p])))}`,
  )
  return (
    `${ms(median(tasks.map((t) => t.cpuMs)))} of CPU; ${parts.join(', ')};` +
    ` the most CPU any task took: ${ms(median(tasks.map((t) => t.mostCpuMs)))}`
  )
}
