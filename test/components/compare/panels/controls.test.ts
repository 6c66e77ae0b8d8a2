import { describe, expect, it } from 'vitest'
import {
  activePreset,
  applyPreset,
  controlGroups,
} from '../../../../src/components/compare/panels/controls.ts'
import { defaultScenario, findPreset } from '../../../../src/lib/sim/index.ts'

describe('scenario controls', () => {
  it('offer the six clients and the two key exchanges', () => {
    const all = controlGroups.flatMap((g) => [...g.controls, ...g.more])
    const client = all.find((c) => c.field === 'client')
    expect(client?.kind === 'choice' && client.options.map((o) => o.value)).toEqual([
      'textbook',
      'chrome',
      'firefox-136',
      'firefox-142',
      'safari',
      'curl',
    ])
    const kx = all.find((c) => c.field === 'keyExchange')
    expect(kx?.kind === 'choice' && kx.options.map((o) => o.value)).toEqual(['x25519mlkem768', 'x25519'])
  })

  it('keep the chosen client when a preset is applied, and still recognise the preset', () => {
    const chrome = { ...defaultScenario, client: 'chrome' as const }
    const stolen = findPreset('stolen-key-replayed-staple')!
    const applied = applyPreset(chrome, stolen)
    expect(applied.ok && applied.scenario).toMatchObject({ client: 'chrome', staple: 'pre-revocation' })
    expect(applied.ok && activePreset(applied.scenario)?.id).toBe('stolen-key-replayed-staple')
  })
})
