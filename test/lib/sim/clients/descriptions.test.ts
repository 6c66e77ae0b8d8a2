import { describe, expect, it } from 'vitest'
import { clientDescriptions, clientProfiles } from '../../../../src/lib/sim/index.ts'

describe('client descriptions', () => {
  it('describe every client the engine runs, each behaviour with where it is written', () => {
    expect(Object.keys(clientDescriptions).sort()).toEqual(Object.keys(clientProfiles).sort())
    for (const [client, { holdsFor, behaviours }] of Object.entries(clientDescriptions)) {
      expect(holdsFor, client).not.toBe('')
      expect(behaviours.length, client).toBeGreaterThan(2)
      for (const b of behaviours) {
        expect(b.says, client).toMatch(/\.$/)
        expect(b.source, client).not.toBe('')
      }
    }
  })

  it('say what the profiles do: Chrome never fetches, Firefox ≤ 136 enforces must-staple', () => {
    const says = (client: keyof typeof clientDescriptions) =>
      clientDescriptions[client].behaviours.map((b) => b.says).join(' ')
    expect(says('chrome')).toMatch(/Never fetches OCSP itself/)
    expect(says('firefox-136')).toMatch(/must-staple/i)
  })
})
