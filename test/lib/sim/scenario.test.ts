import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultScenario,
  parseScenario,
  scenarioFromQuery,
  scenarioToQuery,
} from '../../../src/lib/sim/scenario.ts'
import { fieldNames, fieldSpecs } from '../../../src/lib/sim/scenarioFields.ts'
import type { Scenario } from '../../../src/lib/sim/types.ts'

function valueFor(name: (typeof fieldNames)[number]): fc.Arbitrary<unknown> {
  const spec = fieldSpecs[name]
  switch (spec.kind) {
    case 'enum':
      return fc.constantFrom(...spec.values)
    case 'boolean':
      return fc.boolean()
    case 'text':
      return fc.constant(defaultScenario[name])
    case 'number':
      return spec.integer
        ? fc.integer({ min: spec.min, max: spec.max })
        : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })
  }
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    Object.fromEntries(fieldNames.map((n) => [n, valueFor(n)])) as Record<string, fc.Arbitrary<unknown>>,
  )
  .map((fields) => ({ ...defaultScenario, ...fields }) as Scenario)

describe('scenario defaults and validation', () => {
  it('the defaults are a valid version-1 scenario', () => {
    const result = parseScenario({ ...defaultScenario })
    expect(result).toEqual({ ok: true, scenario: defaultScenario })
    expect(defaultScenario.version).toBe(1)
  })

  it('fills missing fields from the defaults', () => {
    const result = parseScenario({ tls: '1.2' })
    expect(result.ok && result.scenario).toEqual({ ...defaultScenario, tls: '1.2' })
  })

  it('names the field in a one-line error for a bad value', () => {
    const result = parseScenario({ rttServerMs: -5 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.field).toBe('rttServerMs')
      expect(result.error.message).toMatch(/^rttServerMs: -5 is not a number from 0 to 60000 ms$/)
      expect(result.error.message).not.toContain('\n')
    }
  })

  it('rejects unknown fields, other versions and non-objects', () => {
    expect(parseScenario({ rttServer: 5 })).toMatchObject({ ok: false, error: { code: 'unknown-field' } })
    expect(parseScenario({ version: 2 })).toMatchObject({ ok: false, error: { code: 'unsupported-version' } })
    expect(parseScenario('x')).toMatchObject({ ok: false, error: { code: 'not-an-object' } })
    expect(parseScenario({ mode: 'stapled' })).toMatchObject({ ok: false, error: { field: 'mode' } })
    expect(parseScenario({ seed: 1.5 })).toMatchObject({ ok: false, error: { field: 'seed' } })
    expect(parseScenario({ site: 'not a host' })).toMatchObject({ ok: false, error: { field: 'site' } })
  })
})

describe('scenario URL query', () => {
  it('the default scenario encodes to an empty query', () => {
    expect(scenarioToQuery(defaultScenario).toString()).toBe('')
  })

  it('writes only the changed fields, under short keys', () => {
    const q = scenarioToQuery({ ...defaultScenario, tls: '1.2', rttServerMs: 80, resumed: true })
    expect(q.toString()).toBe('tls=1.2&rs=80&res=1')
  })

  it('round-trips any valid scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(scenarioFromQuery(scenarioToQuery(s))).toEqual({ ok: true, scenario: s })
      }),
    )
  })

  it('ignores keys it does not know and reports a bad known key by field name', () => {
    expect(scenarioFromQuery(new URLSearchParams('row=2&tls=1.2'))).toEqual({
      ok: true,
      scenario: { ...defaultScenario, tls: '1.2' },
    })
    const bad = scenarioFromQuery(new URLSearchParams('rr=fast'))
    expect(bad).toMatchObject({ ok: false, error: { field: 'rttResponderMs' } })
    if (!bad.ok)
      expect(bad.error.message).toBe('rttResponderMs (rr): "fast" is not a number from 0 to 60000 ms')
    expect(scenarioFromQuery(new URLSearchParams('v=9'))).toMatchObject({ ok: false })
  })
})
