/**
 * CA load: OCSP requests per hour reaching the responder for C clients visiting S sites, plain OCSP
 * (each client fetches, optionally caching until nextUpdate) against stapling (each site's server
 * fetches on its own schedule). Aggregate math, not per-event simulation: a client-site pair's
 * fetches follow from its visit rate alone, so the cost does not grow with C (docs/model.md).
 */

import { runToEnd } from './runToEnd.ts'
import { sliceBudget, type SliceBudget } from './sliceBudget.ts'

export interface CaLoadInput {
  clients: number
  sites: number
  days: number
  /** Site visits per client per day (each needs the certificate's status). */
  visitsPerClientPerDay: number
  /** How visits spread over sites: uniform, or Zipf (rank^-1, as web popularity roughly is). */
  popularity: 'uniform' | 'zipf'
  /** Response validity, thisUpdate to nextUpdate: how long a client may cache a response. */
  validityHours: number
  clientCache: boolean
  /** How often each site's server fetches a new staple (proactive: validity / 2; nginx: hourly). */
  serverRefreshHours: number
  /** Fetchers per site (nginx caches per worker process, so each worker fetches). */
  fetchersPerSite: number
}

export const defaultCaLoadInput: CaLoadInput = {
  clients: 1_000_000,
  sites: 10_000,
  days: 7,
  visitsPerClientPerDay: 20,
  popularity: 'zipf',
  // Let's Encrypt's responses carried a nextUpdate 7 days after thisUpdate (its staff on
  // community.letsencrypt.org/t/68235, 2018; docs/model.md section 13).
  validityHours: 168,
  clientCache: true,
  serverRefreshHours: 84,
  fetchersPerSite: 1,
}

export interface CaLoadResult {
  /** Requests reaching the responder in each hour, per approach. */
  hours: { hour: number; plainOcsp: number; plainOcspNoCache: number; stapling: number }[]
  totals: { plainOcsp: number; plainOcspNoCache: number; stapling: number }
  method: string
}

const stepHours = 1 / 60
const bucketCount = 48

/** Sites grouped by popularity: [number of sites, visit share of one site in the group]. */
function popularityBuckets(sites: number, popularity: CaLoadInput['popularity']): [number, number][] {
  if (popularity === 'uniform' || sites <= 1) return [[sites, 1 / sites]]
  // Zipf with exponent 1: share(rank) proportional to 1 / rank. Log-spaced rank ranges, each
  // with its mean share; small ranges are summed exactly, large ones by ln((end + 0.5) / (start - 0.5)).
  const buckets: [number, number][] = []
  let total = 0
  let start = 1
  for (let b = 1; b <= bucketCount && start <= sites; b++) {
    const end = b === bucketCount ? sites : Math.max(start, Math.floor(sites ** (b / bucketCount)))
    let sum = 0
    if (end - start < 1000) for (let r = start; r <= end; r++) sum += 1 / r
    else sum = Math.log((end + 0.5) / (start - 0.5))
    buckets.push([end - start + 1, sum])
    total += sum
    start = end + 1
  }
  for (const bucket of buckets) bucket[1] = bucket[1] / bucket[0] / total
  return buckets
}

/**
 * Expected fetches per hour of one client-site pair with Poisson visits at `rate` per hour and a
 * cache lasting `cacheHours`, starting empty. A visit fetches when the cache is empty, and the cache
 * is empty unless a fetch happened in the last cacheHours: m(t) = rate * (1 - integral of m over
 * (t - L, t]). Integrated in one-minute steps with a sliding window.
 */
function* pairFetchesPerHour(
  rate: number,
  cacheHours: number,
  hours: number,
  budget: SliceBudget,
): Generator<void, Float64Array, void> {
  const perHour = new Float64Array(hours)
  const steps = Math.round(hours / stepHours)
  const window = Math.max(1, Math.round(cacheHours / stepHours))
  const history = new Float64Array(window)
  let covered = 0
  for (let i = 0; i < steps; i++) {
    if (budget.spent()) yield
    const fetched = rate * Math.max(0, 1 - covered) * stepHours
    const slot = i % window
    covered += fetched - history[slot]!
    history[slot] = fetched
    perHour[Math.floor(i * stepHours)]! += fetched
  }
  return perHour
}

export function caLoad(raw: CaLoadInput): CaLoadResult {
  return runToEnd(caLoadInSlices(raw))
}

/**
 * The same, a slice at a time: a year is 48 popularity groups of 527,040 one-minute steps, a few
 * hundred milliseconds in one piece; each `next()` goes on for at most `stepsPerSlice` steps (a
 * week is about 25 slices, each well under a millisecond in Chromium). Steps are counted across
 * popularity groups, so no run of short groups is one piece, and an hour added up or tallied is a
 * step too (a year is 8,784 of them per group).
 */
export function* caLoadInSlices(
  raw: CaLoadInput,
  stepsPerSlice: number | SliceBudget = 20_000,
): Generator<void, CaLoadResult, void> {
  // Clamped rather than rejected: the page feeds slider values.
  const input: CaLoadInput = {
    ...raw,
    clients: Math.max(0, raw.clients || 0),
    sites: Math.max(1, Math.round(raw.sites || 1)),
    days: Math.min(366, Math.max(1 / 24, raw.days || 0)),
    visitsPerClientPerDay: Math.max(0, raw.visitsPerClientPerDay || 0),
    validityHours: Math.max(stepHours, raw.validityHours || 0),
    fetchersPerSite: Math.max(0, raw.fetchersPerSite || 0),
  }
  const hours = Math.max(1, Math.round(input.days * 24))
  const visitsPerHour = input.visitsPerClientPerDay / 24
  const plain = new Float64Array(hours)
  const budget = sliceBudget(stepsPerSlice)
  for (const [count, share] of popularityBuckets(input.sites, input.popularity)) {
    const rate = visitsPerHour * share
    if (!input.clientCache || rate === 0) continue
    const pair = yield* pairFetchesPerHour(rate, input.validityHours, hours, budget)
    for (let h = 0; h < hours; h++) {
      if (budget.spent()) yield
      plain[h]! += pair[h]! * count * input.clients
    }
  }
  const noCache = input.clients * visitsPerHour
  const refresh = Math.max(input.serverRefreshHours, stepHours)
  const rows: CaLoadResult['hours'] = []
  const totals = { plainOcsp: 0, plainOcspNoCache: 0, stapling: 0 }
  for (let hour = 0; hour < hours; hour++) {
    if (budget.spent()) yield
    // Every server fetches at start, then once per refresh interval.
    const fetchesThisHour = Math.floor((hour + 1) / refresh - 1e-9) - Math.floor(hour / refresh - 1e-9)
    const row = {
      hour,
      plainOcsp: input.clientCache ? plain[hour]! : noCache,
      plainOcspNoCache: noCache,
      stapling: input.sites * input.fetchersPerSite * Math.max(0, fetchesThisHour),
    }
    rows.push(row)
    // Summed in hour order, as the reduce over the rows did: the same totals to the last bit.
    totals.plainOcsp += row.plainOcsp
    totals.plainOcspNoCache += row.plainOcspNoCache
    totals.stapling += row.stapling
  }
  return {
    hours: rows,
    totals,
    method:
      'Aggregate: expected requests from each client-site pair (Poisson visits, cache until nextUpdate) times the number of pairs; servers fetch at start and once per refresh interval.',
  }
}
