/** The sentences the CLI and the page print about validity, freshness, statuses and reasons. */
import { describe, expect, it } from 'vitest'
import {
  crlReasonMeaning,
  describeFreshness,
  describeValidity,
  responseStatusMeaning,
  crlReasonNames,
  type ResponseStatus,
} from '../../../src/lib/pki/index.ts'

const now = new Date('2026-11-24T12:00:00Z')

describe('describeValidity', () => {
  it('counts days to expiry, days since expiry, and names the start of a future window', () => {
    expect(describeValidity('2026-01-01T00:00:00Z', '2027-01-04T12:00:00Z', now)).toBe(
      'expires in 41 days (2027-01-04 12:00 UTC)',
    )
    expect(describeValidity('2020-01-01T00:00:00Z', '2026-11-21T12:00:00Z', now)).toBe(
      'expired 3 days ago (2026-11-21 12:00 UTC)',
    )
    expect(describeValidity('2026-12-01T10:00:00Z', '2027-12-01T10:00:00Z', now)).toBe(
      'not valid until 2026-12-01 10:00 UTC (in 6 days)',
    )
    expect(describeValidity('2026-01-01T00:00:00Z', '2026-11-24T17:30:00Z', now)).toBe(
      'expires in 5 hours (2026-11-24 17:30 UTC)',
    )
  })
})

describe('describeFreshness', () => {
  it('fresh for the time left, stale since nextUpdate, and no nextUpdate said plainly', () => {
    expect(describeFreshness('2026-11-24T00:00:00Z', '2026-11-27T16:00:00Z', now)).toBe('fresh for 3 d 4 h')
    expect(describeFreshness('2026-11-13T10:00:00Z', '2026-11-20T10:00:00Z', now)).toBe(
      'stale since 2026-11-20 10:00 UTC',
    )
    expect(describeFreshness('2026-11-24T14:00:00Z', '2026-11-30T00:00:00Z', now)).toMatch(
      /^not yet valid: thisUpdate is 2 h ahead/,
    )
    expect(describeFreshness('2026-11-24T11:00:00Z', undefined, now)).toMatch(
      /^no nextUpdate: produced 1 h ago/,
    )
  })
})

describe('meanings', () => {
  it('one sentence for each RFC 6960 status and each RFC 5280 reason', () => {
    const statuses: ResponseStatus[] = [
      'successful',
      'malformedRequest',
      'internalError',
      'tryLater',
      'sigRequired',
      'unauthorized',
    ]
    const sentences = statuses.map(responseStatusMeaning)
    expect(new Set(sentences).size).toBe(statuses.length)
    for (const s of sentences) expect(s).toMatch(/^[A-Z].*\.$/)
    expect(responseStatusMeaning('tryLater')).toMatch(/later/)
    const reasons = crlReasonNames
    expect(new Set(reasons.map(crlReasonMeaning)).size).toBe(reasons.length)
    expect(crlReasonMeaning('keyCompromise')).toMatch(/private key/)
  })
})
