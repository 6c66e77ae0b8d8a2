/**
 * The scenario controls as data: every Scenario field the comparison uses, grouped, with its label,
 * unit, slider range and a hint naming where the default comes from (docs/model.md, REFERENCES.md).
 * Slider ranges are the useful part of each field's range; the number box beside a slider takes
 * anything the engine accepts (scenarioFields.ts).
 */
import { defaultScenario, fieldSpecs, parseScenario, presets, type Preset } from '../../../lib/sim/index.ts'
import type { Scenario } from '../../../lib/sim/types.ts'

type Field = Exclude<keyof Scenario, 'version' | 'mode'>
type FieldOf<T> = { [K in Field]: Scenario[K] extends T ? K : never }[Field]
export type NumberField = FieldOf<number>
export type BooleanField = FieldOf<boolean>
export type TextField = 'clientIp' | 'site' | 'responderHost'
export type ChoiceField = Exclude<FieldOf<string>, TextField>

export interface NumberControl {
  kind: 'number'
  field: NumberField
  label: string
  unit: string
  hint: string
  /** The slider's range in display units; null: a number box only. */
  slider: { min: number; max: number; step: number } | null
  /** Display value = stored value × factor (loss is stored as a probability, shown in %). */
  factor: number
}

export interface ChoiceOption {
  value: string
  label: string
  /** An <optgroup> label, for selects. */
  group?: string
}

export interface ChoiceControl {
  kind: 'choice'
  field: ChoiceField
  label: string
  hint: string
  widget: 'radio' | 'select'
  options: ChoiceOption[]
}

export interface ToggleControl {
  kind: 'toggle'
  field: BooleanField
  label: string
  hint: string
}

export interface TextControl {
  kind: 'text'
  field: TextField
  label: string
  hint: string
}

export type Control = NumberControl | ChoiceControl | ToggleControl | TextControl

export interface ControlGroup {
  id: string
  title: string
  controls: Control[]
  /** Less common controls, folded under a "More" disclosure. */
  more: Control[]
  /** The disclosure's summary: what is inside. */
  moreLabel: string
}

const d = defaultScenario

const ms = (
  field: NumberField,
  label: string,
  hint: string,
  max: number,
  step = 5,
  min = 0,
): NumberControl => ({
  kind: 'number',
  field,
  label,
  unit: 'ms',
  hint,
  slider: { min, max, step },
  factor: 1,
})

