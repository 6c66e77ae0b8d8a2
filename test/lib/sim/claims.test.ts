/** The seed material's claims, each reproduced by the engine with the default numbers. */
import { describe, expect, it } from 'vitest'
import { compareModes, simulate } from '../../../src/lib/sim/simulate.ts'
import { horizon, defaultHorizonInput } from '../../../src/lib/sim/horizon.ts'
import { caLoad, defaultCaLoadInput } from '../../../src/lib/sim/caLoad.ts'
import { findPreset } from '../../../src/lib/sim/presets.ts'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'
import type { Mode, Scenario } from '../../../src/lib/sim/types.ts'

const run = (mode: Mode, changes: Partial<Scenario> = {}) =>
  simulate({ ...defaultScenario, ...changes }, mode)
const preset = (id: string): Partial<Scenario> => findPreset(id)!.scenario
const clientToResponder = (mode: Mode, changes: Partial<Scenario> = {}) =>
  run(mode, changes).events.filter((e) => e.from === 'client' && e.to === 'responder')

describe('claims the engine reproduces', () => {
  it("stapling removes the client's round trips to the CA", () => {
    const plain = run('ocsp-soft-fail')
    const stapled = run('stapling')
    expect(clientToResponder('ocsp-soft-fail').length).toBeGreaterThan(0)
    expect(clientToResponder('stapling')).toEqual([])
    // DNS (20) + TCP to the responder (50) + request/response (50) + processing (10).
    expect(plain.handshakeMs - stapled.handshakeMs).toBe(130)
    expect(stapled.handshakeMs).toBe(run('none').handshakeMs)
  })

  it('a direct OCSP request exposes the client to the CA', () => {
    const plain = run('ocsp-soft-fail')
    expect(plain.responderLearned).toBe(true)
    const entry = plain.ledger.find((l) => l.party === 'responder')!
    expect(entry.learned).toContain('203.0.113.7')
    expect(entry.learned).toContain('shop.example')
    expect(plain.ledger.map((l) => l.party).sort()).toEqual(['dns', 'observer', 'responder'])
    expect(run('stapling').responderLearned).toBe(false)
  })

  it('must-staple does not stop a replayed good staple: "precomputed responses allow replay attacks" (RFC 6960 section 5)', () => {
    const stolen = preset('stolen-key-replayed-staple')
    for (const mode of ['stapling', 'must-staple'] as const)
      expect(run(mode, stolen), mode).toMatchObject({
        outcome: 'connected',
        revokedAccepted: true,
        revocationSource: 'staple',
      })
    // Once every pre-revocation response is past its nextUpdate, must-staple closes the door.
    expect(run('must-staple', { ...stolen, staple: 'stale' })).toMatchObject({ outcome: 'rejected' })
  })

  it('must-staple fails closed when the server has no staple', () => {
    const r = run('must-staple', { staple: 'none' })
    expect(r).toMatchObject({ outcome: 'rejected', reason: 'no-staple', revokedAccepted: false })
    expect(r.handshakeMs).toBe(100)
    // The stapling client without the certificate's promise just goes on unchecked.
    expect(run('stapling', { staple: 'none' })).toMatchObject({
      outcome: 'connected',
      revocationSource: 'none',
    })
  })

  it('must-staple refuses a staple past its nextUpdate', () => {
    expect(run('must-staple', preset('stale-staple'))).toMatchObject({
      outcome: 'rejected',
      reason: 'stale-staple',
    })
  })

  it('a responder outage longer than the validity takes a must-staple site down', () => {
    const input = { ...defaultHorizonInput, validityHours: 24, days: 4, handshakesPerHour: 60 }
    const short = horizon({ ...input, outages: [{ startHour: 30, endHour: 36 }] })
    const long = horizon({ ...input, outages: [{ startHour: 30, endHour: 80 }] })
    expect(short.totals['must-staple'].failed).toBe(0)
    expect(long.totals['must-staple'].failed).toBeGreaterThan(0)
    // The proactive server's last response (fetched at 24 h) runs out at 48 h, mid-outage.
    expect(long.hours[47]!.byMode['must-staple'].failed).toBe(0)
    expect(long.hours[48]!.byMode['must-staple'].ok).toBe(0)
    expect(long.hours[80]!.byMode['must-staple'].failed).toBe(0)
  })

  it('soft-fail lets an attacker who blocks OCSP use a revoked certificate', () => {
    const r = run('ocsp-soft-fail', preset('attacker-blocks-ocsp'))
    expect(r).toMatchObject({ outcome: 'connected', revokedAccepted: true, responderLearned: false })
    expect(r.phases['timeout-wait']).toBeGreaterThan(1900)
    expect(run('ocsp-hard-fail', preset('attacker-blocks-ocsp'))).toMatchObject({
      outcome: 'rejected',
      reason: 'responder-unreachable',
    })
  })

  it('only must-staple and hard-fail stop an attacker who holds a revoked certificate', () => {
    // The attacker impersonates the server, so it also decides the staple: it sends none.
    const attacked = { ...defaultScenario, ...preset('attacker-blocks-ocsp') }
    const accepted = Object.fromEntries(
      (['none', 'ocsp-soft-fail', 'ocsp-hard-fail', 'stapling', 'must-staple'] as const).map((m) => [
        m,
        simulate(attacked, m).revokedAccepted,
      ]),
    )
    expect(accepted).toEqual({
      none: true,
      'ocsp-soft-fail': true,
      'ocsp-hard-fail': false,
      stapling: true,
      'must-staple': false,
    })
  })

  it('a forged reset makes soft-fail give up at once', () => {
    const r = run('ocsp-soft-fail', preset('attacker-resets-ocsp'))
    expect(r.revokedAccepted).toBe(true)
    expect(r.handshakeMs).toBeLessThan(200)
    expect(r.events.some((e) => e.from === 'attacker' && e.message === 'TCP RST')).toBe(true)
  })

  it('hard-fail turns a responder outage into an outage of the site, after its timeout', () => {
    const r = run('ocsp-hard-fail', { responder: 'down' })
    expect(r).toMatchObject({ outcome: 'rejected', reason: 'responder-unreachable' })
    expect(r.handshakeMs).toBe(100 + 10_000)
    expect(run('ocsp-soft-fail', { responder: 'down' }).handshakeMs).toBe(100 + 2000)
  })

  it('a revoked certificate is caught by every check that happens, and by no check that does not', () => {
    const rows = compareModes({ ...defaultScenario, certStatus: 'revoked' })
    expect(rows.map((r) => [r.row, r.run.outcome, r.run.revokedAccepted])).toEqual([
      ['none', 'connected', true],
      ['plain-ocsp', 'rejected', false],
      ['stapling', 'rejected', false],
      ['must-staple', 'rejected', false],
    ])
  })

  it('TLS 1.2 costs one more round trip than TLS 1.3, and carries the staple in CertificateStatus', () => {
    expect(run('stapling', { tls: '1.2' }).handshakeMs - run('stapling').handshakeMs).toBe(50)
    const events = run('stapling', { tls: '1.2' }).events
    expect(events.find((e) => e.staple)?.message).toBe('CertificateStatus')
    expect(run('stapling').events.find((e) => e.staple)?.message).toBe('Certificate')
  })

  it('a long chain plus a staple overflows the initial window and costs a round trip', () => {
    // With x25519 the 13,500-byte chain fits RFC 6928's 14,600-byte window and only the staple
    // pushes the flight over it.
    const x25519 = { ...preset('long-chain'), keyExchange: 'x25519' } as const
    expect(run('stapling', x25519).phases['cwnd-extra-rtt']).toBe(50)
    expect(run('none', x25519).phases['cwnd-extra-rtt']).toBe(0)
    expect(run('stapling', x25519).events.some((e) => e.label.includes('(part 2/2)'))).toBe(true)
  })

  it('with the browsers’ default X25519MLKEM768 the long chain costs the round trip on every row', () => {
    // The ServerHello's key share grows from 32 to 1,120 bytes: 127 + 32 + 13,540 + 286 + 58 - 32 +
    // 1,120 = 15,131 bytes of first flight, over the 14,600-byte window before any staple.
    for (const entry of compareModes({ ...defaultScenario, ...preset('long-chain') }))
      expect(entry.run.phases['cwnd-extra-rtt'], entry.row).toBe(50)
  })

  it('a resumed session carries no certificate and so no revocation check', () => {
    for (const mode of ['ocsp-hard-fail', 'must-staple'] as const) {
      const r = run(mode, { resumed: true, certStatus: 'revoked', responder: 'down' })
      expect(r).toMatchObject({ outcome: 'connected', revokedAccepted: true, responderLearned: false })
      expect(r.events.some((e) => e.message === 'Certificate')).toBe(false)
    }
  })

  it('an nginx-like server sends the first handshake after a restart without a staple', () => {
    const r = run('must-staple', preset('server-restarted-nginx'))
    expect(r).toMatchObject({ outcome: 'rejected', reason: 'no-staple', handshakeMs: 100 })
    expect(r.events.some((e) => e.from === 'server' && e.to === 'responder')).toBe(true)
  })

  it('an Apache-like server makes the first client wait for the CA', () => {
    const r = run('must-staple', preset('server-restarted-apache'))
    expect(r.outcome).toBe('connected')
    // Server TCP connect (20) + request/response (20) + processing (10).
    expect(r.phases['server-ocsp-fetch']).toBe(50)
    expect(r.waits.some((w) => w.party === 'server')).toBe(true)
  })

  it('an Apache-like server staples a made-up tryLater when the responder is down, which must-staple refuses', () => {
    const scenario = { ...preset('server-restarted-apache'), responder: 'down' as const }
    expect(run('must-staple', scenario)).toMatchObject({ outcome: 'rejected', reason: 'responder-error' })
    expect(run('must-staple', scenario).phases['server-ocsp-fetch']).toBe(10_000)
    expect(run('must-staple', { ...scenario, stapleErrors: false }).reason).toBe('no-staple')
  })

  it("a client's OCSP cache hit skips the fetch and the CA learns nothing", () => {
    const r = run('ocsp-hard-fail', { ocspCacheHit: true, responder: 'down' })
    expect(r).toMatchObject({ outcome: 'connected', revocationSource: 'ocsp-cache', responderLearned: false })
    expect(r.handshakeMs).toBe(100)
  })

  it('a cached DNS answer saves the lookup of the responder', () => {
    expect(run('ocsp-soft-fail').handshakeMs - run('ocsp-soft-fail', { dnsCached: true }).handshakeMs).toBe(
      20,
    )
  })

  it('stapling cuts the load on the CA by orders of magnitude', () => {
    const load = caLoad(defaultCaLoadInput)
    expect(load.totals.plainOcsp / load.totals.stapling).toBeGreaterThan(1000)
    expect(load.totals.plainOcsp).toBeLessThan(load.totals.plainOcspNoCache)
  })
})
