import { describe, expect, it } from 'vitest'
import { modes } from '../../../../src/lib/sim/types.ts'
import { clientTalksToResponder, runAs } from './helpers.ts'

describe('curl --cert-status profile (lib/vtls/openssl.c verifystatus)', () => {
  it('"no response at all is received, the verification fails": every unstapled mode fails', () => {
    for (const mode of ['none', 'ocsp-soft-fail', 'ocsp-hard-fail'] as const)
      expect(runAs('curl', mode), mode).toMatchObject({ outcome: 'rejected', reason: 'no-staple' })
  })

  it('"the server sends an invalid (e.g. expired) response ... the verification fails"', () => {
    expect(runAs('curl', 'stapling', { staple: 'stale' })).toMatchObject({
      outcome: 'rejected',
      reason: 'stale-staple',
    })
  })

  it('"the response suggests that the server certificate has been revoked ... the verification fails"', () => {
    expect(runAs('curl', 'stapling', { certStatus: 'revoked' })).toMatchObject({ reason: 'revoked' })
  })

  it('never fetches, so a good response stapled before the revocation gets a revoked certificate through', () => {
    for (const mode of modes) expect(clientTalksToResponder(runAs('curl', mode)), mode).toBe(false)
    expect(runAs('curl', 'must-staple', { certStatus: 'revoked', staple: 'pre-revocation' })).toMatchObject({
      outcome: 'connected',
      revokedAccepted: true,
    })
  })
})
