/**
 * The simulate CLI's options, parsed into a Scenario (pure, so it is tested without spawning).
 * One option per scenario field, read from the field registry (lib/sim/scenarioFields.ts): its
 * flag, the values it takes, its help line and its default all come from there.
 */
import { findPreset, presets } from '../lib/sim/presets.ts'
import { decodeFieldText, defaultScenario, parseScenario, parseScenarioParams } from '../lib/sim/scenario.ts'
import {
  fieldSpec,
  scenarioFieldNames,
  shownValue,
  type FieldSpec,
  type ScenarioFieldName,
} from '../lib/sim/scenarioFields.ts'
import type { Scenario } from '../lib/sim/types.ts'

export interface CliOptions {
  json: boolean
  compare: boolean
  help: boolean
  scenario: Scenario
}

export type CliParse = { ok: true; options: CliOptions } | { ok: false; error: string }

const fieldByFlag = new Map<string, ScenarioFieldName>(
  scenarioFieldNames.map((f) => [fieldSpec(f).cliFlag, f]),
)

/** The CLI spelling of each enum value ("expired" for the scenario's "stale" staple). */
function cliValues(spec: FieldSpec & { kind: 'enum' }): string[] {
  const aliasOf = new Map(Object.entries(spec.cliAliases ?? {}).map(([alias, value]) => [value, alias]))
  return Object.keys(spec.options).map((v) => aliasOf.get(v) ?? v)
}

/** "MS", "N", "fresh|expired|none": what follows the flag. */
function valueSyntax(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return ''
    case 'enum':
      return cliValues(spec).join('|')
    case 'text':
      return 'TEXT'
    case 'number':
      return spec.unit === 'ms' ? 'MS' : spec.integer ? 'N' : 'P'
  }
}

function helpLine(spec: FieldSpec): string {
  const option = `${spec.cliFlag} ${valueSyntax(spec)}`.trimEnd()
  const range =
    spec.kind === 'number'
      ? `, ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`
      : spec.kind === 'text'
        ? `, ${spec.expected}`
        : ''
  const fallback =
    spec.kind === 'boolean'
      ? `: ${spec.default ? 'off' : 'on'} (default ${spec.default ? 'on' : 'off'})`
      : ` (default ${spec.kind === 'number' ? shownValue({ ...spec, shownAs: undefined }, spec.default) : spec.default})`
  return `  ${option.padEnd(36)} ${spec.label}${range}${fallback}`
}

export const usage = [
  'usage: npm run --silent simulate -- [--json] [--compare] [--preset ID] [--query Q] [options]',
  `  ${'--json'.padEnd(36)} one JSON object on stdout (the contract in docs/cli.md)`,
  `  ${'--compare'.padEnd(36)} every mode side by side`,
  `  ${'--preset ID'.padEnd(36)} start from a preset: ${presets.map((p) => p.id).join(', ')}`,
  `  ${'--query Q'.padEnd(36)} start from a scenario URL query, e.g. "tls=1.2&rs=80"`,
  ...scenarioFieldNames.map((f) => helpLine(fieldSpec(f))),
].join('\n')

export function parseCliArgs(argv: readonly string[]): CliParse {
  let base: Partial<Scenario> = {}
  const fields: Partial<Record<ScenarioFieldName, unknown>> = {}
  const flagsSeen = { json: false, compare: false, help: false }
  const owner = new Map<ScenarioFieldName, string>()
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
      const parsed = parseScenarioParams(new URLSearchParams(q.replace(/^[#?]/, '')))
      if (parsed.problems.length > 0)
        return { ok: false, error: `--query: ${parsed.problems.map((p) => p.message).join('; ')}` }
      // Only the fields the query names: the rest keep what a preset before it set.
      base = { ...base, ...Object.fromEntries(parsed.named.map((f) => [f, parsed.scenario[f]])) }
      continue
    }
    const field = fieldByFlag.get(name)
    if (!field) return { ok: false, error: `${name}: unknown option (try --help)` }
    const spec = fieldSpec(field)
    if (spec.kind === 'boolean') {
      // A flag says the opposite of the default: --resumed, --no-staple-errors.
      fields[field] = !spec.default
    } else {
      const text = takeValue()
      if (text === null) return { ok: false, error: `${name}: missing value (${valueSyntax(spec)})` }
      const value = decodeFieldText(spec, text)
      if (spec.kind === 'number' && typeof value !== 'number')
        return { ok: false, error: `${name}: "${text}" is not a number` }
      fields[field] = spec.kind === 'enum' ? (spec.cliAliases?.[text] ?? value) : value
    }
    owner.set(field, name)
  }
  const result = parseScenario({ ...defaultScenario, ...base, ...fields })
  if (!result.ok) {
    const field = result.error.field
    const flag = field ? owner.get(field as ScenarioFieldName) : undefined
    const message =
      flag && field ? result.error.message.replace(`${field}:`, `${flag}:`) : result.error.message
    return { ok: false, error: message }
  }
  return { ok: true, options: { ...flagsSeen, scenario: result.scenario } }
}
