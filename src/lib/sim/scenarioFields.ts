/**
 * The Scenario field registry: every field declared once, with its URL key, CLI flag, label, unit,
 * accepted range, hint, default and the source of that default. The defaults (scenario.ts), the URL
 * query, the comparison view's controls, the CLI's options and --help, and the property tests'
 * generators all read this table, so adding a field here is the whole change.
 *
 * The URL keys are part of every shared link: never change one, only add new ones. Record order is
 * the order the URL query writes the fields in and the CLI's help lists them in. Every default is
 * sourced in docs/model.md ("Defaults").
 */
import {
  certStatusLabels,
  clientLabels,
  httpMethodLabels,
  keyExchangeLabels,
  modeLabels,
  plainOcspPolicyLabels,
  responderStateGroups,
  responderStateLabels,
  serverStrategyLabels,
  cachedStapleLabels,
  tlsVersionLabels,
} from '../labels.ts'
import {
  certStatuses,
  clients,
  httpMethods,
  keyExchanges,
  modes,
  plainOcspPolicies,
  responderStates,
  serverStrategies,
  cachedStapleStates,
  tlsVersions,
  type Scenario,
} from './types.ts'

export type ScenarioFieldName = Exclude<keyof Scenario, 'version'>

interface FieldCommon<Value> {
  /** The short key in the URL query (`#/compare?rs=80`). */
  urlKey: string
  /** The simulate CLI's option. */
  cliFlag: `--${string}`
  /** The control's label, the CLI's help and every problem message name the field this way. */
  label: string
  /** What the field means, in one phrase. */
  hint: string
  default: Value
  /** Where the default comes from. */
  source: string
}

export interface NumberFieldSpec extends FieldCommon<number> {
  kind: 'number'
  min: number
  max: number
  integer: boolean
  unit: 'ms' | 'bytes' | ''
  /**
   * The values people try: the slider's range and the property tests' magnitudes, in stored
   * units. `slider: false` for a number that is only typed (a seed).
   */
  typical: { min: number; max: number; step: number; slider: boolean }
  /** Shown in other units than stored (a loss probability shown in %). */
  shownAs?: { unit: '%'; factor: number }
}

export interface EnumFieldSpec<Value extends string = string> extends FieldCommon<Value> {
  kind: 'enum'
  values: readonly Value[]
  /** Each value's label, in display order. */
  options: Readonly<Record<Value, string>>
  /** An optgroup per value, when the values fall into kinds. */
  groups?: Readonly<Record<Value, string>>
  /** CLI spellings that differ from the scenario's values (docs/cli.md). */
  cliAliases?: Readonly<Record<string, Value>>
}

export interface BooleanFieldSpec extends FieldCommon<boolean> {
  kind: 'boolean'
}

export interface TextFieldSpec extends FieldCommon<string> {
  kind: 'text'
  pattern: RegExp
  /** What an accepted value looks like, for the problem message. */
  expected: string
}

export type FieldSpec = NumberFieldSpec | EnumFieldSpec | BooleanFieldSpec | TextFieldSpec

/** The spec kind a Scenario value type takes: strings with a fixed vocabulary are enums. */
type SpecFor<Value> = [Value] extends [boolean]
  ? BooleanFieldSpec
  : [Value] extends [number]
    ? NumberFieldSpec
    : string extends Value
      ? TextFieldSpec
      : EnumFieldSpec<Value & string>

export type ScenarioFieldSpecs = { readonly [K in ScenarioFieldName]: SpecFor<Scenario[K]> }

type Declared<Spec> = Omit<Spec, 'kind' | 'min' | 'max' | 'integer' | 'unit'>

/** A round-trip time or a wait, in milliseconds. */
const ms = (max: number, f: Declared<NumberFieldSpec>, min = 0): NumberFieldSpec => ({
  kind: 'number',
  min,
  max,
  integer: false,
  unit: 'ms',
  ...f,
})
const bytes = (min: number, max: number, f: Declared<NumberFieldSpec>): NumberFieldSpec => ({
  kind: 'number',
  min,
  max,
  integer: true,
  unit: 'bytes',
  ...f,
})

// Loose on purpose: the text only appears in the privacy sentences, it is never resolved.
const hostName =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
/** A host name in the privacy sentences; its default is an RFC 6761 reserved name. */
const hostNameField = (
  f: Omit<Declared<TextFieldSpec>, 'pattern' | 'expected' | 'source'>,
): TextFieldSpec => ({
  kind: 'text',
  pattern: hostName,
  expected: `a host name such as ${f.default}`,
  source: 'an RFC 6761 reserved name',
  ...f,
})
const ipAddress = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|[0-9a-f:]{2,39})$/i

