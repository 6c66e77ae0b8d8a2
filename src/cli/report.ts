/**
 * Text and JSON renderings of runs for the CLI. The JSON shape is a contract (docs/model.md, "CLI"):
 * fields may be added, never renamed or removed.
 */
import { phases, type Mode, type Run } from '../lib/sim/types.ts'

/** Only the phases that took time, in chart order; they add up to handshakeMs. */
export function nonZeroPhases(run: Run): Partial<Record<(typeof phases)[number], number>> {
  return Object.fromEntries(phases.filter((p) => run.phases[p] > 0).map((p) => [p, run.phases[p]]))
}

export function runToJson(run: Run): Record<string, unknown> {
  return {
    mode: run.mode,
    client: run.scenario.client,
    tls: run.scenario.tls,
    outcome: run.outcome,
    reason: run.reason,
    handshakeMs: run.handshakeMs,
    phases: nonZeroPhases(run),
    events: run.events,
    responderLearned: run.responderLearned,
    revokedAccepted: run.revokedAccepted,
    revocationSource: run.revocationSource,
    stapleDelivered: run.stapleDelivered,
    ledger: run.ledger,
    waits: run.waits,
    notes: run.notes,
    scenario: run.scenario,
  }
}

const ms = (x: number): string => `${Number.isInteger(x) ? x : x.toFixed(1)} ms`

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => (/^[\d.]+( ms)?$/.test(cell) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export function runToText(run: Run): string {
  const verdict = run.outcome === 'connected' ? 'connected' : `rejected (${run.reason})`
  const lines = [
    `Mode ${run.mode}, client ${run.scenario.client}, TLS ${run.scenario.tls}: ${verdict} after ${ms(run.handshakeMs)}`,
    '',
    'Phases: ' +
      Object.entries(nonZeroPhases(run))
        .map(([p, v]) => `${p} ${ms(v)}`)
        .join(', '),
    '',
    table([
      ['sent', 'arrives', 'from', 'to', 'message', 'bytes'],
      ...run.events.map((e) => [
        ms(e.t),
        e.delivered ? ms(e.arrive) : 'lost',
        e.from,
        e.to,
        e.label + (e.staple ? ' *' : ''),
        String(e.bytes),
      ]),
    ]),
    '',
    `Responder learned who visits the site: ${run.responderLearned ? 'yes' : 'no'}`,
    `Revoked certificate accepted: ${run.revokedAccepted ? 'YES' : 'no'}`,
    ...run.ledger.map((l) => `  ${ms(l.at)}  ${l.learned}`),
    ...run.notes.map((n) => `- ${n}`),
  ]
  return lines.join('\n')
}

export function compareToText(runs: Record<Mode, Run>): string {
  return table([
    ['mode', 'outcome', 'reason', 'handshake', 'responder learned', 'revoked accepted', 'phases'],
    ...Object.values(runs).map((r) => [
      r.mode,
      r.outcome,
      r.reason ?? '',
      ms(r.handshakeMs),
      r.responderLearned ? 'yes' : 'no',
      r.revokedAccepted ? 'YES' : 'no',
      Object.entries(nonZeroPhases(r))
        .map(([p, v]) => `${p} ${Number.isInteger(v) ? v : v.toFixed(1)}`)
        .join(', '),
    ]),
  ])
}
