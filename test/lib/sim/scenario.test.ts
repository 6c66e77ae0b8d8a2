import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultScenario,
  parseScenario,
  parseScenarioParams,
  scenarioFromQuery,
  scenarioToQuery,
} from '../../../src/lib/sim/scenario.ts'
import { fieldSpec, scenarioFieldNames } from '../../../src/lib/sim/scenarioFields.ts'
import type { Scenario } from '../../../src/lib/sim/types.ts'
import { fieldValueArb } from './arbitraries.ts'

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    Object.fromEntries(scenarioFieldNames.map((n) => [n, fieldValueArb(fieldSpec(n), 'any')])) as Record<
      string,
      fc.Arbitrary<unknown>
    >,
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
      expect(bad.error.message).toBe('Client ↔ responder RTT: rr=fast is not a number from 0 to 60000 ms')
    expect(scenarioFromQuery(new URLSearchParams('v=9'))).toMatchObject({ ok: false })
  })
})

describe('a link with bad values', () => {
  it('names every problem once, by label and link text, and keeps the valid values', () => {
    const read = parseScenarioParams(new URLSearchParams('rs=-5&tls=9&rr=80&cert=revoked'))
    expect(read.problems.map((p) => p.message)).toEqual([
      'TLS version: tls=9 is not one of 1.2, 1.3',
      'Client ↔ server RTT: rs=-5 is not a number from 0 to 60000 ms',
    ])
    expect(read.problems.map((p) => p.field)).toEqual(['tls', 'rttServerMs'])
    expect(read.scenario).toEqual({ ...defaultScenario, rttResponderMs: 80, certStatus: 'revoked' })
    expect(read.named).toEqual(['rttResponderMs', 'certStatus'])
  })

  it('says no field name twice in one message', () => {
    for (const message of parseScenarioParams(new URLSearchParams('tls=9&se=maybe&site=a b')).problems.map(
      (p) => p.message,
    )) {
      const [label] = message.split(':')
      expect(message.indexOf(label!, 1)).toBe(-1)
      expect(message).not.toContain('\n')
    }
  })

  it('shows the defaults for a link of another version, and says so', () => {
    const read = parseScenarioParams(new URLSearchParams('v=2&rs=80'))
    expect(read.scenario).toEqual(defaultScenario)
    expect(read.problems).toEqual([
      { field: 'version', urlKey: 'v', message: 'Scenario version: v=2 is not supported (expected 1)' },
    ])
  })

  it('keeps any valid value beside any bad one', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const query = scenarioToQuery(s)
        query.set('rs', '-1')
        const read = parseScenarioParams(query)
        expect(read.scenario).toEqual({ ...s, rttServerMs: defaultScenario.rttServerMs })
        expect(read.problems.map((p) => p.field)).toEqual(['rttServerMs'])
      }),
    )
  })
})

describe('the documented scenario format', () => {
  it('docs/model.md lists every field with the key and default the registry declares', async () => {
    const { readFile } = await import('node:fs/promises')
    const doc = await readFile(new URL('../../../docs/model.md', import.meta.url), 'utf8')
    const rows = new Map(
      [...doc.matchAll(/^\| `(\w+)` +\| `(\w+)` +\| ([^|]+?) +\|/gm)].map((m) => [
        m[1]!,
        { key: m[2]!, default: m[3]!.replace(/`/g, '') },
      ]),
    )
    for (const name of scenarioFieldNames) {
      const spec = fieldSpec(name)
      expect(rows.get(name), name).toEqual({ key: spec.urlKey, default: String(spec.default) })
    }
  })
})
