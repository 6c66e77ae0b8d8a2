/** The calibration's table, as one line per row for the terminal and as docs/calibration.md. */
import type { CalibrationScenario, ConnectionVerdict } from './calibration.ts'
import type { ServerProfile } from './types.ts'

export interface ReportRow {
  server: ServerProfile
  version: string
  scenario: CalibrationScenario
  observed: (ConnectionVerdict & { handshakeMs?: number })[] | null
  error: string | null
  model: ConnectionVerdict[]
  agree: boolean
}

/** "none · good · good (waited)": one entry per connection, in order. */
export function sequenceText(v: (ConnectionVerdict & { handshakeMs?: number })[]): string {
  return v
    .map(
      (c) =>
        `${c.staple}${c.waited ? ` (waited${c.handshakeMs === undefined ? '' : ` ${(c.handshakeMs / 1000).toFixed(1)} s`})` : ''}`,
    )
    .join(' · ')
}

export function rowText(r: ReportRow): string {
  const observed = r.observed ? sequenceText(r.observed) : `error: ${r.error}`
  return `${r.agree ? 'agree   ' : 'DISAGREE'} ${r.server.name} ${r.version} | ${r.scenario.id} | observed: ${observed} | model (${r.server.strategy}): ${sequenceText(r.model)}`
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function calibrationMarkdown(rows: ReportRow[], at: Date): string {
  const versions = [...new Map(rows.map((r) => [r.server.id, `${r.server.name} ${r.version}`])).values()]
  const agreeing = rows.filter((r) => r.agree).length
  const lines = [
    '# Calibration: real servers against the model',
    '',
    `Written by \`npm run calibrate\` on ${at.toISOString().slice(0, 10)} with ${versions.join(', ')}.`,
    `${agreeing} of ${rows.length} rows agree.`,
    '',
    'Each scenario starts the server afresh on 127.0.0.1 in front of the local OCSP responder',
    '(`npm run responder`) and makes the listed TLS handshakes with status_request, in order. A cell',
    'lists what each handshake got stapled; "(waited)" marks a handshake that waited for the responder.',
    "The model column is what the engine predicts with the server's strategy (src/lib/servers,",
    'src/lib/servers/calibration.ts). Scenarios:',
    '',
    ...[...new Map(rows.map((r) => [r.scenario.id, r.scenario])).values()].map(
      (s) =>
        `- \`${s.id}\`: ${s.title}; ${s.connections.length} handshakes, ${s.connections.map((c) => `${c.afterMs / 1000} s`).join(', ')} apart.`,
    ),
    '',
    '| server | scenario | observed | model | agree |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(`${r.server.name} ${r.version}`)} | ${r.scenario.id} | ${cell(r.observed ? sequenceText(r.observed) : `error: ${r.error}`)} | ${cell(`${sequenceText(r.model)} (${r.server.strategy})`)} | ${r.agree ? 'yes' : '**no**'} |`,
    ),
    '',
    '## What each server does, and where it is written',
    '',
    'From its module in `src/lib/servers/`, which the engine, this calibration and the config generator read.',
    ...[...new Map(rows.map((r) => [r.server.id, r.server])).values()].flatMap((server) => [
      '',
      `### ${server.name}: the \`${server.strategy}\` strategy`,
      '',
      ...server.facts.map((f) => `- ${f.claim} ([source](${f.source}))`),
    ]),
    '',
  ]
  return lines.join('\n')
}
