/** Row subtitles: a named client's row says what the certificate and server offer, never a textbook client's words. */
import { describe, expect, it } from 'vitest'
import { rowSubtitle } from '../../../../src/components/compare/diagram/text.ts'
import { simulate, withDefaults, type Scenario } from '../../../../src/lib/sim/index.ts'

function runFor(partial: Partial<Scenario>) {
  const made = withDefaults(partial)
  if (!made.ok) throw new Error(made.error.message)
  return simulate(made.scenario, 'ocsp-soft-fail')
}

describe('rowSubtitle', () => {
  it('keeps the textbook wording for the textbook client', () => {
    expect(rowSubtitle('plain-ocsp', runFor({}))).toBe('client asks the CA, gives up on timeout')
  })

  it("does not say Chrome asks the CA: Chrome's plain-OCSP row is what the certificate offers", () => {
    const chrome = runFor({ client: 'chrome' })
    expect(rowSubtitle('plain-ocsp', chrome)).toBe('a certificate with an OCSP URL, no staple')
    expect(rowSubtitle('plain-ocsp', chrome)).not.toMatch(/asks the CA/)
    expect(rowSubtitle('must-staple', chrome)).toBe('a must-staple certificate, stapled by the server')
  })
})
