import { describe, expect, it } from 'vitest'
import { clientTalksToResponder, runAs } from './helpers.ts'

describe('Firefox ≤ 136 profile (NSSCertDBTrustDomain.cpp, mozilla::pkix)', () => {
  it('fetches OCSP itself when nothing is stapled, and soft-fails after security.OCSP.timeoutMilliseconds.soft', () => {
    const run = runAs('firefox-136', 'ocsp-soft-fail', { responder: 'down' })
    expect(clientTalksToResponder(run)).toBe(true)
    expect(run).toMatchObject({ outcome: 'connected', revocationSource: 'none' })
    expect(run.phases['timeout-wait']).toBeGreaterThan(0)
  })

  it('"stapled OCSP response present and good": a valid staple replaces the fetch', () => {
    const run = runAs('firefox-136', 'stapling')
    expect(clientTalksToResponder(run)).toBe(false)
    expect(run.revocationSource).toBe('staple')
  })

  it('an expired staple makes it fetch: a good answer connects, a failed fetch refuses even in soft-fail (HandleOCSPFailure)', () => {
    const good = runAs('firefox-136', 'stapling', { staple: 'stale' })
    expect(clientTalksToResponder(good)).toBe(true)
    expect(good).toMatchObject({ outcome: 'connected', revocationSource: 'ocsp-fetch' })
    const failed = runAs('firefox-136', 'stapling', {
      staple: 'stale',
      responder: 'down',
      plainOcsp: 'soft-fail',
    })
    expect(failed).toMatchObject({ outcome: 'rejected', reason: 'stale-staple' })
  })

  it('a stapled tryLater "will be treated similarly to an expired stapled response"', () => {
    const scenario = { staple: 'none', serverStrategy: 'blocking', responder: 'tryLater' } as const
    // Apache staples the responder's tryLater; Firefox fetches itself and meets the same tryLater.
    expect(runAs('firefox-136', 'must-staple', scenario)).toMatchObject({
      outcome: 'rejected',
      reason: 'responder-error',
    })
  })

  it('must-staple checks PRESENCE: a bad staple falls back to the fetch, no staple at all refuses after the fetch', () => {
    expect(runAs('firefox-136', 'must-staple', { staple: 'stale' })).toMatchObject({
      outcome: 'connected',
      revocationSource: 'ocsp-fetch',
    })
    const missing = runAs('firefox-136', 'must-staple', { staple: 'none' })
    expect(missing).toMatchObject({ outcome: 'rejected', reason: 'no-staple' })
    // VerifySSLServerCert checks the TLS Feature after VerifyCert: the fetch has already told the CA.
    expect(missing.responderLearned).toBe(true)
  })

  it('a certificate without an OCSP URL (the none row) is accepted without asking anyone', () => {
    const run = runAs('firefox-136', 'none', { certStatus: 'revoked' })
    expect(clientTalksToResponder(run)).toBe(false)
    expect(run).toMatchObject({ outcome: 'connected', revokedAccepted: true })
  })
})
