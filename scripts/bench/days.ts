/**
 * The days view under its heaviest inputs, in Chromium: a year at 1,000,000 handshakes an hour.
 *
 * 1. One arrow key on the response-validity slider: the longest main-thread task from the key to
 *    the redrawn lanes (a Chromium performance trace, RunTask events on the renderer's main thread),
 *    against node running the same five horizons (the engine's cost with no page around it).
 * 2. Dragging an outage on that year with the mouse, and five fast arrow keys on it.
 * 3. Opening the default #/days link, and a link with 2,000 outages over that year (with the
 *    page's element count): from navigation to the last lane drawn and the main thread idle.
 *
 * Median of 5 each, with what the longest task was made of (script, style and layout, paint, GC),
 * its CPU time beside its wall time, and the load average beside each row. The goal (issue 14): no
 * task over 50 ms, and the page answers every key.
 */
import { cpus, loadavg } from 'node:os'
import type { Browser, Page } from '@playwright/test'
import { runLanes } from '../../src/lib/days/lanes.ts'
import { inChromium } from './_preview.ts'
import { taskPartEvents, traceTaskAnatomy, type TaskAnatomy, type TaskPart } from './_trace.ts'

export const name = 'days: a year at 1,000,000 handshakes an hour in Chromium'

const runs = 5
const goalMs = 50
const year = { days: 366, validityHours: 168, responseAgeHours: 0, handshakesPerHour: 1_000_000 }
const yearHash = `#/days?d=${year.days}&r=${year.handshakesPerHour}`
/** 2,000 one-hour outages, one every 4 hours: the link's first 20 are simulated (maxOutages). */
const manyOutages = Array.from({ length: 2000 }, (_, i) => `${i * 4 + 1}-${i * 4 + 2}`).join('_')

async function traced(
  browser: Browser,
  page: Page,
  base: string,
  action: () => Promise<void>,
): Promise<TaskAnatomy> {
  await browser.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel'],
  })
  await action()
  return traceTaskAnatomy(await browser.stopTracing(), base)
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

/** The outage's position in the link: "from-to" of the first outage. */
const firstOutage = (page: Page) => new URL(page.url()).hash.match(/[?&]o=([\d.]+-[\d.]+)/)?.[1] ?? '48-60'

