import { describe, expect, it } from 'vitest'
import {
  inspectorHrefForStaple,
  isStapleId,
  provenanceKeys,
  readProvenance,
  writeProvenance,
  stapleIdOf,
} from '../../../src/lib/bridge/provenance.ts'
import {
  queryFor,
  readScenario,
  scenarioPart,
  viewKeys,
} from '../../../src/components/compare/scenarioState.svelte.ts'
import { defaultScenario, scenarioFields } from '../../../src/lib/sim/index.ts'

describe('provenance marker', () => {
  it('uses no scenario key and no other view key', () => {
    const taken = new Set([
      'v',
      ...Object.values(scenarioFields).map((s) => s.urlKey),
      ...Object.values(viewKeys),
    ])
    for (const key of Object.values(provenanceKeys)) expect(taken.has(key), key).toBe(false)
  })

  it('is absent unless src=cert, and keeps only the valid parts of a hand-edited link', () => {
    expect(readProvenance(new URLSearchParams('rs=80'))).toBeNull()
    expect(readProvenance(new URLSearchParams('src=other&cn=x'))).toBeNull()
    expect(readProvenance(new URLSearchParams('src=cert&cn=shop.example&sid=zz&nu=tomorrow&ms=1'))).toEqual({
      source: 'cert',
      label: 'shop.example',
      mustStaple: true,
    })
  })

  it('shows a name from the link only when it is a host name', () => {
    const label = (cn: string) => readProvenance(new URLSearchParams({ src: 'cert', cn }))?.label
    expect(label('shop.example')).toBe('shop.example')
    expect(label('bank.example: REVOKED by CA, call +1 555 0100')).toBe('your certificate')
    // A right-to-left override would reorder the banner's text around it.
    expect(label('shop\u202eelpmaxe.knab')).toBe('your certificate')
    expect(label('<img src=x onerror=alert(1)>')).toBe('your certificate')
    expect(label('a'.repeat(101))).toBe('your certificate')
    // Writing refuses the same names: a certificate whose CN is no host name is not put in a link.
    const query = new URLSearchParams()
    writeProvenance(query, { source: 'cert', label: 'Staple Lab Demo Root 1a2b', mustStaple: false })
    expect(query.has('cn')).toBe(false)
    expect(readProvenance(query)?.label).toBe('your certificate')
  })

  it('names different bytes differently and the same bytes the same way', () => {
    const a = stapleIdOf(new Uint8Array([1, 2, 3]))
    expect(a).toBe(stapleIdOf(new Uint8Array([1, 2, 3])))
    expect(a).not.toBe(stapleIdOf(new Uint8Array([1, 2, 4])))
    expect(isStapleId(a)).toBe(true)
    expect(inspectorHrefForStaple(a)).toBe(`#/inspect?staple=${a}`)
  })

  it('rides along with a scenario edit, and is no part of the scenario', () => {
    const provenance = {
      source: 'cert' as const,
      label: 'shop.example',
      mustStaple: true,
      stapleId: 'abcdef01-471',
    }
    const edited = { ...defaultScenario, staple: 'none' as const, chainBytes: 2345 }
    const query = queryFor(edited, 2, { provenance, write: writeProvenance })
    expect(readProvenance(query)).toEqual(provenance)
    expect(readScenario(scenarioPart(query)).scenario).toEqual(edited)
    // Only the scenario's part re-simulates: the marker is not in it.
    expect(scenarioPart(query)).not.toMatch(/src=|cn=|sid=/)
    expect(readProvenance(queryFor(edited, 1))).toBeNull()
  })
})