export const scenarioFields: ScenarioFieldSpecs = {
  mode: {
    kind: 'enum',
    urlKey: 'm',
    cliFlag: '--mode',
    label: 'Mode',
    hint: 'Which check a single run uses; the comparison runs every one',
    values: modes,
    options: modeLabels,
    default: 'ocsp-soft-fail',
    source: 'Firefox, the one browser that fetched OCSP, soft-fails',
  },
  client: {
    kind: 'enum',
    urlKey: 'cl',
    cliFlag: '--client',
    label: 'Client',
    hint: 'Whose behaviour each row shows: the RFCs’ textbook client, or a real one as of 2026',
    values: clients,
    options: clientLabels,
    default: 'textbook',
    source: 'the RFCs’ client: every link made before client profiles keeps its meaning',
  },
  tls: {
    kind: 'enum',
    urlKey: 'tls',
    cliFlag: '--tls',
    label: 'TLS version',
    hint: 'TLS 1.3 takes 1 round trip (RFC 8446), a full TLS 1.2 handshake 2 (RFC 5246), 1 with False Start (RFC 7918)',
    values: tlsVersions,
    options: tlsVersionLabels,
    default: '1.3',
    source: 'what current browsers and servers negotiate',
  },
  keyExchange: {
    kind: 'enum',
    urlKey: 'kx',
    cliFlag: '--key-exchange',
    label: 'TLS 1.3 key exchange',
    hint: 'Browsers offer X25519MLKEM768: key shares of 1,216 and 1,120 bytes instead of 32',
    values: keyExchanges,
    options: keyExchangeLabels,
    default: 'x25519mlkem768',
    source: 'Chrome 131+, Firefox and Safari offer the hybrid post-quantum group first',
  },
  plainOcsp: {
    kind: 'enum',
    urlKey: 'po',
    cliFlag: '--plain-ocsp',
    label: 'Plain OCSP policy',
    hint: 'What the plain-OCSP client does when its fetch fails',
    values: plainOcspPolicies,
    options: plainOcspPolicyLabels,
    default: 'soft-fail',
    source: 'Firefox security.OCSP.require = false',
  },
  rttServerMs: ms(60_000, {
    urlKey: 'rs',
    cliFlag: '--rtt-server',
    label: 'Client ↔ server RTT',
    hint: 'Round trip between the client and the web server',
    default: 50,
    source: 'a CDN-served site',
    typical: { min: 0, max: 1000, step: 5, slider: true },
  }),
  rttResponderMs: ms(60_000, {
    urlKey: 'rr',
    cliFlag: '--rtt-responder',
    label: 'Client ↔ responder RTT',
    hint: 'Round trip between the client and the OCSP responder',
    // With these defaults an OCSP fetch blocks ~130 ms, close to the ~100 ms median Mozilla
    // measured (hacks.mozilla.org, CRLite, 2025).
    default: 50,
    source: 'a CDN-served responder; Mozilla measured ~100 ms per fetch',
    typical: { min: 0, max: 1000, step: 5, slider: true },
  }),
  rttDnsMs: ms(60_000, {
    urlKey: 'rd',
    cliFlag: '--rtt-dns',
    label: 'Client ↔ DNS resolver RTT',
    hint: 'Round trip to the resolver that looks up the responder’s host',
    default: 20,
    source: 'an ISP resolver',
    typical: { min: 0, max: 500, step: 5, slider: true },
  }),
  rttServerResponderMs: ms(60_000, {
    urlKey: 'rsr',
    cliFlag: '--rtt-server-responder',
    label: 'Server ↔ responder RTT',
    hint: 'Round trip between the web server and the OCSP responder',
    default: 20,
    source: 'a data centre to the CA’s CDN',
    typical: { min: 0, max: 1000, step: 5, slider: true },
  }),
  jitterMs: ms(10_000, {
    urlKey: 'j',
    cliFlag: '--jitter',
    label: 'Jitter',
    hint: 'Each one-way trip gets 0 to this much extra',
    default: 0,
    source: 'a steady network',
    typical: { min: 0, max: 300, step: 5, slider: true },
  }),
  lossRate: {
    kind: 'number',
    urlKey: 'loss',
    cliFlag: '--loss',
    label: 'Packet loss',
    hint: 'A lost packet waits for a TCP retransmission timeout (RFC 6298)',
    min: 0,
    max: 0.5,
    integer: false,
    unit: '',
    shownAs: { unit: '%', factor: 100 },
    default: 0,
    source: 'a wired network',
    typical: { min: 0, max: 0.2, step: 0.005, slider: true },
  },
  seed: {
    kind: 'number',
    urlKey: 'seed',
    cliFlag: '--seed',
    label: 'Random seed',
    hint: 'Same seed, same jitter and losses',
    min: 0,
    max: 0xffffffff,
    integer: true,
    unit: '',
    default: 1,
    source: 'any seed will do',
    typical: { min: 0, max: 1000, step: 1, slider: false },
  },
  responder: {
    kind: 'enum',
    urlKey: 'resp',
    cliFlag: '--responder',
    label: 'OCSP responder',
    hint: 'The attacker sits on the client’s path only: the server’s own fetches get through',
    values: responderStates,
    options: responderStateLabels,
    groups: responderStateGroups,
    default: 'up',
    source: 'a responder that works',
  },
  responderProcessingMs: ms(60_000, {
    urlKey: 'rp',
    cliFlag: '--processing',
    label: 'Responder answer time',
    hint: 'How long the responder takes to answer when it is up',
    default: 10,
    source: 'pre-produced responses from a CDN (RFC 5019); Let’s Encrypt served 98-99% from its CDN',
    typical: { min: 0, max: 2000, step: 5, slider: true },
  }),
  responderSlowMs: ms(120_000, {
    urlKey: 'rslow',
    cliFlag: '--slow',
    label: 'Slow responder answer time',
    hint: 'How long the responder takes to answer when it is slow',
    default: 1500,
    source: 'slower than a soft-fail client waits for, at most Firefox’s 2 s',
    typical: { min: 0, max: 10_000, step: 50, slider: true },
  }),
  certStatus: {
    kind: 'enum',
    urlKey: 'cert',
    cliFlag: '--cert-status',
    label: 'Certificate status',
    hint: 'What the CA’s responder says about the certificate',
    values: certStatuses,
    options: certStatusLabels,
    default: 'good',
    source: 'most certificates are never revoked',
  },
  staple: {
    kind: 'enum',
    urlKey: 'st',
    cliFlag: '--staple',
    label: 'Server’s cached staple',
    hint: 'What the server holds when the handshake arrives',
    values: cachedStapleStates,
    options: cachedStapleLabels,
    cliAliases: { expired: 'stale' },
    default: 'fresh',
    source: 'a server that keeps its staple fresh',
  },
  serverStrategy: {
    kind: 'enum',
    urlKey: 'srv',
    cliFlag: '--server-strategy',
    label: 'Stapling server',
    hint: 'Used by the stapling and must-staple rows',
    values: serverStrategies,
    options: serverStrategyLabels,
    // The server staples exactly the cached response the `staple` field describes (like nginx's
    // ssl_stapling_file), so one handshake shows the client's side alone; the fetching strategies
    // (lazy, blocking, proactive) show how real servers fill that cache.
    default: 'static',
    source: 'the staple field alone decides what is stapled',
  },
  stapleErrors: {
    kind: 'boolean',
    urlKey: 'se',
    cliFlag: '--no-staple-errors',
    label: 'Staple responder errors',
    hint: 'A blocking server staples the responder’s error answers',
    default: true,
    source: 'Apache SSLStaplingReturnResponderErrors, on by default',
  },
  resumed: {
    kind: 'boolean',
    urlKey: 'res',
    cliFlag: '--resumed',
    label: 'Resumed session',
    hint: 'A session ticket or PSK: no certificate is sent, so nothing is checked',
    default: false,
    source: 'a first visit',
  },
  ocspCacheHit: {
    kind: 'boolean',
    urlKey: 'oc',
    cliFlag: '--ocsp-cache-hit',
    label: 'Cached OCSP response',
    hint: 'The client holds a response still before its nextUpdate: no fetch',
    default: false,
    source: 'a first visit',
  },
  dnsCached: {
    kind: 'boolean',
    urlKey: 'dc',
    cliFlag: '--dns-cached',
    label: 'Responder’s address cached',
    hint: 'The resolver already knows the responder’s host: no DNS round trip',
    default: false,
    source: 'a first visit',
  },
  httpMethod: {
    kind: 'enum',
    urlKey: 'http',
    cliFlag: '--method',
    label: 'OCSP request method',
    hint: 'RFC 6960 A.1 allows both; they cost the same round trips here',
    values: httpMethods,
    options: httpMethodLabels,
    default: 'POST',
    source: 'Firefox security.OCSP.GET.enabled = false',
  },
  softFailTimeoutMs: ms(
    120_000,
    {
      urlKey: 'tsoft',
      cliFlag: '--soft-timeout',
      label: 'Soft-fail timeout',
      hint: 'How long a soft-fail client waits for the responder',
      default: 2000,
      source: 'Firefox security.OCSP.timeoutMilliseconds.soft',
      typical: { min: 100, max: 15_000, step: 100, slider: true },
    },
    1,
  ),
  hardFailTimeoutMs: ms(
    120_000,
    {
      urlKey: 'thard',
      cliFlag: '--hard-timeout',
      label: 'Hard-fail timeout',
      hint: 'How long a hard-fail client waits for the responder',
      default: 10_000,
      source: 'Firefox security.OCSP.timeoutMilliseconds.hard',
      typical: { min: 100, max: 30_000, step: 100, slider: true },
    },
    1,
  ),
  serverResponderTimeoutMs: ms(
    120_000,
    {
      urlKey: 'tsrv',
      cliFlag: '--server-timeout',
      label: 'Server’s responder timeout',
      hint: 'How long a blocking server waits for the responder',
      default: 10_000,
      source: 'Apache SSLStaplingResponderTimeout',
      typical: { min: 100, max: 30_000, step: 100, slider: true },
    },
    1,
  ),
  chainBytes: bytes(100, 200_000, {
    urlKey: 'chain',
    cliFlag: '--chain-bytes',
    label: 'Certificate chain',
    hint: 'What the server sends; TCP’s first window holds 14,600 (RFC 6928)',
    default: 3000,
    source: 'a leaf and one intermediate, RSA-2048, about 1.3-1.5 KB each',
    typical: { min: 500, max: 30_000, step: 100, slider: true },
  }),
  ocspResponseBytes: bytes(100, 100_000, {
    urlKey: 'ob',
    cliFlag: '--ocsp-bytes',
    label: 'OCSP response',
    hint: 'One DER OCSPResponse, stapled or downloaded',
    default: 500,
    source: 'RSA-2048 signed, no responder certificate',
    typical: { min: 100, max: 5000, step: 50, slider: true },
  }),
  clientIp: {
    kind: 'text',
    urlKey: 'ip',
    cliFlag: '--client-ip',
    label: 'Client IP address',
    hint: 'Only for the privacy sentences',
    pattern: ipAddress,
    expected: 'an IPv4 or IPv6 address',
    default: '203.0.113.7',
    source: 'an RFC 5737 documentation address',
  },
  site: hostNameField({
    urlKey: 'site',
    cliFlag: '--site',
    label: 'Site',
    hint: 'Only for the privacy sentences',
    default: 'shop.example',
  }),
  responderHost: hostNameField({
    urlKey: 'rh',
    cliFlag: '--responder-host',
    label: 'Responder host',
    hint: 'Only for the privacy sentences: the certificate’s AIA OCSP host',
    default: 'ocsp.ca.example',
  }),
}

