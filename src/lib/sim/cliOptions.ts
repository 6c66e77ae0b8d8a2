/**
 * The simulate CLI's options, parsed into a Scenario (pure, so it is tested without spawning).
 * The contract options (--mode, --tls, --rtt-server, --rtt-responder, --responder, --staple,
 * --cert-status) come first; the others reach every other Scenario field.
 */
import { findPreset, presets } from './presets.ts'
import { defaultScenario, parseScenario, scenarioFromQuery } from './scenario.ts'
import { fieldNames, fieldSpecs } from './scenarioFields.ts'
import type { Scenario } from './types.ts'

export interface CliOptions {
  json: boolean
  compare: boolean
  help: boolean
  scenario: Scenario
}

export type CliParse = { ok: true; options: CliOptions } | { ok: false; error: string }

type Field = keyof Omit<Scenario, 'version'>

interface OptionSpec {
  field: Field
  kind: 'text' | 'number' | 'flag'
  /** CLI spellings that differ from the scenario's values. */
  aliases?: Record<string, string>
  help: string
}

export const cliOptionSpecs: Record<string, OptionSpec> = {
  '--mode': { field: 'mode', kind: 'text', help: 'none|ocsp-soft-fail|ocsp-hard-fail|stapling|must-staple' },
  '--tls': { field: 'tls', kind: 'text', help: '1.2|1.3' },
  '--rtt-server': { field: 'rttServerMs', kind: 'number', help: 'MS client <-> web server round trip' },
  '--rtt-responder': {
    field: 'rttResponderMs',
    kind: 'number',
    help: 'MS client <-> OCSP responder round trip',
  },
  '--responder': {
    field: 'responder',
    kind: 'text',
    help: 'up|slow|down|blocked|reset|tryLater|internalError',
  },
  '--staple': { field: 'staple', kind: 'text', aliases: { expired: 'stale' }, help: 'fresh|none|expired' },
  '--cert-status': { field: 'certStatus', kind: 'text', help: 'good|revoked' },
  '--server-strategy': { field: 'serverStrategy', kind: 'text', help: 'none|static|lazy|blocking|proactive' },
  '--plain-ocsp': { field: 'plainOcsp', kind: 'text', help: 'soft-fail|hard-fail (the compare view row)' },
  '--rtt-dns': { field: 'rttDnsMs', kind: 'number', help: 'MS client <-> DNS resolver round trip' },
  '--rtt-server-responder': {
    field: 'rttServerResponderMs',
    kind: 'number',
    help: 'MS server <-> responder',
  },
  '--jitter': { field: 'jitterMs', kind: 'number', help: 'MS extra one-way delay, uniform [0, MS)' },
  '--loss': { field: 'lossRate', kind: 'number', help: 'P packet loss probability, 0 to 0.5' },
  '--seed': { field: 'seed', kind: 'number', help: 'N seed for jitter and loss' },
  '--processing': { field: 'responderProcessingMs', kind: 'number', help: 'MS responder answer time' },
  '--slow': { field: 'responderSlowMs', kind: 'number', help: 'MS answer time of a slow responder' },
  '--soft-timeout': { field: 'softFailTimeoutMs', kind: 'number', help: 'MS client soft-fail timeout' },
  '--hard-timeout': { field: 'hardFailTimeoutMs', kind: 'number', help: 'MS client hard-fail timeout' },
  '--server-timeout': {
    field: 'serverResponderTimeoutMs',
    kind: 'number',
    help: 'MS blocking server timeout',
  },
  '--chain-bytes': { field: 'chainBytes', kind: 'number', help: 'N certificate chain size' },
  '--ocsp-bytes': { field: 'ocspResponseBytes', kind: 'number', help: 'N OCSP response size' },
  '--method': { field: 'httpMethod', kind: 'text', help: 'GET|POST' },
  '--resumed': { field: 'resumed', kind: 'flag', help: 'resume a session (no certificate)' },
  '--ocsp-cache-hit': { field: 'ocspCacheHit', kind: 'flag', help: 'client has a cached OCSP response' },
  '--dns-cached': { field: 'dnsCached', kind: 'flag', help: "responder's address already cached" },
  '--no-staple-errors': {
    field: 'stapleErrors',
    kind: 'flag',
    help: 'blocking server does not staple errors',
  },
}

export const usage = [
  'usage: npm run --silent simulate -- [--json] [--compare] [--preset ID] [--query Q] [options]',
  '  --json                 one JSON object on stdout (the contract in docs/model.md)',
  '  --compare              every mode side by side',
  `  --preset ID            start from a preset: ${presets.map((p) => p.id).join(', ')}`,
  '  --query Q              start from a scenario URL query, e.g. "tls=1.2&rs=80"',
  ...Object.entries(cliOptionSpecs).map(([flag, spec]) => `  ${flag.padEnd(22)} ${spec.help}`),
].join('\n')

const numberText = /^-?(?:\d+\.?\d*|\.\d+)$/

export function parseCliArgs(argv: readonly string[]): CliParse {
  let base: Partial<Scenario> = {}
  const fields: Partial<Record<Field, unknown>> = {}
  const flagsSeen = { json: false, compare: false, help: false }
  const owner = new Map<Field, string>()
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? ''
    const eq = raw.indexOf('=')
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined
    const takeValue = (): string | null => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('--')) return null
      i++
      return next
    }
    if (name === '--json' || name === '--compare' || name === '--help' || name === '-h') {
      flagsSeen[name === '-h' ? 'help' : (name.slice(2) as 'json' | 'compare' | 'help')] = true
      continue
    }
    if (name === '--preset') {
      const id = takeValue()
      const preset = id === null ? undefined : findPreset(id)
      if (!preset)
        return {
          ok: false,
          error: `--preset: ${id ?? '(missing)'} is not one of ${presets.map((p) => p.id).join(', ')}`,
        }
      base = { ...base, ...preset.scenario }
      continue
    }
    if (name === '--query') {
      const q = takeValue()
      if (q === null) return { ok: false, error: '--query: missing value' }
      const query = new URLSearchParams(q.replace(/^[#?]/, ''))
      const parsed = scenarioFromQuery(query)
      if (!parsed.ok) return { ok: false, error: `--query: ${parsed.error.message}` }
      // Only the fields the query names: the rest keep what a preset before it set.
      const named = fieldNames.filter((f) => query.has(fieldSpecs[f].key))
      base = { ...base, ...Object.fromEntries(named.map((f) => [f, parsed.scenario[f]])) }
      continue
    }
    const spec = cliOptionSpecs[name]
    if (!spec) return { ok: false, error: `${name}: unknown option (try --help)` }
    if (spec.kind === 'flag') {
      fields[spec.field] = spec.field === 'stapleErrors' ? false : true
    } else {
      const text = takeValue()
      if (text === null) return { ok: false, error: `${name}: missing value (${spec.help})` }
      if (spec.kind === 'number') {
        if (!numberText.test(text)) return { ok: false, error: `${name}: "${text}" is not a number` }
        fields[spec.field] = Number(text)
      } else {
        fields[spec.field] = spec.aliases?.[text] ?? text
      }
    }
    owner.set(spec.field, name)
  }
  const result = parseScenario({ ...defaultScenario, ...base, ...fields })
  if (!result.ok) {
    const field = result.error.field
    const flag = field ? owner.get(field as Field) : undefined
    const message =
      flag && field ? result.error.message.replace(`${field}:`, `${flag}:`) : result.error.message
    return { ok: false, error: message }
  }
  return { ok: true, options: { ...flagsSeen, scenario: result.scenario } }
}
