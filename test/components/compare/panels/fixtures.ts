/** Small hand-built runs: exact numbers, so the panels' sentences can be asserted word for word. */
import { compareModes, defaultScenario, withDefaults } from '../../../../src/lib/sim/index'
import {
  phases,
  type ComparisonRow,
  type Mode,
  type Phase,
  type PhaseSpan,
  type Run,
  type Scenario,
} from '../../../../src/lib/sim/types'

/** A run whose phases follow one another in the order given: [['tcp', 50], ['tls', 50]]. */
export function run(mode: Mode, parts: [Phase, number][], extra: Partial<Run> = {}): Run {
  const breakdown: PhaseSpan[] = []
  let t = 0
  for (const [phase, ms] of parts) {
    breakdown.push({ phase, start: t, end: t + ms })
    t += ms
  }
  const byPhase = Object.fromEntries(phases.map((p) => [p, 0])) as Record<Phase, number>
  for (const [phase, ms] of parts) byPhase[phase] += ms
  const scenario: Scenario = { ...defaultScenario, mode }
  return {
    mode,
    scenario,
    outcome: 'connected',
    reason: null,
    handshakeMs: t,
    phases: byPhase,
    breakdown,
    events: [],
    waits: [],
    ledger: [],
    responderLearned: false,
    revokedAccepted: false,
    revocationSource: 'none',
    stapleDelivered: false,
    notes: [],
    ...extra,
  }
}

const handshake: [Phase, number][] = [
  ['tcp', 50],
  ['tls', 50],
]

/** No check 100 ms; plain OCSP 300 ms (a 200 ms fetch); stapling and must-staple 100 ms. */
export function quickRuns(): Record<ComparisonRow, Run> {
  return {
    none: run('none', handshake),
    'plain-ocsp': run(
      'ocsp-soft-fail',
      [...handshake, ['dns-ocsp', 20], ['ocsp-tcp', 80], ['ocsp-http', 100]],
      {
        revocationSource: 'ocsp-fetch',
      },
    ),
    stapling: run('stapling', handshake, { revocationSource: 'staple', stapleDelivered: true }),
    'must-staple': run('must-staple', handshake, { revocationSource: 'staple', stapleDelivered: true }),
  }
}

/** The engine's own four runs for a scenario over the defaults. */
export function engineRuns(partial: Partial<Scenario> = {}): Record<ComparisonRow, Run> {
  const parsed = withDefaults(partial)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return Object.fromEntries(compareModes(parsed.scenario).map((e) => [e.row, e.run])) as Record<
    ComparisonRow,
    Run
  >
}
