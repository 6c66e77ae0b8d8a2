import { describe, expect, it } from 'vitest'
import { modes } from '../../../../src/lib/sim/types.ts'
import { clientTalksToResponder, runAs } from './helpers.ts'

describe('Chrome / Edge profile (Chromium revocation_checker.cc, CRLSets)', () => {
  it('"online (i.e. OCSP and CRL) checks are not generally performed by Chrome": no mode makes it ask the CA', () => {
    for (const mode of modes) {
      const run = runAs('chrome', mode, { responder: 'down', staple: 'none' })
      expect(clientTalksToResponder(run), mode).toBe(false)
      expect(run.outcome, mode).toBe('connected')
    }
    expect(runAs('chrome', 'ocsp-soft-fail').notes.join(' ')).toContain('never asks the OCSP responder')
  })

  it('"Check using stapled OCSP, if available": a stapled REVOKED marks the certificate revoked', () => {
    expect(runAs('chrome', 'stapling', { certStatus: 'revoked' })).toMatchObject({
      outcome: 'rejected',
      reason: 'revoked',
      revocationSource: 'staple',
    })
  })

  it('an expired stapled response falls through, and with no online check the revoked certificate gets in', () => {
    expect(runAs('chrome', 'stapling', { certStatus: 'revoked', staple: 'stale' })).toMatchObject({
      outcome: 'connected',
      revokedAccepted: true,
    })
  })

  it('ignores must-staple: a must-staple certificate without a staple connects', () => {
    const run = runAs('chrome', 'must-staple', { staple: 'none' })
    expect(run.outcome).toBe('connected')
    expect(run.notes.join(' ')).toContain('ignores must-staple')
  })
})