export const scenarioFieldNames = Object.keys(scenarioFields) as ScenarioFieldName[]

/** One field's spec, typed as the union (for code that handles every kind). */
export function fieldSpec(name: ScenarioFieldName): FieldSpec {
  return scenarioFields[name]
}

/** The URL key of the version field. */
export const versionKey = 'v'

const plainNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, useGrouping: false })

/** A value as the user sees it: a loss of 0.02 is "2%", a timeout "2000 ms". */
export function shownValue(spec: FieldSpec, value: unknown): string {
  if (spec.kind === 'number' && typeof value === 'number') {
    const factor = spec.shownAs?.factor ?? 1
    const unit = spec.shownAs?.unit ?? spec.unit
    return `${plainNumber.format(value * factor)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`
  }
  if (spec.kind === 'enum' && typeof value === 'string') return value
  return String(value)
}

/** What the field accepts, in words: "a number from 0 to 60000 ms", "one of 1.2, 1.3". */
export function acceptedValues(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'enum':
      return `one of ${spec.values.join(', ')}`
    case 'boolean':
      return 'true or false'
    case 'text':
      return spec.expected
    case 'number': {
      const what = spec.integer ? 'an integer' : 'a number'
      return `${what} from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`
    }
  }
}

/** The control's and the CLI's hint: what the field means, then its default and where that is from. */
export function fieldHint(spec: FieldSpec): string {
  const value =
    spec.kind === 'boolean'
      ? spec.default
        ? 'on'
        : 'off'
      : spec.kind === 'enum'
        ? (spec.options as Record<string, string>)[spec.default]
        : shownValue(spec, spec.default)
  return `${spec.hint}. Default ${value}: ${spec.source}.`
}
