/**
 * The long horizon: one server over days, with a response validity, its stapling strategy,
 * responder outages and handshakes arriving at a steady rate. Handshakes between two changes of
 * state (an hour boundary, an outage edge, a refresh, an expiry) all end alike, so they are
 * counted in one step; only a handshake that triggers a fetch (nginx, Apache) is taken alone.
 */
import { serverCache, type ServerCache, type ServerFetch } from './horizonServer.ts'
import { modes, type Mode, type ServerStrategy, type StapleState } from './types.ts'

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

function responderUp(outages: Outage[], t: number): boolean {
  return !outages.some((o) => t >= o.startHour && t < o.endHour)
}

function emptyCounts(): Record<Mode, ModeCount> {
  return Object.fromEntries(modes.map((m) => [m, { ok: 0, failed: 0, unchecked: 0 }])) as Record<
    Mode,
    ModeCount
  >
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
  // Clamped rather than rejected: the page feeds slider values, and a year is the longest chart.
  const end = Math.min(366 * 24, Math.max(1, Math.round(input.days * 24)))
  const rate = Math.min(1e9, Math.max(0, input.handshakesPerHour || 0))
  const validity = Math.max(1 / 60, input.validityHours || 0)
  // A CA serves responses younger than their validity (BR 4.9.10 updates them well before
  // nextUpdate); an age at or past it would make every fetch useless and a blocking server refetch
  // on every handshake, so it is held to half the validity at most.
  const age = Math.min(Math.max(0, input.responseAgeHours || 0), validity / 2)
  const cache: ServerCache = serverCache(input.strategy, validity, age)
  const hours: HorizonHour[] = Array.from({ length: end }, (_, hour) => ({
    hour,
    handshakes: 0,
    responderUp: responderUp(input.outages, hour + 0.5),
    byMode: emptyCounts(),
    staple: 'none',
  }))
  const freshInHour = hours.map(() => new Map<StapleState, number>())
  const freshness: HorizonResult['freshness'] = []
  const edges = input.outages.flatMap((o) => [o.startHour, o.endHour]).sort((a, b) => a - b)
  const note = (t: number, state: StapleState) => {
    if (freshness[freshness.length - 1]?.staple !== state) freshness.push({ hour: t, staple: state })
  }

  let k = 0
  for (let guard = 0; rate > 0 && guard < 10_000_000; guard++) {
    const t = k / rate
    if (t >= end) break
    cache.runTimers(t, (at) => responderUp(input.outages, at))
    const up = responderUp(input.outages, t)
    const hour = hours[Math.floor(t)]!
    if (cache.handshakeTriggersFetch(t)) {
      // This handshake is served with what the cache holds (nginx) or waits for the fetch (Apache).
      const state = cache.serve(t, up)
      count(hour.byMode, 1, state, up)
      hour.handshakes += 1
      freshInHour[hour.hour]!.set(state, (freshInHour[hour.hour]!.get(state) ?? 0) + 1)
      note(t, state)
      k++
      continue
    }
    const state = cache.freshness(t)
    note(t, state)
    const nextEdge = edges.find((e) => e > t) ?? Infinity
    const until = Math.min(Math.floor(t) + 1, nextEdge, cache.nextChange(t), end)
    const kEnd = Math.max(k + 1, Math.ceil(until * rate - 1e-9))
    const n = kEnd - k
    count(hour.byMode, n, state, up)
    hour.handshakes += n
    freshInHour[hour.hour]!.set(state, (freshInHour[hour.hour]!.get(state) ?? 0) + n)
    k = kEnd
  }

  const totals = emptyCounts()
  hours.forEach((h, i) => {
    let best: [StapleState, number] = [cache.freshness(i + 0.5), -1]
    for (const entry of freshInHour[i]!) if (entry[1] > best[1]) best = entry
    h.staple = best[0]
    for (const m of modes) {
      totals[m].ok += h.byMode[m].ok
      totals[m].failed += h.byMode[m].failed
      totals[m].unchecked += h.byMode[m].unchecked
    }
  })
  return { hours, freshness, totals, fetchLog: cache.fetchLog().map((f) => ({ ...f })) }
}
