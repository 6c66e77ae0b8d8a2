/**
 * The one freshness rule for an OCSP SingleResponse. The card's badge and sentence, the
 * verification checklist (ocspCheck.ts), the CLI summary and "Simulate with this"
 * (bridge/scenarioFromPki.ts) all ask this function, so they cannot disagree about an instant.
 *
 * RFC 6960 4.2.2.1: a response is good between thisUpdate and nextUpdate; without nextUpdate,
 * newer information is available at any time (the response is usable, open-ended). RFC 6960
 * 3.2 leaves the clock tolerance to the client ("sufficiently recent"); both ends of the window
 * are widened by the same allowance, 300 s unless the user sets another.
 */

/** RFC 6960 leaves clock tolerance to the client; 300 s (5 minutes) is a common allowance. */
export const defaultSkewSeconds = 300

/** An ISO 8601 string as our models carry it, or a Date. */
export type When = string | Date

export const whenMs = (w: When): number => (typeof w === 'string' ? Date.parse(w) : w.getTime())

export type Freshness =
  /** Within [thisUpdate - skew, nextUpdate + skew]. `leftMs` is negative inside the grace after nextUpdate. */
  | { state: 'fresh'; leftMs: number; aheadMs: number }
  /** No nextUpdate: usable, and newer status may exist at any time. */
  | { state: 'open'; sinceMs: number; aheadMs: number }
  /** More than the allowance after nextUpdate. */
  | { state: 'stale'; pastMs: number }
  /** thisUpdate more than the allowance after the clock. */
  | { state: 'not-yet-valid'; aheadMs: number }

export type FreshnessState = Freshness['state']

export interface FreshnessTimes {
  thisUpdate: When
  nextUpdate?: When | undefined
}

/**
 * Fresh from thisUpdate - skew to nextUpdate + skew, both ends included. `aheadMs` is how far
 * thisUpdate is after the clock (0 when it is not), so a caller can say that the allowance was used.
 */
export function judgeFreshness(
  times: FreshnessTimes,
  at: Date,
  skewSeconds: number = defaultSkewSeconds,
): Freshness {
  const t = at.getTime()
  const skew = skewSeconds * 1000
  const from = whenMs(times.thisUpdate)
  const aheadMs = Math.max(0, from - t)
  if (from > t + skew) return { state: 'not-yet-valid', aheadMs }
  if (times.nextUpdate === undefined) return { state: 'open', sinceMs: Math.max(0, t - from), aheadMs }
  const to = whenMs(times.nextUpdate)
  if (t > to + skew) return { state: 'stale', pastMs: t - to }
  return { state: 'fresh', leftMs: to - t, aheadMs }
}

/** Fresh or open-ended: a client may use the response at this instant. */
export const isUsable = (f: Freshness): boolean => f.state === 'fresh' || f.state === 'open'
