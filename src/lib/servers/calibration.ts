/**
 * The calibration's scripted handshake sequences, and what the engine predicts for each on each
 * server: its staple cache over time (horizonServer.ts, the days view's model) decides what the
 * server holds when a handshake arrives, and its strategy (serverStrategies.ts, the handshake
 * view's model) decides what that handshake gets and whether it waits. src/cli/calibrate.ts runs
 * the same sequences against the real servers and compares.
 */
import { serverCache } from '../sim/horizonServer.ts'
import type { FetchResult } from '../sim/ocspFetch.ts'
import { defaultScenario } from '../sim/scenario.ts'
import { serverStrategyModels } from '../sim/serverStrategies.ts'
import type { Staple } from '../sim/staple.ts'
import type { CachedStaple, ResponderState, Scenario, StapleState } from '../sim/types.ts'
import type { ServerProfile } from './types.ts'

/** The local responder's states (src/cli/localResponder.ts), as the calibration sets them. */
export type CalibrationResponder = 'up' | 'slow' | 'down' | 'tryLater' | 'internalError' | 'revoked'

export interface CalibrationConnection {
  /** Milliseconds after the server is ready (first) or after the previous handshake ended. */
  afterMs: number
}

export interface CalibrationScenario {
  id: string
  title: string
  /** The responder's state from before the server starts to the end. */
  responder: CalibrationResponder
  /** nextUpdate - thisUpdate of the responses, in seconds. */
  validitySeconds: number
  connections: CalibrationConnection[]
}

/** The slow responder's delay: long enough that a handshake which waits for it shows. */
export const slowResponderMs = 2500
/** A handshake this much slower than the quickest one in its row waited for the responder. */
export const waitedThresholdMs = 1200
/** Pause between connections: a background fetch on loopback finishes well within it. */
const pause = 1500

export const calibrationScenarios: CalibrationScenario[] = [
  {
    id: 'first-and-later',
    title: 'responder up: first connection after start, then two more',
    responder: 'up',
    validitySeconds: 3600,
    connections: [{ afterMs: 0 }, { afterMs: pause }, { afterMs: pause }],
  },
  {
    id: 'revoked',
    title: 'the certificate is revoked',
    responder: 'revoked',
    validitySeconds: 3600,
    connections: [{ afterMs: 0 }, { afterMs: pause }],
  },
  {
    id: 'down',
    title: 'responder down (connections refused)',
    responder: 'down',
    validitySeconds: 3600,
    connections: [{ afterMs: 0 }, { afterMs: pause }],
  },
  {
    id: 'tryLater',
    title: 'responder answers tryLater',
    responder: 'tryLater',
    validitySeconds: 3600,
    connections: [{ afterMs: 0 }, { afterMs: pause }],
  },
  {
    id: 'slow',
    title: `responder slow (${slowResponderMs / 1000} s)`,
    responder: 'slow',
    validitySeconds: 3600,
    connections: [{ afterMs: 0 }, { afterMs: slowResponderMs + pause }],
  },
  {
    id: 'near-expiry',
    title: 'responses valid 8 s: the third connection comes after nextUpdate',
    responder: 'up',
    validitySeconds: 8,
    connections: [{ afterMs: 0 }, { afterMs: pause }, { afterMs: 9000 }],
  },
]

/** What one handshake got, in the words both sides of the comparison use. */
export type SeenStaple =
  | 'none'
  | 'good'
  | 'revoked'
  | 'unknown'
  | 'good (stale)'
  | 'revoked (stale)'
  | 'tryLater'
  | 'internalError'
  | 'other error'

export interface ConnectionVerdict {
  staple: SeenStaple
  /** The handshake waited for the responder. */
  waited: boolean
}

/** The engine's name for each responder state (types.ts ResponderState; revoked is a status). */
function simResponder(r: CalibrationResponder): ResponderState {
  return r === 'revoked' ? 'up' : r
}

/** What a fetch brings back from the responder in this state (ocspFetch.ts FetchResult). */
function fetchResult(r: CalibrationResponder): FetchResult {
  if (r === 'revoked') return 'revoked'
  if (r === 'up' || r === 'slow') return 'good'
  if (r === 'down') return 'timeout'
  return r
}

function seen(staple: Staple | null): SeenStaple {
  if (staple === null) return 'none'
  if (staple.kind === 'error') return staple.status
  return staple.fresh ? staple.status : `${staple.status} (stale)`
}

function stapleState(f: StapleState): CachedStaple {
  return f === 'fresh' ? 'fresh' : f === 'stale' ? 'stale' : 'none'
}

/**
 * The engine's prediction, connection by connection. Times are in hours, the unit of the
 * horizon model, from the server's start; connections take no time in the model.
 */
export function predictCalibration(profile: ServerProfile, c: CalibrationScenario): ConnectionVerdict[] {
  const scenario: Scenario = {
    ...defaultScenario,
    responder: simResponder(c.responder),
    certStatus: c.responder === 'revoked' ? 'revoked' : 'good',
    serverStrategy: profile.strategy,
    stapleErrors: profile.stapleErrors,
  }
  const strategy = serverStrategyModels[profile.strategy]
  const result = fetchResult(c.responder)
  const answers = result === 'good' || result === 'revoked'
  const hours = c.validitySeconds / 3600
  // A staple file is fetched by the administrator before the start; nothing is there to load
  // when the responder did not give a signed response.
  const cache = serverCache(
    profile.stapleFile === 'none' || answers ? profile.strategy : 'none',
    hours,
    0,
    profile.stapleWindowSeconds / 3600,
  )
  let t = 0
  return c.connections.map((connection) => {
    t += connection.afterMs / 3_600_000
    cache.runTimers(t, () => answers)
    const before = cache.freshness(t)
    const triggers = cache.handshakeTriggersFetch(t)
    if (triggers) cache.serve(t, answers)
    // A cached error (Apache's faked tryLater) is stapled again without a new fetch.
    if (before === 'error' && !triggers)
      return { staple: seen(strategy.afterFetch(result, scenario)), waited: false }
    // A response past nextUpdate that does not yet make the server fetch (inside its staple
    // window, e.g. Apache's SSLStaplingResponseTimeSkew) is stapled as it is.
    if (before === 'stale' && !triggers && profile.strategy === 'blocking')
      return { staple: seen({ kind: 'response', status: scenario.certStatus, fresh: false }), waited: false }
    const plan = strategy.plan(stapleState(before), scenario)
    if (plan.fetch === 'handshake')
      return { staple: seen(strategy.afterFetch(result, scenario)), waited: c.responder === 'slow' }
    return { staple: seen(plan.cached), waited: false }
  })
}
