/**
 * The long horizon: one server over days, with a response validity, its stapling strategy,
 * responder outages and handshakes arriving at a steady rate. Handshakes between two changes of
 * state (an hour boundary, an outage edge, a refresh, an expiry) all end alike, so they are
 * counted in one step; only a handshake that triggers a fetch (nginx, Apache) is taken alone.
 */
import { runToEnd } from './runToEnd.ts'
import { sliceBudget, type SliceBudget } from './sliceBudget.ts'
import { serverCache, type ServerCache, type ServerFetch } from './horizonServer.ts'
import { modes, stapleStates, type Mode, type ServerStrategy, type StapleState } from './types.ts'

export type { ServerFetch }

export interface Outage {
  startHour: number
  endHour: number
}

/**
 * The most outages a horizon takes: enough for a bad week each day of a fortnight and more, few
 * enough that each stays a draggable band on the chart.
 */
export const maxOutages = 20

/**
 * The outages as simulated over `hours`: each cut to the window, the ones outside it (or empty)
 * dropped, at most maxOutages. The sentences and the chart read this, so they never count an
 * outage the simulation did not see.
 */
export function outagesInWindow(outages: readonly Outage[], hours: number): Outage[] {
  return outages
    .filter((o) => o.startHour < hours && o.endHour > Math.max(0, o.startHour))
    .slice(0, maxOutages)
    .map((o) => ({ startHour: Math.max(0, o.startHour), endHour: Math.min(hours, o.endHour) }))
}

/** Hours in which the responder is down: overlapping outages counted once. */
export function outageHours(outages: readonly Outage[]): number {
  const sorted = [...outages].sort((a, b) => a.startHour - b.startHour)
  let total = 0
  let reach = Number.NEGATIVE_INFINITY
  for (const o of sorted) {
    const from = Math.max(o.startHour, reach)
    if (o.endHour > from) total += o.endHour - from
    reach = Math.max(reach, o.endHour)
  }
  return total
}

export interface HorizonInput {
  days: number
  /** thisUpdate to nextUpdate of each response (CA/B BR 4.9.10: 8 hours to 10 days). */
  validityHours: number
  /** Age of the newest pre-produced response when the server fetches it (0: produced on demand). */
  responseAgeHours: number
  strategy: ServerStrategy
  outages: Outage[]
  handshakesPerHour: number
}

export const defaultHorizonInput: HorizonInput = {
  days: 7,
  validityHours: 168,
  responseAgeHours: 0,
  strategy: 'proactive',
  outages: [{ startHour: 48, endHour: 60 }],
  handshakesPerHour: 100,
}

export interface ModeCount {
  ok: number
  failed: number
  /** Connected without any revocation check (soft-fail timeouts, stapling without a staple). */
  unchecked: number
}

export interface HorizonHour {
  hour: number
  handshakes: number
  responderUp: boolean
  byMode: Record<Mode, ModeCount>
  /** The server's staple during most of the hour's handshakes. */
  staple: StapleState
}

export interface HorizonResult {
  hours: HorizonHour[]
  /** Each change of the server's staple freshness, in hours. */
  freshness: { hour: number; staple: StapleState }[]
  totals: Record<Mode, ModeCount>
  /**
   * Each fetch the server made, in time order: when (hours) and whether the responder answered
   * (each reaches it unless it is down). Its length is the number of fetches.
   */
  fetchLog: ServerFetch[]
}

function responderUp(outages: readonly Outage[], t: number): boolean {
  for (const o of outages) if (t >= o.startHour && t < o.endHour) return false
  return true
}

/** A literal per hour, not Object.fromEntries: a year is 8,784 of them per lane. */
function emptyCounts(): Record<Mode, ModeCount> {
  return {
    none: { ok: 0, failed: 0, unchecked: 0 },
    'ocsp-soft-fail': { ok: 0, failed: 0, unchecked: 0 },
    'ocsp-hard-fail': { ok: 0, failed: 0, unchecked: 0 },
    stapling: { ok: 0, failed: 0, unchecked: 0 },
    'must-staple': { ok: 0, failed: 0, unchecked: 0 },
  } satisfies Record<(typeof modes)[number], ModeCount>
}

/** What n handshakes at one moment come to under each mode. */
function count(into: Record<Mode, ModeCount>, n: number, staple: StapleState, up: boolean): void {
  into.none.ok += n
  into['ocsp-soft-fail'].ok += n
  if (!up) into['ocsp-soft-fail'].unchecked += n
  into['ocsp-hard-fail'][up ? 'ok' : 'failed'] += n
  into.stapling.ok += n
  if (staple !== 'fresh') into.stapling.unchecked += n
  into['must-staple'][staple === 'fresh' ? 'ok' : 'failed'] += n
}

export function horizon(input: HorizonInput): HorizonResult {
  return runToEnd(horizonInSlices(input))
}

