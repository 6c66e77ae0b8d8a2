/**
 * When the server fetched, and whether the fetch reached the responder. The engine's horizon()
 * reports only how many fetches there were (serverFetches), so this replays the same cache rules
 * (serverCache from horizonServer.ts, the engine's own) over the same handshake arrivals, recording
 * each fetch instead of counting handshakes. A test checks the count against horizon()'s.
 */
import { serverCache } from '../../lib/sim/horizonServer.ts'
import type { HorizonInput, Outage } from '../../lib/sim/index.ts'

export interface Fetch {
  /** When, in hours since the start. */
  hour: number
  /** False when the responder was down: the server kept what it had (or stapled an error). */
  ok: boolean
}

const upAt = (outages: readonly Outage[], t: number) =>
  !outages.some((o) => t >= o.startHour && t < o.endHour)

export function fetchLog(input: HorizonInput): Fetch[] {
  // The same clamps and stepping as horizon(): handshakes arrive at k / rate hours.
  const end = Math.min(366 * 24, Math.max(1, Math.round(input.days * 24)))
  const rate = Math.min(1e9, Math.max(0, input.handshakesPerHour || 0))
  const validity = Math.max(1 / 60, input.validityHours || 0)
  const log: Fetch[] = []
  const cache = serverCache(input.strategy, validity, input.responseAgeHours || 0)
  const edges = input.outages.flatMap((o) => [o.startHour, o.endHour]).sort((a, b) => a - b)
  // The only caller of upAt inside runTimers is a timed fetch (Caddy's), once per fetch.
  const timedUp = (at: number) => {
    const up = upAt(input.outages, at)
    log.push({ hour: at, ok: up })
    return up
  }
  let k = 0
  for (let guard = 0; rate > 0 && guard < 10_000_000; guard++) {
    const t = k / rate
    if (t >= end) break
    cache.runTimers(t, timedUp)
    if (cache.handshakeTriggersFetch(t)) {
      const up = upAt(input.outages, t)
      cache.serve(t, up)
      log.push({ hour: t, ok: up })
      k++
      continue
    }
    const nextEdge = edges.find((e) => e > t) ?? Infinity
    const until = Math.min(Math.floor(t) + 1, nextEdge, cache.nextChange(t), end)
    k = Math.max(k + 1, Math.ceil(until * rate - 1e-9))
  }
  return log
}
