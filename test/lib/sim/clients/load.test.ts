import { afterEach, describe, expect, it, vi } from 'vitest'
import { compareModesAs } from '../../../../src/lib/sim/compare.ts'
import { defaultScenario } from '../../../../src/lib/sim/scenario.ts'
import { compareModes } from '../../../../src/lib/sim/simulate.ts'
import { clients } from '../../../../src/lib/sim/types.ts'

// Each test gets load.ts afresh: what it has at hand is module state.
const freshLoad = async () => {
  vi.resetModules()
  return import('../../../../src/lib/sim/clients/load.ts')
}
const profilesModule = '../../../../src/lib/sim/clients/profiles.ts'

afterEach(() => {
  vi.doUnmock(profilesModule)
})

describe('client profiles as the first screen has them (clients/load.ts)', () => {
  it('has the textbook client at once, and no real client before one is asked for', async () => {
    const { clientProfileAtHand } = await freshLoad()
    expect(clientProfileAtHand('textbook')?.name).toBe('Textbook client')
    for (const client of clients.filter((c) => c !== 'textbook'))
      expect(clientProfileAtHand(client), client).toBeUndefined()
  })

  it('one load brings all five real clients, and the loaded Chrome simulates as simulate() does', async () => {
    const { clientProfileAtHand, loadClientProfile } = await freshLoad()
    const loaded = await loadClientProfile('chrome')
    if (!loaded.ok) throw new Error(loaded.error.message)
    expect(loaded.profile.name).toBe('Chrome / Edge')
    for (const client of clients) expect(clientProfileAtHand(client)?.id, client).toBe(client)
    const scenario = { ...defaultScenario, client: 'chrome' as const }
    expect(compareModesAs(loaded.profile, scenario)).toEqual(compareModes(scenario))
    // Chrome never asks the responder: its plain-OCSP row is as fast as no check at all.
    const [none, plain] = compareModesAs(loaded.profile, scenario)
    expect(plain!.run.handshakeMs).toBe(none!.run.handshakeMs)
  })

  it('a chunk that does not load is an error value naming the client, and the next ask tries again', async () => {
    vi.doMock(profilesModule, () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED')
    })
    const { clientProfileAtHand, loadClientProfile } = await freshLoad()
    const failed = await loadClientProfile('safari')
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'client-profile-unavailable',
        client: 'safari',
        message: 'The Safari profile could not be loaded: reload the page.',
      },
    })
    expect(clientProfileAtHand('safari')).toBeUndefined()
    vi.doUnmock(profilesModule)
    const again = await loadClientProfile('safari')
    expect(again.ok && again.profile.id).toBe('safari')
  })
})
