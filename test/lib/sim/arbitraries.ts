/** fast-check generators for scenarios, shared by the engine's property tests. */
import fc from 'fast-check'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'
import { modes, type Scenario } from '../../../src/lib/sim/types.ts'

const rtt = fc.integer({ min: 0, max: 600 })

/** Scenarios over the fields that change the shape of a run, with realistic magnitudes. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    tls: fc.constantFrom('1.2', '1.3'),
    plainOcsp: fc.constantFrom('soft-fail', 'hard-fail'),
    rttServerMs: rtt,
    rttResponderMs: rtt,
    rttDnsMs: rtt,
    rttServerResponderMs: rtt,
    jitterMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
    lossRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
    seed: fc.integer({ min: 0, max: 1000 }),
    responder: fc.constantFrom('up', 'slow', 'down', 'blocked', 'reset', 'tryLater', 'internalError'),
    responderProcessingMs: fc.integer({ min: 0, max: 200 }),
    responderSlowMs: fc.integer({ min: 0, max: 12_000 }),
    certStatus: fc.constantFrom('good', 'revoked'),
    staple: fc.constantFrom('fresh', 'stale', 'none'),
    serverStrategy: fc.constantFrom('none', 'static', 'lazy', 'blocking', 'proactive'),
    stapleErrors: fc.boolean(),
    resumed: fc.boolean(),
    ocspCacheHit: fc.boolean(),
    dnsCached: fc.boolean(),
    httpMethod: fc.constantFrom('GET', 'POST'),
    chainBytes: fc.integer({ min: 500, max: 60_000 }),
    ocspResponseBytes: fc.integer({ min: 100, max: 20_000 }),
  } as const)
  .map((fields) => ({ ...defaultScenario, ...fields }) as Scenario)

export const modeArb = fc.constantFrom(...modes)
