/**
 * One lane per server strategy, all from the engine's horizon(): the same site, the same outages,
 * only the server's stapling behaviour differs. Everything the timeline, the sentence and the table
 * show is read from these results; nothing here re-derives an outcome.
 */
import {
  horizonInSlices,
  type HorizonHour,
  type HorizonInput,
  type HorizonResult,
  type Mode,
} from '../sim/index.ts'
import type { ServerFetch, ServerStrategy, StapleState } from '../sim/index.ts'
import { runToEnd } from '../sim/runToEnd.ts'

/** The fetching servers first (the lazy pitfall beside the proactive fix), then the baselines. */
export const laneOrder = [
  'proactive',
  'lazy',
  'blocking',
  'static',
  'none',
] as const satisfies readonly ServerStrategy[]
export type LaneStrategy = (typeof laneOrder)[number]

export interface Lane {
  strategy: LaneStrategy
  result: HorizonResult
  /** Hours in which at least one must-staple handshake failed. */
  mustStapleFailingHours: number
  /** Hours in which at least one stapling handshake connected without a fresh staple. */
  staplingUncheckedHours: number
}

/** The part of the view's inputs the horizon reads: everything but the strategy, which is the lane's. */
export type HorizonPart = Omit<HorizonInput, 'strategy'>

export function horizonPart(input: HorizonPart): HorizonPart {
  const { days, validityHours, responseAgeHours, handshakesPerHour, outages } = input
  return { days, validityHours, responseAgeHours, handshakesPerHour, outages }
}

/** Whether two inputs give the same lanes (a change to the CA load's inputs does not). */
export function sameHorizonPart(a: HorizonPart, b: HorizonPart): boolean {
  return (
    a.days === b.days &&
    a.validityHours === b.validityHours &&
    a.responseAgeHours === b.responseAgeHours &&
    a.handshakesPerHour === b.handshakesPerHour &&
    a.outages.length === b.outages.length &&
    a.outages.every((o, i) => o.startHour === b.outages[i]!.startHour && o.endHour === b.outages[i]!.endHour)
  )
}

export function horizonInput(input: HorizonPart, strategy: ServerStrategy): HorizonInput {
  return { ...horizonPart(input), strategy }
}

export function countHours(hours: readonly HorizonHour[], mode: Mode, what: 'failed' | 'unchecked'): number {
  return hours.reduce((n, h) => n + (h.byMode[mode][what] > 0 ? 1 : 0), 0)
}

export function runLanes(input: HorizonPart): Lane[] {
  return runToEnd(lanesInSlices(input))
}

/**
 * The five lanes a slice at a time (see horizonInSlices): a week finishes in one slice, a year at
 * 1,000,000 handshakes an hour takes a few dozen, each a few milliseconds.
 */
export function* lanesInSlices(input: HorizonPart, stepsPerSlice = 2000): Generator<void, Lane[], void> {
  const lanes: Lane[] = []
  for (const strategy of laneOrder) {
    const result = yield* sliced(horizonInSlices(horizonInput(input, strategy), stepsPerSlice))
    lanes.push({
      strategy,
      result,
      mustStapleFailingHours: countHours(result.hours, 'must-staple', 'failed'),
      staplingUncheckedHours: countHours(result.hours, 'stapling', 'unchecked'),
    })
  }
  return lanes
}

/** Yield where the inner work yields, dropping what it yields (progress the page does not show). */
function* sliced<T>(work: Generator<unknown, T, void>): Generator<void, T, void> {
  let next = work.next()
  while (!next.done) {
    yield
    next = work.next()
  }
  return next.value
}

/** What one hour's cell shows for one mode. */
export type CellState = 'ok' | 'failed' | 'unchecked' | 'idle'

export function cellState(hour: HorizonHour, mode: Mode): CellState {
  const c = hour.byMode[mode]
  if (c.failed > 0) return 'failed'
  if (c.unchecked > 0) return 'unchecked'
  return hour.handshakes > 0 ? 'ok' : 'idle'
}

export interface Segment<T> {
  start: number
  end: number
  value: T
}

/** Consecutive hours with the same value as one segment: a year is 8,784 hours, not 8,784 rects. */
export function segments<T>(hours: readonly HorizonHour[], value: (h: HorizonHour) => T): Segment<T>[] {
  const out: Segment<T>[] = []
  for (const h of hours) {
    const v = value(h)
    const last = out[out.length - 1]
    if (last && last.value === v && last.end === h.hour) last.end = h.hour + 1
    else out.push({ start: h.hour, end: h.hour + 1, value: v })
  }
  return out
}

/** The staple's freshness over time from the engine's list of changes, as segments. */
export function freshnessSegments(result: HorizonResult, endHour: number): Segment<StapleState>[] {
  const changes = result.freshness
  if (changes.length === 0) return [{ start: 0, end: endHour, value: 'none' }]
  const out: Segment<StapleState>[] = []
  changes.forEach((c, i) => {
    const start = i === 0 ? 0 : c.hour
    const end = changes[i + 1]?.hour ?? endHour
    if (end > start) out.push({ start, end, value: c.staple })
  })
  return out
}

/** Fetches close enough to share a pixel drawn as one mark (a 12-hour outage is 144 retries). */
export interface FetchMark {
  hour: number
  ok: boolean
  count: number
  first: number
  last: number
}

export function fetchMarks(
  fetches: readonly ServerFetch[],
  hoursPerPixel: number,
  minPixels = 5,
): FetchMark[] {
  const out: FetchMark[] = []
  for (const f of fetches) {
    const last = out[out.length - 1]
    if (last && last.ok === f.ok && (f.hour - last.first) / hoursPerPixel < minPixels) {
      last.count++
      last.last = f.hour
    } else out.push({ hour: f.hour, ok: f.ok, count: 1, first: f.hour, last: f.hour })
  }
  for (const m of out) m.hour = (m.first + m.last) / 2
  return out
}
