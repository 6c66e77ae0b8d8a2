/**
 * fast-check generators for scenarios, read from the field registry: a field added there is varied
 * here too. Numbers take the field's typical values (its slider's range and steps), enums every
 * value, so the property tests stay at realistic magnitudes.
 */
import fc from 'fast-check'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'
import {
  fieldSpec,
  scenarioFieldNames,
  type FieldSpec,
  type ScenarioFieldName,
} from '../../../src/lib/sim/scenarioFields.ts'
import {
  cachedStapleStates,
  clients,
  keyExchanges,
  modes,
  type Scenario,
} from '../../../src/lib/sim/types.ts'

/**
 * Values of one field. Numbers: `typical` gives min + k × step over the typical range (values a
 * slider reaches); `any` gives anything the field accepts.
 */
export function fieldValueArb(spec: FieldSpec, range: 'typical' | 'any' = 'typical'): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'enum':
      return fc.constantFrom(...spec.values)
    case 'boolean':
      return fc.boolean()
    case 'text':
      return fc.constant(spec.default)
    case 'number': {
      if (range === 'any')
        return spec.integer
          ? fc.integer({ min: spec.min, max: spec.max })
          : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })
      const { min, max, step } = spec.typical
      const steps = Math.round((max - min) / step)
      return fc.integer({ min: 0, max: steps }).map((k) => Math.round((min + k * step) * 1e9) / 1e9)
    }
  }
}

/**
 * The fields held at their defaults: the mode is the run's argument, and the client's timeouts
 * only stretch waits the other fields already produce.
 */
const heldAtDefault = new Set<ScenarioFieldName>([
  'mode',
  // The textbook client's properties; anyClientScenarioArb varies the client.
  'client',
  'softFailTimeoutMs',
  'hardFailTimeoutMs',
  'serverResponderTimeoutMs',
])

/** Scenarios over every field that changes the shape of a run, with realistic magnitudes. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    Object.fromEntries(
      scenarioFieldNames.filter((f) => !heldAtDefault.has(f)).map((f) => [f, fieldValueArb(fieldSpec(f))]),
    ) as Record<string, fc.Arbitrary<unknown>>,
  )
  .map((fields) => ({ ...defaultScenario, ...fields }) as Scenario)

export const modeArb = fc.constantFrom(...modes)

export const clientArb = fc.constantFrom(...clients)

/** The same scenarios under every client profile and key exchange, pre-revocation staples included. */
export const anyClientScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    scenario: scenarioArb,
    client: clientArb,
    keyExchange: fc.constantFrom(...keyExchanges),
    staple: fc.constantFrom(...cachedStapleStates),
  })
  .map(({ scenario, ...fields }) => ({ ...scenario, ...fields }))