/**
 * The same run, a slice at a time: each `next()` goes on for at most `stepsPerSlice` changes of
 * state (about one simulated hour each), or as many hours set up or tallied, and yields the hours
 * done so far, so a page can draw a year at 1,000,000 handshakes an hour without one long task
 * (issue 14: no task over 50 ms). The last `next()` returns the result, identical to horizon()'s.
 * A shared budget (the lanes' five horizons) counts on across calls.
 */
export function* horizonInSlices(
  input: HorizonInput,
  stepsPerSlice: number | SliceBudget = 1000,
): Generator<number, HorizonResult, void> {
  const budget = sliceBudget(stepsPerSlice)
  // Clamped rather than rejected: the page feeds slider values, and a year is the longest chart.
  const end = Math.min(366 * 24, Math.max(1, Math.round(input.days * 24)))
  const rate = Math.min(1e9, Math.max(0, input.handshakesPerHour || 0))
  const validity = Math.max(1 / 60, input.validityHours || 0)
  // A CA serves responses younger than their validity (BR 4.9.10 updates them well before
  // nextUpdate); an age at or past it would make every fetch useless and a blocking server refetch
  // on every handshake, so it is held to half the validity at most.
  const age = Math.min(Math.max(0, input.responseAgeHours || 0), validity / 2)
  const cache: ServerCache = serverCache(input.strategy, validity, age)
  const outages = input.outages
  const upAt = (at: number) => responderUp(outages, at)
  const hours: HorizonHour[] = new Array<HorizonHour>(end)
  for (let hour = 0; hour < end; hour++) {
    // A year is 8,784 hours per lane to set up (and to tally below): slices too, not one piece.
    if (budget.spent()) yield 0
    hours[hour] = {
      hour,
      handshakes: 0,
      responderUp: responderUp(outages, hour + 0.5),
      byMode: emptyCounts(),
      staple: 'none',
    }
  }
  // Handshakes per hour and staple state, to pick the state most of an hour's handshakes saw (on a
  // tie, the one seen first in the hour).
  const servedInHour = new Float64Array(end * stapleStates.length)
  const firstSeen = new Uint8Array(end * stapleStates.length)
  const seenInHour = new Uint8Array(end)
  const served = (hour: number, state: StapleState, n: number) => {
    const at = hour * stapleStates.length + stapleStates.indexOf(state)
    if (firstSeen[at] === 0) firstSeen[at] = ++seenInHour[hour]!
    servedInHour[at]! += n
  }
  const freshness: HorizonResult['freshness'] = []
  const edges = outages.flatMap((o) => [o.startHour, o.endHour]).sort((a, b) => a - b)
  let nextEdgeIndex = 0
  const note = (t: number, state: StapleState) => {
    if (freshness[freshness.length - 1]?.staple !== state) freshness.push({ hour: t, staple: state })
  }

  let k = 0
  for (let guard = 0; rate > 0 && guard < 10_000_000; guard++) {
    if (budget.spent()) yield Math.min(end, k / rate)
    const t = k / rate
    if (t >= end) break
    cache.runTimers(t, upAt)
    const up = responderUp(outages, t)
    const hour = hours[Math.floor(t)]!
    if (cache.handshakeTriggersFetch(t)) {
      // This handshake is served with what the cache holds (nginx) or waits for the fetch (Apache).
      const state = cache.serve(t, up)
      count(hour.byMode, 1, state, up)
      hour.handshakes += 1
      served(hour.hour, state, 1)
      note(t, state)
      k++
      continue
    }
    const state = cache.freshness(t)
    note(t, state)
    while (nextEdgeIndex < edges.length && edges[nextEdgeIndex]! <= t) nextEdgeIndex++
    const nextEdge = edges[nextEdgeIndex] ?? Infinity
    const until = Math.min(Math.floor(t) + 1, nextEdge, cache.nextChange(t), end)
    const kEnd = Math.max(k + 1, Math.ceil(until * rate - 1e-9))
    const n = kEnd - k
    count(hour.byMode, n, state, up)
    hour.handshakes += n
    served(hour.hour, state, n)
    k = kEnd
  }

  const totals = emptyCounts()
  for (let i = 0; i < end; i++) {
    if (budget.spent()) yield end
    const h = hours[i]!
    let best: StapleState = cache.freshness(i + 0.5)
    let most = 0
    let bestSeen = Infinity
    stapleStates.forEach((state, s) => {
      const at = i * stapleStates.length + s
      const n = servedInHour[at]!
      if (n > most || (n === most && n > 0 && firstSeen[at]! < bestSeen))
        [best, most, bestSeen] = [state, n, firstSeen[at]!]
    })
    h.staple = best
    for (const m of modes) {
      totals[m].ok += h.byMode[m].ok
      totals[m].failed += h.byMode[m].failed
      totals[m].unchecked += h.byMode[m].unchecked
    }
  }
  // A lazy or blocking server fetches about hourly: a year's log is 8,784 fetches to copy, in slices too.
  const fetchLog: ServerFetch[] = []
  for (const f of cache.fetchLog()) {
    if (budget.spent()) yield end
    fetchLog.push({ ...f })
  }
  return { hours, freshness, totals, fetchLog }
}