export async function run(): Promise<void> {
  await inChromium(async (browser, base) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(base + yearHash)
    await settled(page)
    const slider = page.getByRole('slider', { name: 'Response validity, slider' })
    await slider.focus()
    const keyTasks: TaskAnatomy[] = []
    const keyLoads: number[] = []
    for (let i = 0; i < runs; i++) {
      const hours = i % 2 === 0 ? 167 : 168
      keyLoads.push(loadavg()[0]!)
      keyTasks.push(
        await traced(browser, page, base, async () => {
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

    // An outage on that year: dragged 60 px to the right with the mouse (a move every 6 px), and
    // moved by the keyboard, five arrow keys as fast as they are sent (each must land).
    // A 200-hour outage: 26 px on the year's chart, wide enough to grab by its body, not an edge.
    await page.goto(`${base}${yearHash}&o=2000-2200`)
    await settled(page)
    const outage = page.getByRole('slider', { name: /^Outage 1/ })
    const dragTasks: TaskAnatomy[] = []
    const outageKeyTasks: TaskAnatomy[] = []
    const outageLoads: number[] = []
    const keysLost: string[] = []
    for (let i = 0; i < runs; i++) {
      outageLoads.push(loadavg()[0]!)
      const box = (await outage.boundingBox())!
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      const from = firstOutage(page)
      dragTasks.push(
        await traced(browser, page, base, async () => {
          await page.mouse.move(at.x, at.y)
          await page.mouse.down()
          await page.mouse.move(at.x + (i % 2 === 0 ? 60 : -60), at.y, { steps: 10 })
          await page.mouse.up()
          await page.waitForFunction((o) => !location.hash.includes(`o=${o}`), from)
          await settled(page)
        }),
      )
      // The keys below start from where the drag left the outage: on a loaded machine the last
      // pointer moves may still be on their way after the first one has landed.
      for (let last = ''; last !== firstOutage(page); await page.waitForTimeout(500)) last = firstOutage(page)
      await settled(page)
      await outage.focus()
      const [start, end] = firstOutage(page).split('-').map(Number) as [number, number]
      const step = i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'
      const to = `${start + (i % 2 === 0 ? 5 : -5)}-${end + (i % 2 === 0 ? 5 : -5)}`
      outageKeyTasks.push(
        await traced(browser, page, base, async () => {
          for (let k = 0; k < 5; k++) await page.keyboard.press(step)
          await page
            .waitForFunction((o) => location.hash.endsWith(`o=${o}`), to, { timeout: 30_000 })
            .catch(() => keysLost.push(`expected ${to}, landed on ${firstOutage(page)}`))
          await settled(page)
        }),
      )
    }

    const loads: { task: TaskAnatomy; elements: number; load: number }[] = []
    const defaults: { task: TaskAnatomy; elements: number; load: number }[] = []
    for (let i = 0; i < runs; i++)
      for (const [hash, into] of [
        [`${yearHash}&o=${manyOutages}`, loads],
        ['#/days', defaults],
      ] as const) {
        const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } })
        const load = loadavg()[0]!
        const task = await traced(browser, fresh, base, async () => {
          await fresh.goto(base + hash)
          await settled(fresh)
        })
        into.push({ task, elements: await elementCount(fresh), load })
        await fresh.close()
      }

    const node = nodeHorizonsMs()
    console.log(
      `viewport 1280x900, median of ${runs} each, ${cpus().length} cores; "load" is the 1-minute load average` +
        ` (median over the row's runs); CPU is the longest task's own thread time, which load does not stretch`,
    )
    const key = median(keyTasks.map((t) => t.wallMs))
    console.log(
      `one arrow key on the validity slider, a year at 1,000,000/h: ${row(keyTasks, keyLoads)}` +
        ` (${(key / node).toFixed(2)}x node's five horizons, ${ms(node)}); ten fast keys all applied;` +
        ` ${yearElements} elements on the page`,
    )
    console.log(`  that task: ${anatomy(keyTasks)}`)
    console.log(`dragging an outage 60 px on that year (10 moves): ${row(dragTasks, outageLoads)}`)
    console.log(`  that task: ${anatomy(dragTasks)}`)
    console.log(
      `five fast arrow keys on that outage: ${row(outageKeyTasks, outageLoads)};` +
        ` ${keysLost.length === 0 ? 'every key landed' : `KEYS LOST: ${keysLost.join('; ')}`}`,
    )
    console.log(`  that task: ${anatomy(outageKeyTasks)}`)
    const reference = median(defaults.map((l) => l.task.wallMs))
    console.log(
      `opening the default #/days link: ${row(
        defaults.map((l) => l.task),
        defaults.map((l) => l.load),
      )}, ${median(defaults.map((l) => l.elements))} elements`,
    )
    console.log(`  that task: ${anatomy(defaults.map((l) => l.task))}`)
    const many = median(loads.map((l) => l.task.wallMs))
    console.log(
      `opening a link with 2,000 outages over that year: ${row(
        loads.map((l) => l.task),
        loads.map((l) => l.load),
      )} (${(many / reference).toFixed(2)}x the default link's), ${median(loads.map((l) => l.elements))} elements`,
    )
    console.log(`  that task: ${anatomy(loads.map((l) => l.task))}`)
  })
}

/** "longest main-thread task 34.2 ms wall, 8.9 ms CPU (within the 50 ms goal; load 1.3)". */
function row(tasks: readonly TaskAnatomy[], loads: readonly number[]): string {
  const wall = median(tasks.map((t) => t.wallMs))
  const cpu = median(tasks.map((t) => t.cpuMs))
  return (
    `longest main-thread task ${ms(wall)} wall (${verdict(wall)} the ${goalMs} ms goal), ${ms(cpu)} CPU` +
    ` (${verdict(cpu)}); load ${median(loads).toFixed(1)}`
  )
}

/**
 * Medians of the longest tasks' parts: on a loaded machine the wall time also counts other
 * processes' turns on the cores, the CPU time only the page's own work.
 */
function anatomy(tasks: readonly TaskAnatomy[]): string {
  const parts = (Object.keys(taskPartEvents) as TaskPart[]).map(
    (p) => `${p} ${ms(median(tasks.map((t) => t.parts[p])))}`,
  )
  return `${parts.join(', ')} (wall); the most CPU any task took: ${ms(median(tasks.map((t) => t.mostCpuMs)))}`
}
