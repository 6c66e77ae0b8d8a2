/**
 * Scenario defaults, validation and the compact URL query form. Every default is sourced in
 * docs/model.md ("Defaults"); the one-line comments here say where each comes from.
 */
import { fieldNames, fieldSpecs, versionKey, type FieldSpec } from './scenarioFields.ts'
import { scenarioVersion, type Scenario, type ScenarioError, type ScenarioResult } from './types.ts'

export const defaultScenario: Readonly<Scenario> = Object.freeze({
  version: scenarioVersion,
  mode: 'ocsp-soft-fail',
  tls: '1.3',
  // Firefox security.OCSP.require = false: soft-fail is the default of the one browser that fetched.
  plainOcsp: 'soft-fail',
  // A CDN-served site and a CDN-served responder; with these an OCSP fetch blocks ~130 ms, close to the
  // ~100 ms median Mozilla measured (hacks.mozilla.org, CRLite, 2025).
  rttServerMs: 50,
  rttResponderMs: 50,
  rttDnsMs: 20,
  rttServerResponderMs: 20,
  jitterMs: 0,
  lossRate: 0,
  seed: 1,
  responder: 'up',
  // Pre-produced responses (RFC 5019) served from a CDN: Let's Encrypt served 98-99% from its CDN (2022).
  responderProcessingMs: 10,
  responderSlowMs: 1500,
  certStatus: 'good',
  staple: 'fresh',
  // The server staples exactly the cached response the `staple` field describes (like nginx's
  // ssl_stapling_file), so one handshake shows the client's side alone; the fetching strategies
  // (lazy, blocking, proactive) show how real servers fill that cache.
  serverStrategy: 'static',
  // Apache SSLStaplingReturnResponderErrors defaults to on.
  stapleErrors: true,
  resumed: false,
  ocspCacheHit: false,
  dnsCached: false,
  // Firefox security.OCSP.GET.enabled defaults to false: it POSTs.
  httpMethod: 'POST',
  // Firefox security.OCSP.timeoutMilliseconds.soft / .hard (REFERENCES.md).
  softFailTimeoutMs: 2000,
  hardFailTimeoutMs: 10_000,
  // Apache SSLStaplingResponderTimeout 10 s.
  serverResponderTimeoutMs: 10_000,
  // A leaf and one intermediate, RSA-2048, about 1.3-1.5 KB each.
  chainBytes: 3000,
  // An RSA-2048-signed response without an embedded responder certificate (REFERENCES.md).
  ocspResponseBytes: 500,
  // RFC 5737 documentation address and RFC 6761 reserved names.
  clientIp: '203.0.113.7',
  site: 'shop.example',
  responderHost: 'ocsp.ca.example',
})

type FieldName = keyof typeof fieldSpecs

function fail(code: ScenarioError['code'], field: string | null, message: string): ScenarioResult {
  return { ok: false, error: { code, field, message } }
}

function describe(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'enum':
      return `one of ${spec.values.join(', ')}`
    case 'boolean':
      return 'true or false'
    case 'text':
      return spec.hint
    case 'number': {
      const what = spec.integer ? 'an integer' : 'a number'
      return `${what} from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`
    }
  }
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
    if (key !== 'version' && !(key in fieldSpecs)) {
      return fail('unknown-field', key, `${key}: unknown scenario field`)
    }
  }
  const scenario: Record<string, unknown> = { ...defaultScenario }
  for (const name of fieldNames) {
    if (!(name in record) || record[name] === undefined) continue
    const spec = fieldSpecs[name]
    const value = record[name]
    if (!isValid(spec, value)) {
      return fail('invalid-field', name, `${name}: ${show(value)} is not ${describe(spec)}`)
    }
    scenario[name] = value
  }
  return { ok: true, scenario: scenario as unknown as Scenario }
}

/** The defaults with some fields replaced; throws nothing, validates everything. */
export function withDefaults(partial: Partial<Scenario>): ScenarioResult {
  return parseScenario(partial)
}

function encode(spec: FieldSpec, value: Scenario[FieldName]): string {
  if (spec.kind === 'boolean') return value ? '1' : '0'
  return String(value)
}

const numberText = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

function decode(spec: FieldSpec, text: string): unknown {
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
  for (const name of fieldNames) {
    const value = s[name]
    if (value === defaultScenario[name]) continue
    query.set(fieldSpecs[name].key, encode(fieldSpecs[name], value))
  }
  return query
}

/**
 * Read a scenario back from its URL form. Keys this format does not know are ignored (the hash may
 * carry view state beside the scenario); a known key with a bad value is an error naming the field.
 */
export function scenarioFromQuery(q: URLSearchParams): ScenarioResult {
  const version = q.get(versionKey)
  if (version !== null && version !== String(scenarioVersion)) {
    return fail('unsupported-version', 'version', `version: ${show(version)} is not supported (expected 1)`)
  }
  const partial: Record<string, unknown> = {}
  for (const name of fieldNames) {
    const spec = fieldSpecs[name]
    const text = q.get(spec.key)
    if (text === null) continue
    const value = decode(spec, text)
    if (!isValid(spec, value)) {
      return fail('invalid-field', name, `${name} (${spec.key}): ${show(text)} is not ${describe(spec)}`)
    }
    partial[name] = value
  }
  return parseScenario(partial)
}
