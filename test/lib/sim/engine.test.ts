import { describe, expect, it } from 'vitest'
import { compareModes, runAllModes, simulate } from '../../../src/lib/sim/simulate.ts'
import { phaseLabels } from '../../../src/lib/sim/phaseLabels.ts'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'
import { modes, phases } from '../../../src/lib/sim/types.ts'

describe('simulate', () => {
  it('the default TLS 1.3 handshake takes TCP + 1 RTT and lists its messages in order', () => {
    const r = simulate(defaultScenario, 'none')
    expect(r.handshakeMs).toBe(100)
    expect(r.events.map((e) => e.message)).toEqual([
      'TCP SYN',
      'TCP SYN-ACK',
      'TCP ACK',
      'ClientHello',
      'ServerHello',
      'EncryptedExtensions',
      'Certificate',
      'CertificateVerify',
      'Finished',
      'Finished',
    ])
    // A ClientHello of 517 bytes with an x25519 share (padded to 512, RFC 7685) carries the
    // 1,216-byte X25519MLKEM768 share instead by default: 517 - 32 + 1,216.
    expect(r.events[3]).toMatchObject({ t: 50, arrive: 75, from: 'client', to: 'server', bytes: 1701 })
    expect(r.events[4]).toMatchObject({ message: 'ServerHello', bytes: 127 - 32 + 1120 })
    const classic = simulate({ ...defaultScenario, keyExchange: 'x25519' }, 'none')
    expect(classic.events[3]).toMatchObject({ message: 'ClientHello', bytes: 517 })
    expect(classic.events[4]).toMatchObject({ message: 'ServerHello', bytes: 127 })
  })

  it("the client's OCSP fetch is DNS, TCP and HTTP to the responder, in that order", () => {
    const fetch = simulate(defaultScenario, 'ocsp-soft-fail').events.filter(
      (e) => e.to === 'responder' || e.from === 'responder' || e.to === 'dns' || e.from === 'dns',
    )
    expect(fetch.map((e) => `${e.from}>${e.to}:${e.message}`)).toEqual([
      'client>dns:DNS query',
      'dns>client:DNS answer',
      'client>responder:TCP SYN',
      'responder>client:TCP SYN-ACK',
      'client>responder:TCP ACK',
      'client>responder:OCSP request',
      'responder>client:OCSP response',
    ])
    expect(fetch.map((e) => e.phase)).toEqual([
      'dns-ocsp',
      'dns-ocsp',
      'ocsp-tcp',
      'ocsp-tcp',
      'ocsp-tcp',
      'ocsp-http',
      'ocsp-http',
    ])
  })

  it('the client waits for OCSP in a shaded span, and the slow responder shows in the total', () => {
    const r = simulate({ ...defaultScenario, responder: 'slow' }, 'ocsp-soft-fail')
    expect(r.waits).toEqual([expect.objectContaining({ party: 'client', start: 100, end: 1720 })])
    expect(r.handshakeMs).toBe(1720)
  })

  it('a slow responder beyond the soft-fail timeout is cut off at the timeout', () => {
    const r = simulate({ ...defaultScenario, responder: 'slow', responderSlowMs: 5000 }, 'ocsp-soft-fail')
    expect(r).toMatchObject({ outcome: 'connected', handshakeMs: 2100, revocationSource: 'none' })
    expect(r.responderLearned).toBe(true)
  })

  it('a responder error fails a hard-fail client and not a soft-fail one', () => {
    const s = { ...defaultScenario, responder: 'tryLater' as const }
    expect(simulate(s, 'ocsp-hard-fail')).toMatchObject({ outcome: 'rejected', reason: 'responder-error' })
    expect(simulate(s, 'ocsp-soft-fail')).toMatchObject({ outcome: 'connected', revocationSource: 'none' })
  })

  it('loss costs a retransmission timeout, charged to its own phase', () => {
    const lossy = { ...defaultScenario, lossRate: 0.3, seed: 3 }
    const r = simulate(lossy, 'stapling')
    expect(r.phases.retransmit).toBeGreaterThan(0)
    expect(r.events.some((e) => !e.delivered)).toBe(true)
  })

  it('compareModes returns the four rows in a fixed order, plain OCSP following the scenario', () => {
    const rows = compareModes({ ...defaultScenario, plainOcsp: 'hard-fail' })
    expect(rows.map((r) => [r.row, r.run.mode])).toEqual([
      ['none', 'none'],
      ['plain-ocsp', 'ocsp-hard-fail'],
      ['stapling', 'stapling'],
      ['must-staple', 'must-staple'],
    ])
    expect(Object.keys(runAllModes(defaultScenario))).toEqual([...modes])
  })

  it('every phase has a label and a one-sentence description', () => {
    for (const p of phases) {
      expect(phaseLabels[p].label.length).toBeGreaterThan(2)
      expect(phaseLabels[p].description).toMatch(/^[A-Z].*\.$/)
    }
  })

  it('uses the mode argument over the scenario mode', () => {
    expect(simulate({ ...defaultScenario, mode: 'stapling' }).mode).toBe('stapling')
    expect(simulate({ ...defaultScenario, mode: 'stapling' }, 'none').mode).toBe('none')
  })
})

describe('privacy ledger', () => {
  it('an on-path attacker blocking OCSP sees which CA the client checks', () => {
    const r = simulate({ ...defaultScenario, responder: 'blocked' }, 'ocsp-soft-fail')
    // The panel keys party names by LedgerParty, so the attacker is an observer named in its sentence.
    const seen = r.ledger.filter((l) => l.learned.includes('attacker'))
    expect(seen).toHaveLength(1)
    const entry = seen[0]!
    expect(entry).toMatchObject({ party: 'observer', linksClientToSite: false })
    expect(entry.learned).toContain(defaultScenario.clientIp)
    expect(entry.learned).toContain(defaultScenario.responderHost)
    expect(entry.learned).not.toContain(defaultScenario.site)
    // Told by the first SYN it dropped, when that SYN reached it.
    const syn = r.events[entry.viaEventIndex]!
    expect(syn).toMatchObject({ from: 'client', to: 'responder', message: 'TCP SYN', delivered: false })
    expect(r.events.findIndex((e) => e.message === 'TCP SYN' && e.to === 'responder')).toBe(
      entry.viaEventIndex,
    )
    expect(entry.at).toBe(syn.arrive)
    // It never saw an OCSP request: nobody on the path can tie the client to the site.
    expect(r.events.some((e) => e.message === 'OCSP request')).toBe(false)
    expect(r.ledger.some((l) => l.linksClientToSite)).toBe(false)
  })

  it('an attacker forging a reset learns the same, from the SYN it intercepts', () => {
    const r = simulate({ ...defaultScenario, responder: 'reset', dnsCached: true }, 'ocsp-hard-fail')
    expect(r.ledger).toHaveLength(1)
    const entry = r.ledger[0]!
    expect(entry).toMatchObject({ party: 'observer', linksClientToSite: false })
    expect(entry.learned).toContain('attacker')
    expect(r.events[entry.viaEventIndex]).toMatchObject({ message: 'TCP SYN', to: 'responder' })
  })

  it('an unreachable responder or a stapling client tells no attacker anything', () => {
    const down = simulate({ ...defaultScenario, responder: 'down' }, 'ocsp-soft-fail')
    expect(down.ledger.map((l) => l.party)).toEqual(['dns'])
    const stapled = simulate({ ...defaultScenario, responder: 'blocked' }, 'must-staple')
    expect(stapled.ledger).toEqual([])
  })
})
