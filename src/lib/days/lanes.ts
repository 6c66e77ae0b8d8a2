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
import { sliceBudget, type SliceBudget } from '../sim/sliceBudget.ts'

/** The fetching servers first (the lazy pitfall beside the proactive fix), then the baselines. */
export const laneOrder = [
  'proactive',
  'lazy',
  'blocking',
  'static',
  'none',
] as const satisfies readonly ServerStrategy[]
export type LaneStrategy = (typeof laneOrder)[number]

/** The modes drawn as strips of hourly outcomes: plain OCSP's two, then each lane's two. */
export const stripModes = [
  'ocsp-hard-fail',
  'ocsp-soft-fail',
  'stapling',
  'must-staple',
] as const satisfies readonly Mode[]
export type StripMode = (typeof stripModes)[number]

export interface Lane {
  strategy: LaneStrategy
  result: HorizonResult
  /** Hours in which at least one must-staple handshake failed. */
  mustStapleFailingHours: number
  /** Hours in which at least one stapling handshake connected without a fresh staple. */
  staplingUncheckedHours: number
  /** Plain OCSP against the same outages (the server plays no part): hours the responder was down, */
  responderDownHours: number
  /** hours in which a hard-fail client failed, */
  hardFailFailingHours: number
  /** and hours in which a soft-fail client connected unchecked. */
  softFailUncheckedHours: number
  /** Fetches the responder did not answer. */
  failedFetches: number
  /**
   * What the chart draws, read from the result with the lane (a slice at a time), so drawing new
   * lanes reads a few runs rather than a year of hours: per strip mode, runs of equal hourly cells;
   */
  strips: Record<StripMode, Segment<CellState>[]>
  /** and the staple's freshness as runs over the window. */
  freshness: Segment<StapleState>[]
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

export function runLanes(input: HorizonPart): Lane[] {
  return runToEnd(lanesInSlices(input))
}

/**
 * How much one slice of the lanes does: this many changes of state of a horizon, or hours set up,
 * tallied or read for the chart, or fetches copied or counted, whichever lane they belong to. A
 * week's five lanes (about 3,000 steps at 1,000,000 handshakes an hour or 100) are a few slices, a
 * year's about 200.
 */
export const laneStepsPerSlice = 1200

/**
 * The five lanes a slice at a time (see horizonInSlices), at most `stepsPerSlice` steps a slice
 * counted across the lanes: one budget for the engine's five runs and the reading of their hours,
 * so a slice that ends one lane goes on with the next one's steps only up to the same limit.
 */
export function* lanesInSlices(
  input: HorizonPart,
  stepsPerSlice: number | SliceBudget = laneStepsPerSlice,
): Generator<void, Lane[], void> {
  const budget = sliceBudget(stepsPerSlice)
  const lanes: Lane[] = []
  for (const strategy of laneOrder) {
    const result = yield* sliced(horizonInSlices(horizonInput(input, strategy), budget))
    lanes.push(yield* readLane(strategy, result, budget))
  }
  return lanes
}

/** The lane's counts and runs from its hours, and its failed fetches, a step each. */
function* readLane(
  strategy: LaneStrategy,
  result: HorizonResult,
  budget: SliceBudget,
): Generator<void, Lane, void> {
  const strips: Record<StripMode, Segment<CellState>[]> = {
    'ocsp-hard-fail': [],
    'ocsp-soft-fail': [],
    stapling: [],
    'must-staple': [],
  }
  let mustStapleFailingHours = 0
  let staplingUncheckedHours = 0
  let responderDownHours = 0
  let hardFailFailingHours = 0
  let softFailUncheckedHours = 0
  for (let i = 0; i < result.hours.length; i++) {
    if (budget.spent()) yield
    const h = result.hours[i]!
    for (const mode of stripModes) extendRuns(strips[mode], h.hour, cellState(h, mode))
    if (h.byMode['must-staple'].failed > 0) mustStapleFailingHours++
    if (h.byMode.stapling.unchecked > 0) staplingUncheckedHours++
    if (!h.responderUp) responderDownHours++
    if (h.byMode['ocsp-hard-fail'].failed > 0) hardFailFailingHours++
    if (h.byMode['ocsp-soft-fail'].unchecked > 0) softFailUncheckedHours++
  }
  let failedFetches = 0
  for (const f of result.fetchLog) {
    if (budget.spent()) yield
    if (!f.ok) failedFetches++
  }
  return {
    strategy,
    result,
    mustStapleFailingHours,
    staplingUncheckedHours,
    responderDownHours,
    hardFailFailingHours,
    softFailUncheckedHours,
    failedFetches,
    strips,
    freshness: freshnessSegments(result, result.hours.length),
  }
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

/**
 * Hour `hour` with `value` added to the runs: the last run grows, or a new one starts. Consecutive
 * hours with the same value are one run: a year is 8,784 hours, not 8,784 rects.
 */
function extendRuns<T>(runs: Segment<T>[], hour: number, value: T): void {
  const last = runs[runs.length - 1]
  if (last && last.value === value && last.end === hour) last.end = hour + 1
  else runs.push({ start: hour, end: hour + 1, value })
}

/** The staple's freshness over time from the engine's list of changes, as segments. */
function freshnessSegments(result: HorizonResult, endHour: number): Segment<StapleState>[] {
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
