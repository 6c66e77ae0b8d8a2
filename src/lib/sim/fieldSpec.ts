/**
 * What a Scenario field's declaration says (scenarioFields.ts holds the declarations): its kind,
 * URL key, CLI flag, label, unit, range, hint, default and source; small builders for the kinds
 * that repeat (a duration, a byte count, a timeout, a host name); and the wording every reader of
 * the registry uses for a value, its accepted range and its hint.
 */
import type { Scenario } from './types.ts'
import { decimalFormat } from '../numberFormat.ts'

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

export type Declared<Spec> = Omit<Spec, 'kind' | 'min' | 'max' | 'integer' | 'unit'>

/** A round-trip time or a wait, in milliseconds. */
export const ms = (max: number, f: Declared<NumberFieldSpec>, min = 0): NumberFieldSpec => ({
  kind: 'number',
  min,
  max,
  integer: false,
  unit: 'ms',
  ...f,
})
export const bytes = (min: number, max: number, f: Declared<NumberFieldSpec>): NumberFieldSpec => ({
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
export const hostNameField = (
  f: Omit<Declared<TextFieldSpec>, 'pattern' | 'expected' | 'source'>,
): TextFieldSpec => ({
  kind: 'text',
  pattern: hostName,
  expected: `a host name such as ${f.default}`,
  source: 'an RFC 6761 reserved name',
  ...f,
})
export const ipAddress =
  /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|[0-9a-f:]{2,39})$/i

/** A client's or server's timeout: at least 1 ms (a zero timeout would give up before asking). */
export const timeoutMs = (f: Declared<NumberFieldSpec>): NumberFieldSpec => ms(120_000, f, 1)

const plainNumber = decimalFormat({ maximumFractionDigits: 3, useGrouping: false })

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