export const controlGroups: ControlGroup[] = [
  {
    id: 'network',
    moreLabel: 'More: DNS, server ↔ responder, jitter, loss',
    title: 'Network',
    controls: [
      ms('rttServerMs', 'Client ↔ server RTT', `A CDN-served site: default ${d.rttServerMs} ms`, 1000),
      ms(
        'rttResponderMs',
        'Client ↔ responder RTT',
        `A CDN-served responder: default ${d.rttResponderMs} ms (Mozilla measured ~100 ms per fetch)`,
        1000,
      ),
    ],
    more: [
      ms('rttDnsMs', 'Client ↔ DNS resolver RTT', `An ISP resolver: default ${d.rttDnsMs} ms`, 500),
      ms(
        'rttServerResponderMs',
        'Server ↔ responder RTT',
        `Data centre to the CA’s CDN: default ${d.rttServerResponderMs} ms`,
        1000,
      ),
      ms('jitterMs', 'Jitter', `Each one-way trip gets 0 to this much extra: default ${d.jitterMs} ms`, 300),
      {
        kind: 'number',
        field: 'lossRate',
        label: 'Packet loss',
        unit: '%',
        hint: 'A lost packet waits for a TCP retransmission timeout (RFC 6298): default 0%',
        slider: { min: 0, max: 20, step: 0.5 },
        factor: 100,
      },
      {
        kind: 'number',
        field: 'seed',
        label: 'Random seed',
        unit: '',
        hint: 'Same seed, same jitter and losses',
        slider: null,
        factor: 1,
      },
    ],
  },
  {
    id: 'client',
    moreLabel: 'More: DNS cache, request method, timeouts, IP',
    title: 'Client',
    controls: [
      {
        kind: 'choice',
        field: 'plainOcsp',
        label: 'Plain OCSP policy',
        hint: 'Firefox security.OCSP.require = false: soft-fail by default',
        widget: 'radio',
        options: [
          { value: 'soft-fail', label: 'Soft-fail' },
          { value: 'hard-fail', label: 'Hard-fail' },
        ],
      },
      {
        kind: 'choice',
        field: 'tls',
        label: 'TLS version',
        hint: 'TLS 1.3 takes 1 round trip (RFC 8446), a full TLS 1.2 handshake 2 (RFC 5246)',
        widget: 'radio',
        options: [
          { value: '1.3', label: 'TLS 1.3' },
          { value: '1.2', label: 'TLS 1.2' },
        ],
      },
      {
        kind: 'toggle',
        field: 'resumed',
        label: 'Resumed session',
        hint: 'A session ticket or PSK: no certificate is sent, so nothing is checked',
      },
      {
        kind: 'toggle',
        field: 'ocspCacheHit',
        label: 'Cached OCSP response',
        hint: 'The client holds a response still before its nextUpdate: no fetch',
      },
    ],
    more: [
      {
        kind: 'toggle',
        field: 'dnsCached',
        label: 'Responder’s address cached',
        hint: 'The resolver already knows the responder’s host: no DNS round trip',
      },
      {
        kind: 'choice',
        field: 'httpMethod',
        label: 'OCSP request method',
        hint: 'Firefox security.OCSP.GET.enabled = false: POST (RFC 6960 A.1 allows both)',
        widget: 'radio',
        options: [
          { value: 'POST', label: 'POST' },
          { value: 'GET', label: 'GET' },
        ],
      },
      ms(
        'softFailTimeoutMs',
        'Soft-fail timeout',
        `Firefox default ${d.softFailTimeoutMs} ms (security.OCSP.timeoutMilliseconds.soft)`,
        15_000,
        100,
        100,
      ),
      ms(
        'hardFailTimeoutMs',
        'Hard-fail timeout',
        `Firefox default ${d.hardFailTimeoutMs} ms (security.OCSP.timeoutMilliseconds.hard)`,
        30_000,
        100,
        100,
      ),
      {
        kind: 'text',
        field: 'clientIp',
        label: 'Client IP address',
        hint: 'Only for the privacy sentences: an RFC 5737 documentation address',
      },
    ],
  },
  {
    id: 'server',
    moreLabel: 'More: error stapling, timeout, site name',
    title: 'Server',
    controls: [
      {
        kind: 'choice',
        field: 'serverStrategy',
        label: 'Stapling server',
        hint: 'Used by the stapling and must-staple rows: default a static staple file',
        widget: 'select',
        options: [
          { value: 'static', label: 'Static staple file (nginx ssl_stapling_file)' },
          { value: 'lazy', label: 'Lazy fetch (nginx)' },
          { value: 'blocking', label: 'Blocking fetch (Apache mod_ssl)' },
          { value: 'proactive', label: 'Proactive refresh (Caddy)' },
          { value: 'none', label: 'No stapling' },
        ],
      },
      {
        kind: 'choice',
        field: 'staple',
        label: 'Server’s cached staple',
        hint: 'What the server holds when the handshake arrives',
        widget: 'radio',
        options: [
          { value: 'fresh', label: 'Fresh' },
          { value: 'stale', label: 'Stale' },
          { value: 'none', label: 'None' },
        ],
      },
    ],
    more: [
      {
        kind: 'toggle',
        field: 'stapleErrors',
        label: 'Staple responder errors',
        hint: 'Apache SSLStaplingReturnResponderErrors, default on (blocking server only)',
      },
      ms(
        'serverResponderTimeoutMs',
        'Server’s responder timeout',
        `Apache SSLStaplingResponderTimeout: default ${d.serverResponderTimeoutMs / 1000} s`,
        30_000,
        100,
        100,
      ),
      {
        kind: 'text',
        field: 'site',
        label: 'Site',
        hint: 'Only for the privacy sentences: an RFC 6761 reserved name',
      },
    ],
  },
  {
    id: 'responder',
    moreLabel: 'More: answer times, host name',
    title: 'Responder & attacker',
    controls: [
      {
        kind: 'choice',
        field: 'responder',
        label: 'OCSP responder',
        hint: 'The attacker sits on the client’s path only: the server’s own fetches get through',
        widget: 'select',
        options: [
          { value: 'up', label: 'Up', group: 'Responder' },
          { value: 'slow', label: 'Slow', group: 'Responder' },
          { value: 'down', label: 'Down (unreachable)', group: 'Responder' },
          { value: 'tryLater', label: 'Answers tryLater', group: 'Responder' },
          { value: 'internalError', label: 'Answers internalError', group: 'Responder' },
          { value: 'blocked', label: 'Attacker drops OCSP traffic', group: 'Attacker' },
          { value: 'reset', label: 'Attacker forges a TCP reset', group: 'Attacker' },
        ],
      },
    ],
    more: [
      ms(
        'responderProcessingMs',
        'Responder answer time',
        `Pre-produced responses from a CDN (RFC 5019): default ${d.responderProcessingMs} ms`,
        2000,
      ),
      ms(
        'responderSlowMs',
        'Slow responder answer time',
        `When the responder is slow: default ${d.responderSlowMs} ms`,
        10_000,
        50,
      ),
      {
        kind: 'text',
        field: 'responderHost',
        label: 'Responder host',
        hint: 'Only for the privacy sentences: the certificate’s AIA OCSP host',
      },
    ],
  },
  {
    id: 'certificate',
    moreLabel: 'More: chain and response sizes',
    title: 'Certificate & sizes',
    controls: [
      {
        kind: 'choice',
        field: 'certStatus',
        label: 'Certificate status',
        hint: 'What the CA’s responder says about the certificate',
        widget: 'radio',
        options: [
          { value: 'good', label: 'Good' },
          { value: 'revoked', label: 'Revoked' },
        ],
      },
    ],
    more: [
      {
        kind: 'number',
        field: 'chainBytes',
        label: 'Certificate chain',
        unit: 'bytes',
        hint: `Leaf + 1 intermediate, RSA-2048: default ${d.chainBytes}; TCP’s first window holds 14,600 (RFC 6928)`,
        slider: { min: 500, max: 30_000, step: 100 },
        factor: 1,
      },
      {
        kind: 'number',
        field: 'ocspResponseBytes',
        label: 'OCSP response',
        unit: 'bytes',
        hint: `RSA-2048 signed, no responder certificate: default ${d.ocspResponseBytes}`,
        slider: { min: 100, max: 5000, step: 50 },
        factor: 1,
      },
    ],
  },
]

