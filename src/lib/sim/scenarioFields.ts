/**
 * One descriptor per Scenario field: its short URL key and the values it accepts. Validation and
 * the URL query encoding both read this table, so a field cannot be valid in one and not the other.
 * The short keys are part of every shared link: never change one, only add new ones.
 */
import {
  certStatuses,
  httpMethods,
  modes,
  plainOcspPolicies,
  responderStates,
  serverStrategies,
  stapleStates,
  tlsVersions,
  type Scenario,
} from './types.ts'

export type FieldSpec =
  | { kind: 'enum'; key: string; values: readonly string[] }
  | { kind: 'number'; key: string; min: number; max: number; integer: boolean; unit: string }
  | { kind: 'boolean'; key: string }
  | { kind: 'text'; key: string; pattern: RegExp; hint: string }

type FieldName = Exclude<keyof Scenario, 'version'>

const ms = (key: string, min: number, max: number): FieldSpec => ({
  kind: 'number',
  key,
  min,
  max,
  integer: false,
  unit: 'ms',
})
const bytes = (key: string, min: number, max: number): FieldSpec => ({
  kind: 'number',
  key,
  min,
  max,
  integer: true,
  unit: 'bytes',
})
const oneOf = (key: string, values: readonly string[]): FieldSpec => ({ kind: 'enum', key, values })
const flag = (key: string): FieldSpec => ({ kind: 'boolean', key })

// Loose on purpose: the text only appears in the privacy sentences, it is never resolved.
const hostName =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
const ipAddress = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|[0-9a-f:]{2,39})$/i

/** In the order the URL query writes them. */
export const fieldSpecs: Record<FieldName, FieldSpec> = {
  mode: oneOf('m', modes),
  tls: oneOf('tls', tlsVersions),
  plainOcsp: oneOf('po', plainOcspPolicies),
  rttServerMs: ms('rs', 0, 60_000),
  rttResponderMs: ms('rr', 0, 60_000),
  rttDnsMs: ms('rd', 0, 60_000),
  rttServerResponderMs: ms('rsr', 0, 60_000),
  jitterMs: ms('j', 0, 10_000),
  lossRate: { kind: 'number', key: 'loss', min: 0, max: 0.5, integer: false, unit: '' },
  seed: { kind: 'number', key: 'seed', min: 0, max: 0xffffffff, integer: true, unit: '' },
  responder: oneOf('resp', responderStates),
  responderProcessingMs: ms('rp', 0, 60_000),
  responderSlowMs: ms('rslow', 0, 120_000),
  certStatus: oneOf('cert', certStatuses),
  staple: oneOf('st', stapleStates),
  serverStrategy: oneOf('srv', serverStrategies),
  stapleErrors: flag('se'),
  resumed: flag('res'),
  ocspCacheHit: flag('oc'),
  dnsCached: flag('dc'),
  httpMethod: oneOf('http', httpMethods),
  softFailTimeoutMs: ms('tsoft', 1, 120_000),
  hardFailTimeoutMs: ms('thard', 1, 120_000),
  serverResponderTimeoutMs: ms('tsrv', 1, 120_000),
  chainBytes: bytes('chain', 100, 200_000),
  ocspResponseBytes: bytes('ob', 100, 100_000),
  clientIp: { kind: 'text', key: 'ip', pattern: ipAddress, hint: 'an IPv4 or IPv6 address' },
  site: { kind: 'text', key: 'site', pattern: hostName, hint: 'a host name such as shop.example' },
  responderHost: { kind: 'text', key: 'rh', pattern: hostName, hint: 'a host name such as ocsp.ca.example' },
}

export const fieldNames = Object.keys(fieldSpecs) as FieldName[]

/** The URL key of the version field. */
export const versionKey = 'v'
