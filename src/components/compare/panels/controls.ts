/**
 * The scenario controls as data: every Scenario field the comparison uses, grouped. Each control's
 * label, unit, slider range (the field's typical values) and hint come from the field registry
 * (lib/sim/scenarioFields.ts); the number box beside a slider takes anything the engine accepts.
 */
import {
  defaultScenario,
  fieldHint,
  fieldSpec,
  parseScenario,
  presets,
  scenarioFieldNames,
  type Preset,
} from '../../../lib/sim/index.ts'
import type { Scenario } from '../../../lib/sim/types.ts'
import { decimalFormat } from '../../../lib/numberFormat.ts'

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

/** A control for a scenario field, everything about it read from the field registry. */
export function controlFor(field: Field): Control {
  const spec = fieldSpec(field)
  const hint = fieldHint(spec)
  switch (spec.kind) {
    case 'number': {
      const factor = spec.shownAs?.factor ?? 1
      // Rounds away float noise from display scaling (0.07 × 100 = 7.000000000000001).
      const shown = (x: number) => Math.round(x * factor * 1e6) / 1e6
      const { min, max, step, slider } = spec.typical
      return {
        kind: 'number',
        field: field as NumberField,
        label: spec.label,
        unit: spec.shownAs?.unit ?? spec.unit,
        hint,
        slider: slider ? { min: shown(min), max: shown(max), step: shown(step) } : null,
        factor,
      }
    }
    case 'enum': {
      const groups = spec.groups as Record<string, string> | undefined
      const options = Object.entries(spec.options).map(([value, label]): ChoiceOption => {
        const group = groups?.[value]
        return group === undefined ? { value, label } : { value, label, group }
      })
      // Two or three choices read at a glance as radios; longer lists fold into a select.
      return {
        kind: 'choice',
        field: field as ChoiceField,
        label: spec.label,
        hint,
        widget: options.length <= 3 ? 'radio' : 'select',
        options,
      }
    }
    case 'boolean':
      return { kind: 'toggle', field: field as BooleanField, label: spec.label, hint }
    case 'text':
      return { kind: 'text', field: field as TextField, label: spec.label, hint }
  }
}

interface GroupLayout {
  id: string
  title: string
  controls: Field[]
  more: Field[]
  moreLabel: string
}

/** Which fields sit together, and which fold under "More": the only thing declared here. */
const layout: GroupLayout[] = [
  {
    id: 'network',
    title: 'Network',
    controls: ['rttServerMs', 'rttResponderMs'],
    more: ['rttDnsMs', 'rttServerResponderMs', 'jitterMs', 'lossRate', 'seed'],
    moreLabel: 'More: DNS, server ↔ responder, jitter, loss',
  },
  {
    id: 'client',
    title: 'Client',
    controls: ['client', 'plainOcsp', 'tls', 'resumed', 'ocspCacheHit'],
    more: ['keyExchange', 'dnsCached', 'httpMethod', 'softFailTimeoutMs', 'hardFailTimeoutMs', 'clientIp'],
    moreLabel: 'More: key exchange, DNS cache, request method, timeouts, IP',
  },
  {
    id: 'server',
    title: 'Server',
    controls: ['serverStrategy', 'staple'],
    more: ['stapleErrors', 'serverResponderTimeoutMs', 'site'],
    moreLabel: 'More: error stapling, timeout, site name',
  },
  {
    id: 'responder',
    title: 'Responder & attacker',
    controls: ['responder'],
    more: ['responderProcessingMs', 'responderSlowMs', 'responderHost'],
    moreLabel: 'More: answer times, host name',
  },
  {
    id: 'certificate',
    title: 'Certificate & sizes',
    controls: ['certStatus'],
    more: ['chainBytes', 'ocspResponseBytes'],
    moreLabel: 'More: chain and response sizes',
  },
]

export const controlGroups: ControlGroup[] = layout.map((g) => ({
  ...g,
  controls: g.controls.map(controlFor),
  more: g.more.map(controlFor),
}))

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
  const spec = fieldSpec(c.field)
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

const plain = decimalFormat({ maximumFractionDigits: 3 })

/** The field's accepted range, in the units the user sees. */
function problem(c: Control): string {
  const spec = fieldSpec(c.field)
  if (c.kind === 'number' && spec.kind === 'number') {
    const unit = c.unit ? ` ${c.unit}` : ''
    const what = spec.integer ? 'a whole number' : 'a number'
    return `${c.label}: enter ${what} from ${plain.format(toDisplay(c, spec.min))} to ${plain.format(toDisplay(c, spec.max))}${unit}.`
  }
  if (spec.kind === 'text') return `${c.label}: enter ${spec.expected}.`
  return `${c.label}: not an accepted value.`
}

/** Keep the page's choice of mode and its names (client, site, responder) when a preset is applied. */
export function applyPreset(scenario: Scenario, preset: Preset): Applied {
  // A preset sets the network and the attack, not whose browser is watching: the chosen client
  // profile and key exchange stay.
  const parsed = parseScenario({
    client: scenario.client,
    keyExchange: scenario.keyExchange,
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
    return scenarioFieldNames.every((k) => applied.scenario[k] === scenario[k])
  })
}

export { presets, type Preset }
