import { describe, expect, it } from 'vitest'
import { clientTalksToResponder, runAs } from './helpers.ts'

describe('Safari profile (Apple trustd SecRevocationServer.c)', () => {
  it('"Check valid database first": Apple’s pushed list refuses the revoked certificate, whatever is stapled', () => {
    expect(runAs('safari', 'stapling', { certStatus: 'revoked', staple: 'pre-revocation' })).toMatchObject({
      outcome: 'rejected',
      reason: 'revoked',
      revocationSource: 'pushed-list',
    })
  })

  it('uses a good staple, and never fetches OCSP for an ordinary certificate', () => {
    expect(runAs('safari', 'stapling').revocationSource).toBe('staple')
    const plain = runAs('safari', 'ocsp-hard-fail', { responder: 'down' })
    expect(clientTalksToResponder(plain)).toBe(false)
    expect(plain.outcome).toBe('connected')
  })

  it('does not enforce must-staple (unconfirmed, modelled as ignored)', () => {
    expect(runAs('safari', 'must-staple', { staple: 'none' }).outcome).toBe('connected')
  })
})