/** How many of these controls differ from the defaults (shown on the folded "More" summary). */
export function changedFromDefault(scenario: Scenario, controls: Control[]): number {
  return controls.filter((c) => scenario[c.field] !== defaultScenario[c.field]).length
}

/** Rounds away float noise from display scaling (0.07 × 100 = 7.000000000000001). */
export function toDisplay(c: NumberControl, value: number): number {
  return Math.round(value * c.factor * 1e6) / 1e6
}

/** The number box's min, max and step: the engine's whole range, in display units. */
export function numberBounds(c: NumberControl): { min: number; max: number; step: number } {
  const spec = fieldSpecs[c.field]
  if (spec.kind !== 'number') return { min: 0, max: Number.MAX_SAFE_INTEGER, step: 1 }
  return { min: toDisplay(c, spec.min), max: toDisplay(c, spec.max), step: c.factor === 1 ? 1 : 0.1 }
}

export function fromDisplay(c: NumberControl, value: number): number {
  return c.factor === 1 ? value : Math.round((value / c.factor) * 1e9) / 1e9
}

export type Applied = { ok: true; scenario: Scenario } | { ok: false; message: string }

/** One field changed, validated by the engine's own parseScenario. */
export function applyField(scenario: Scenario, c: Control, value: number | string | boolean): Applied {
  const parsed = parseScenario({ ...scenario, [c.field]: value })
  if (parsed.ok) return parsed
  return { ok: false, message: problem(c) }
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })

/** The field's accepted range, in the units the user sees. */
function problem(c: Control): string {
  const spec = fieldSpecs[c.field]
  if (c.kind === 'number' && spec.kind === 'number') {
    const unit = c.unit ? ` ${c.unit}` : ''
    const what = spec.integer ? 'a whole number' : 'a number'
    return `${c.label}: enter ${what} from ${plain.format(toDisplay(c, spec.min))} to ${plain.format(toDisplay(c, spec.max))}${unit}.`
  }
  if (spec.kind === 'text') return `${c.label}: enter ${spec.hint}.`
  return `${c.label}: not an accepted value.`
}

/** Keep the page's choice of mode and its names (client, site, responder) when a preset is applied. */
export function applyPreset(scenario: Scenario, preset: Preset): Applied {
  const parsed = parseScenario({
    ...preset.scenario,
    mode: scenario.mode,
    clientIp: scenario.clientIp,
    site: scenario.site,
    responderHost: scenario.responderHost,
  })
  return parsed.ok ? parsed : { ok: false, message: `Preset ${preset.name}: ${parsed.error.message}` }
}

/** The preset the scenario is exactly (besides mode and names), if any. */
export function activePreset(scenario: Scenario): Preset | undefined {
  return presets.find((p) => {
    const applied = applyPreset(scenario, p)
    if (!applied.ok) return false
    return (Object.keys(fieldSpecs) as (keyof typeof fieldSpecs)[]).every(
      (k) => applied.scenario[k] === scenario[k],
    )
  })
}

export { presets }
