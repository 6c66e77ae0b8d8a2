import { describe, expect, it } from 'vitest'
import { simulate } from '../../../../src/lib/sim/simulate.ts'
import { defaultScenario } from '../../../../src/lib/sim/scenario.ts'
import { modes } from '../../../../src/lib/sim/types.ts'
import { runAs } from './helpers.ts'

describe('textbook profile (the default)', () => {
  it('is the default client, so a scenario without one runs exactly as before', () => {
    expect(defaultScenario.client).toBe('textbook')
    for (const mode of modes) expect(runAs('textbook', mode)).toEqual(simulate(defaultScenario, mode))
  })

  it('waits for the server’s Finished in TLS 1.2 (no False Start), where the browsers do not', () => {
    const textbook = runAs('textbook', 'stapling', { tls: '1.2' })
    const firefox = runAs('firefox-136', 'stapling', { tls: '1.2' })
    // RFC 7918: the False Start client saves the second round trip (50 ms here).
    expect(textbook.handshakeMs - firefox.handshakeMs).toBe(50)
    expect(firefox.notes.join(' ')).toContain('False Start (RFC 7918)')
  })
})
