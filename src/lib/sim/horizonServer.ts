/**
 * The server's staple cache over time, per strategy, for the long horizon. Times in hours. Each
 * rule cites its source; docs/model.md ("Long horizon") has them all.
 */
import type { ServerStrategy, StapleState } from './types.ts'
import { apache } from '../servers/apache.ts'
import { caddy } from '../servers/caddy.ts'
import { nginx } from '../servers/nginx.ts'

export interface ServerCache {
  /** Fetches the server schedules for itself (Caddy), run for every due time <= t. */
  runTimers(t: number, upAt: (t: number) => boolean): void
  /** Would a handshake at t make the server fetch (nginx lazy, Apache blocking)? */
  handshakeTriggersFetch(t: number): boolean
  /** Serve one such handshake: fetch, and return what this handshake gets. */
  serve(t: number, up: boolean): StapleState
  freshness(t: number): StapleState
  /** The next time after t at which freshness or a due fetch changes (Infinity if none). */
  nextChange(t: number): number
  fetches(): number
  /** Every fetch the server made, in time order, and whether it reached the responder. */
  fetchLog(): ServerFetch[]
}

export interface ServerFetch {
  /** When, in hours since the start. */
  hour: number
  /** False when the responder was down: the server kept what it had (or stapled an error). */
  ok: boolean
}

const minutes = (m: number) => m / 60

interface Response {
  nextUpdate: number
}

/**
 * How long past nextUpdate each strategy keeps stapling the response it holds, in hours: read
 * from the server each strategy is modelled on (src/lib/servers, calibrated against the real
 * server). static is nginx's ssl_stapling_file, stapled as is for ever.
 */
export const stapleWindowHours: Record<ServerStrategy, number> = {
  none: 0,
  static: Infinity,
  lazy: nginx.stapleWindowSeconds / 3600,
  blocking: apache.stapleWindowSeconds / 3600,
  proactive: caddy.stapleWindowSeconds / 3600,
}

function base(validity: number, age: number, window: number) {
  let response: Response | null = null
  const log: ServerFetch[] = []
  return {
    fetchFromResponder(t: number, up: boolean): boolean {
      log.push({ hour: t, ok: up })
      if (up) response = { nextUpdate: t - age + validity }
      return up
    },
    /** A response the server starts with (a staple file): not a fetch. */
    load(t: number): void {
      response = { nextUpdate: t - age + validity }
    },
    get response() {
      return response
    },
    fresh(t: number) {
      return response !== null && t < response.nextUpdate
    },
    /** Past nextUpdate + window the server no longer staples what it holds. */
    stapleable(t: number) {
      return response !== null && t < response.nextUpdate + window
    },
    state(t: number): StapleState {
      if (response === null || t >= response.nextUpdate + window) return 'none'
      return t < response.nextUpdate ? 'fresh' : 'stale'
    },
    /** When stapling stops (Infinity when it never does). */
    windowEnd(): number {
      return response === null ? Infinity : response.nextUpdate + window
    },
    count: () => log.length,
    log: () => log,
  }
}

const after = (t: number, ...times: number[]) => Math.min(...times.filter((x) => x > t), Infinity)

/** What sets a strategy apart; the rest of its ServerCache is the same for all of them (strategyCache). */
interface StrategyRules {
  /** Its own timers (Caddy); none by default. */
  runTimers?: ServerCache['runTimers']
  /** Whether a handshake makes it fetch; never by default. */
  handshakeTriggersFetch?: ServerCache['handshakeTriggersFetch']
  serve: ServerCache['serve']
  /** What it would staple now; by default the held response's state. */
  freshness?: ServerCache['freshness']
  /** The next time its own rule fetches or changes something (a refresh, a retry, a cache expiry). */
  due: () => number
}

/**
 * A strategy's cache: its own rules over the shared response (`base`). Whatever the rule, what it
 * staples also changes when the held response passes nextUpdate and when its window ends.
 */
function strategyCache(r: ReturnType<typeof base>, rules: StrategyRules): ServerCache {
  return {
    runTimers: rules.runTimers ?? (() => {}),
    handshakeTriggersFetch: rules.handshakeTriggersFetch ?? (() => false),
    serve: rules.serve,
    freshness: rules.freshness ?? ((t) => r.state(t)),
    nextChange: (t) => after(t, rules.due(), r.response?.nextUpdate ?? Infinity, r.windowEnd()),
    fetches: r.count,
    fetchLog: r.log,
  }
}

