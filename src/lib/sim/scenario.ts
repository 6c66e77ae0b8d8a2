/**
 * Scenario defaults, validation and the compact URL query form, all read from the field registry
 * (scenarioFields.ts), where each field's default and its source are declared.
 */
import {
  acceptedValues,
  fieldSpec,
  scenarioFieldNames,
  scenarioFields,
  versionKey,
  type FieldSpec,
  type ScenarioFieldName,
} from './scenarioFields.ts'
import { scenarioVersion, type Scenario, type ScenarioError, type ScenarioResult } from './types.ts'

export const defaultScenario: Readonly<Scenario> = Object.freeze({
  version: scenarioVersion,
  ...(Object.fromEntries(scenarioFieldNames.map((name) => [name, scenarioFields[name].default])) as Omit<
    Scenario,
    'version'
  >),
})

function fail(code: ScenarioError['code'], field: string | null, message: string): ScenarioResult {
  return { ok: false, error: { code, field, message } }
}

function isValid(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'text':
      return typeof value === 'string' && spec.pattern.test(value)
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= spec.min &&
        value <= spec.max &&
        (!spec.integer || Number.isInteger(value))
      )
  }
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * Validate a (possibly partial) scenario object: missing fields take their defaults, unknown fields
 * and bad values are errors whose one-line message names the field.
 */
export function parseScenario(input: unknown): ScenarioResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('not-an-object', null, 'scenario: expected a JSON object')
  }
  const record = input as Record<string, unknown>
  if ('version' in record && record.version !== scenarioVersion) {
    return fail(
      'unsupported-version',
      'version',
      `version: ${show(record.version)} is not supported (expected 1)`,
    )
  }
  for (const key of Object.keys(record)) {
    if (key !== 'version' && !(key in scenarioFields)) {
      return fail('unknown-field', key, `${key}: unknown scenario field`)
    }
  }
  const scenario: Record<string, unknown> = { ...defaultScenario }
  for (const name of scenarioFieldNames) {
    if (!(name in record) || record[name] === undefined) continue
    const spec = fieldSpec(name)
    const value = record[name]
    if (!isValid(spec, value)) {
      return fail('invalid-field', name, `${name}: ${show(value)} is not ${acceptedValues(spec)}`)
    }
    scenario[name] = value
  }
  return { ok: true, scenario: scenario as unknown as Scenario }
}

/** The defaults with some fields replaced; throws nothing, validates everything. */
export function withDefaults(partial: Partial<Scenario>): ScenarioResult {
  return parseScenario(partial)
}

function encode(spec: FieldSpec, value: Scenario[ScenarioFieldName]): string {
  if (spec.kind === 'boolean') return value ? '1' : '0'
  return String(value)
}

const numberText = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

/** A URL or CLI text as the field's type (or the text itself, which then fails validation). */
export function decodeFieldText(spec: FieldSpec, text: string): unknown {
  switch (spec.kind) {
    case 'boolean':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : text
    case 'number':
      return numberText.test(text) ? Number(text) : text
    default:
      return text
  }
}

/** The compact URL form: only the fields that differ from the defaults, under their short keys. */
export function scenarioToQuery(s: Scenario): URLSearchParams {
  const query = new URLSearchParams()
  for (const name of scenarioFieldNames) {
    const value = s[name]
    if (value === defaultScenario[name]) continue
    query.set(scenarioFields[name].urlKey, encode(fieldSpec(name), value))
  }
  return query
}

/** One value in a link that could not be used: the field, its URL key and a one-line message. */
export interface ScenarioProblem {
  field: ScenarioFieldName | 'version'
  urlKey: string
  message: string
}

export interface ScenarioParams {
  /** The defaults, with every valid value the link carries. */
  scenario: Scenario
  /** Every value that could not be used, in field order; each names its field once. */
  problems: ScenarioProblem[]
  /** The fields the link set (validly). */
  named: ScenarioFieldName[]
}

function linkValue(key: string, text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text
  return `${key}=${shown}`
}

/**
 * Read a scenario from its URL form, keeping every valid value and naming every bad one ("Client ↔
 * server RTT: rs=-5 is not a number from 0 to 60000 ms"). Keys this format does not know are
 * ignored: the hash carries view state beside the scenario.
 */
export function parseScenarioParams(q: URLSearchParams): ScenarioParams {
  const version = q.get(versionKey)
  if (version !== null && version !== String(scenarioVersion)) {
    const message = `Scenario version: ${linkValue(versionKey, version)} is not supported (expected 1)`
    return {
      scenario: { ...defaultScenario },
      problems: [{ field: 'version', urlKey: versionKey, message }],
      named: [],
    }
  }
  const scenario: Record<string, unknown> = { ...defaultScenario }
  const problems: ScenarioProblem[] = []
  const named: ScenarioFieldName[] = []
  for (const name of scenarioFieldNames) {
    const spec = fieldSpec(name)
    const text = q.get(spec.urlKey)
    if (text === null) continue
    const value = decodeFieldText(spec, text)
    if (isValid(spec, value)) {
      scenario[name] = value
      named.push(name)
    } else {
      problems.push({
        field: name,
        urlKey: spec.urlKey,
        message: `${spec.label}: ${linkValue(spec.urlKey, text)} is not ${acceptedValues(spec)}`,
      })
    }
  }
  return { scenario: scenario as unknown as Scenario, problems, named }
}

/** A link's scenario, all or nothing: the first problem is the error (lesson links must be whole). */
export function scenarioFromQuery(q: URLSearchParams): ScenarioResult {
  const { scenario, problems } = parseScenarioParams(q)
  const first = problems[0]
  if (!first) return { ok: true, scenario }
  return fail(first.field === 'version' ? 'unsupported-version' : 'invalid-field', first.field, first.message)
}
