import { describe, expect, it } from 'vitest'
import { presets } from '../../../src/lib/sim/presets.ts'
import { parseScenario } from '../../../src/lib/sim/scenario.ts'

describe('presets', () => {
  it('each preset is a valid scenario with a unique id, a name and a one-sentence description', () => {
    const ids = new Set(presets.map((p) => p.id))
    expect(ids.size).toBe(presets.length)
    for (const p of presets) {
      expect(parseScenario(p.scenario).ok, p.id).toBe(true)
      expect(p.name.length).toBeGreaterThan(2)
      expect(p.description).toMatch(/^[A-Za-z].*\.$/)
    }
  })

  it('includes the presets the issue names', () => {
    const names = presets.map((p) => p.name)
    for (const name of ['Fast fibre', 'Mobile 3G', 'Responder outage', 'Attacker blocks OCSP']) {
      expect(names).toContain(name)
    }
    expect(names).toContain('Server just restarted (nginx-like)')
  })
})