/** No stapling: never a staple. */
function none(): ServerCache {
  return {
    runTimers: () => {},
    handshakeTriggersFetch: () => false,
    serve: () => 'none',
    freshness: () => 'none',
    nextChange: () => Infinity,
    fetches: () => 0,
    fetchLog: () => [],
  }
}

/** nginx ssl_stapling_file: a response loaded at start, served as is, never refreshed. */
function staticFile(validity: number, age: number, window: number): ServerCache {
  const r = base(validity, age, window)
  r.load(0)
  // Past nextUpdate nginx's file is still stapled: clients see a stale staple. (HAProxy's stops
  // earlier: its profile passes a negative window.)
  return strategyCache(r, { serve: (t) => r.state(t), due: () => Infinity })
}

/**
 * nginx: a handshake after the refresh time triggers a background fetch; on success refresh at
 * max(min(nextUpdate - 5 min, now + 1 h), now + 5 min), on failure retry in 5 min, keeping the old
 * response, which is stapled only while valid.
 */
function lazy(validity: number, age: number, window: number): ServerCache {
  const r = base(validity, age, window)
  let refresh = 0
  return strategyCache(r, {
    handshakeTriggersFetch: (t) => t >= refresh,
    serve(t, up) {
      const got = r.state(t)
      if (r.fetchFromResponder(t, up)) {
        const next = r.response!.nextUpdate
        refresh = Math.max(Math.min(next - minutes(5), t + 1), t + minutes(5))
      } else refresh = t + minutes(5)
      return got
    },
    due: () => refresh,
  })
}

/**
 * Apache mod_ssl: a response is cached for SSLStaplingStandardCacheTimeout (1 h) and refetched
 * inside the next handshake after that (or once past nextUpdate). A failed fetch replaces it with
 * a faked tryLater response (SSLStaplingFakeTryLater) cached for the ErrorCacheTimeout (10 min).
 * A cached response past nextUpdate is stapled as is within SSLStaplingResponseTimeSkew (the window).
 */
function blocking(validity: number, age: number, window: number): ServerCache {
  const r = base(validity, age, window)
  let expires = 0
  let error = false
  const freshness = (t: number): StapleState => (error ? 'error' : r.state(t))
  return strategyCache(r, {
    handshakeTriggersFetch: (t) => t >= expires || (!error && r.response !== null && !r.stapleable(t)),
    serve(t, up) {
      error = !r.fetchFromResponder(t, up)
      expires = t + (error ? minutes(10) : 1)
      return freshness(t)
    },
    freshness,
    due: () => expires,
  })
}

/**
 * Caddy (CertMagic): fetches at start and at thisUpdate + half the validity; after a failure it
 * retries at its next hourly maintenance; a failed refresh keeps the response it holds, which it
 * goes on stapling past nextUpdate (the window).
 */
function proactive(validity: number, age: number, window: number): ServerCache {
  const r = base(validity, age, window)
  let due = 0
  return strategyCache(r, {
    runTimers(t, upAt) {
      while (due <= t) {
        const at = due
        due = r.fetchFromResponder(at, upAt(at))
          ? Math.max(r.response!.nextUpdate - validity / 2, at + 1)
          : at + 1
      }
    },
    serve: (t) => r.state(t),
    due: () => due,
  })
}

/** windowHours: how long past nextUpdate the server staples what it holds (default: the strategy's server). */
export function serverCache(
  strategy: ServerStrategy,
  validityHours: number,
  ageHours: number,
  windowHours: number = stapleWindowHours[strategy],
): ServerCache {
  const age = Math.min(Math.max(0, ageHours), validityHours)
  switch (strategy) {
    case 'none':
      return none()
    case 'static':
      return staticFile(validityHours, age, windowHours)
    case 'lazy':
      return lazy(validityHours, age, windowHours)
    case 'blocking':
      return blocking(validityHours, age, windowHours)
    case 'proactive':
      return proactive(validityHours, age, windowHours)
  }
}
