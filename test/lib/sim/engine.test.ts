import { describe, expect, it } from 'vitest'
import { compareModes, runAllModes } from '../../../src/lib/sim/compare.ts'
import { simulate } from '../../../src/lib/sim/engine.ts'
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
    expect(r.events[3]).toMatchObject({ t: 50, arrive: 75, from: 'client', to: 'server', bytes: 517 })
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
