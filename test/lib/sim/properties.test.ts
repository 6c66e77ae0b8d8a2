import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { simulate } from '../../../src/lib/sim/simulate.ts'
import { phases, type Run, type Scenario } from '../../../src/lib/sim/types.ts'
import { anyClientScenarioArb, modeArb, scenarioArb } from './arbitraries.ts'

const talksToResponder = (run: Run) =>
  run.events.some(
    (e) => (e.from === 'client' && e.to === 'responder') || (e.from === 'responder' && e.to === 'client'),
  )

describe('engine invariants (property tests)', () => {
  it('is deterministic: the same scenario gives the same run', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, (s, mode) => {
        expect(simulate(structuredClone(s), mode)).toEqual(simulate(s, mode))
      }),
    )
  })

  it('more RTT on any path is never faster (for the same outcome)', () => {
    const paths = ['rttServerMs', 'rttResponderMs', 'rttDnsMs', 'rttServerResponderMs'] as const
    fc.assert(
      fc.property(
        scenarioArb,
        modeArb,
        fc.constantFrom(...paths),
        fc.integer({ min: 1, max: 500 }),
        (s, mode, path, extra) => {
          const before = simulate(s, mode)
          const after = simulate({ ...s, [path]: s[path] + extra } as Scenario, mode)
          if (before.outcome === after.outcome && before.reason === after.reason) {
            expect(after.handshakeMs).toBeGreaterThanOrEqual(before.handshakeMs - 1e-6)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('with stapling (and must-staple) the client never talks to the responder', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('stapling', 'must-staple' as const), (s, mode) => {
        const run = simulate(s, mode)
        expect(talksToResponder(run)).toBe(false)
        expect(run.responderLearned).toBe(false)
        expect(run.ledger.filter((l) => l.party === 'responder')).toEqual([])
      }),
    )
  })

  it('must-staple without a valid staple is always rejected', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const run = simulate(s, 'must-staple')
        if (!s.resumed && run.revocationSource !== 'staple') expect(run.outcome).toBe('rejected')
        if (
          !s.resumed &&
          s.staple !== 'fresh' &&
          // A pre-revocation response is a valid staple: the replay must-staple cannot stop.
          s.staple !== 'pre-revocation' &&
          s.serverStrategy !== 'blocking'
        ) {
          expect(run.outcome).toBe('rejected')
        }
      }),
    )
  })

  it('soft-fail never rejects for an unreachable or failing responder', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const run = simulate(s, 'ocsp-soft-fail')
        expect(run.reason === 'responder-unreachable' || run.reason === 'responder-error').toBe(false)
        const failing = s.responder !== 'up' && s.responder !== 'slow'
        if (failing && s.certStatus === 'good') expect(run.outcome).toBe('connected')
      }),
    )
  })

  it('the phases add up to the total, and the breakdown covers it without gaps', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, (s, mode) => {
        const run = simulate(s, mode)
        const sum = phases.reduce((t, p) => t + run.phases[p], 0)
        expect(sum).toBe(run.handshakeMs)
        expect(run.breakdown[0]?.start ?? 0).toBe(0)
        run.breakdown.forEach((span, i) => {
          expect(span.end).toBeGreaterThan(span.start)
          if (i > 0) expect(span.start).toBe(run.breakdown[i - 1]!.end)
        })
        expect(run.breakdown.at(-1)?.end ?? 0).toBeCloseTo(run.handshakeMs, 6)
      }),
    )
  })

  it('events are in time order and every message is sent before it is received', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, (s, mode) => {
        const run = simulate(s, mode)
        run.events.forEach((e, i) => {
          expect(e.arrive).toBeGreaterThanOrEqual(e.t)
          if (i > 0) expect(e.t).toBeGreaterThanOrEqual(run.events[i - 1]!.t)
        })
      }),
    )
  })

  it('every ledger entry points at the message that told that party', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, (s, mode) => {
        const run = simulate(s, mode)
        for (const entry of run.ledger) {
          const event = run.events[entry.viaEventIndex]
          expect(event).toBeDefined()
          if (entry.party === 'responder')
            expect(event).toMatchObject({ to: 'responder', message: 'OCSP request' })
          if (entry.party === 'dns') expect(event).toMatchObject({ to: 'dns' })
        }
        expect(run.responderLearned).toBe(run.ledger.some((l) => l.party === 'responder'))
      }),
    )
  })

  it('under every client profile: deterministic, and the phases add up to the total', () => {
    fc.assert(
      fc.property(anyClientScenarioArb, modeArb, (s, mode) => {
        const run = simulate(s, mode)
        expect(simulate(structuredClone(s), mode)).toEqual(run)
        expect(phases.reduce((t, p) => t + run.phases[p], 0)).toBe(run.handshakeMs)
        expect(run.breakdown.at(-1)?.end ?? 0).toBeCloseTo(run.handshakeMs, 6)
      }),
    )
  })

  it('a client that never fetches OCSP (Chrome, Firefox 142, Safari, curl) never talks to the responder', () => {
    const neverFetch = ['chrome', 'firefox-142', 'safari', 'curl'] as const
    fc.assert(
      fc.property(anyClientScenarioArb, modeArb, fc.constantFrom(...neverFetch), (s, mode, client) => {
        const run = simulate({ ...s, client }, mode)
        expect(talksToResponder(run)).toBe(false)
        expect(run.responderLearned).toBe(false)
        expect(run.ledger.filter((l) => l.party === 'responder')).toEqual([])
      }),
    )
  })

  it('every named client refuses a certificate whose fresh stapled response says revoked', () => {
    fc.assert(
      fc.property(anyClientScenarioArb, fc.constantFrom('stapling', 'must-staple' as const), (s, mode) => {
        const scenario: Scenario = {
          ...s,
          staple: 'fresh',
          serverStrategy: 'static',
          certStatus: 'revoked',
          resumed: false,
        }
        const run = simulate(scenario, mode)
        expect(run).toMatchObject({ outcome: 'rejected', reason: 'revoked', revokedAccepted: false })
      }),
    )
  })
})
