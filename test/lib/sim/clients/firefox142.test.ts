import { describe, expect, it } from 'vitest'
import { modes } from '../../../../src/lib/sim/types.ts'
import { clientTalksToResponder, runAs } from './helpers.ts'

describe('Firefox ≥ 142 profile (CRLite in Enforce mode)', () => {
  it('"In Enforce CRLite mode we can return Revoked or Not Revoked without consulting OCSP"', () => {
    for (const mode of modes) {
      const revoked = runAs('firefox-142', mode, {
        certStatus: 'revoked',
        responder: 'blocked',
        staple: 'pre-revocation',
      })
      expect(revoked, mode).toMatchObject({
        outcome: 'rejected',
        reason: 'revoked',
        revocationSource: 'pushed-list',
      })
      expect(clientTalksToResponder(revoked), mode).toBe(false)
    }
  })

  it('a good certificate connects on CRLite’s word, with no OCSP round trip to wait for', () => {
    const plain = runAs('firefox-142', 'ocsp-soft-fail')
    expect(plain).toMatchObject({
      outcome: 'connected',
      revocationSource: 'pushed-list',
      responderLearned: false,
    })
    expect(plain.handshakeMs).toBe(runAs('firefox-142', 'none').handshakeMs)
  })

  it('must-staple is still checked for presence after CRLite', () => {
    expect(runAs('firefox-142', 'must-staple', { staple: 'none' })).toMatchObject({
      outcome: 'rejected',
      reason: 'no-staple',
    })
  })
})
