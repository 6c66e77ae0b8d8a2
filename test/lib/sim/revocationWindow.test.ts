import { describe, expect, it } from 'vitest'
import { revocationWindow } from '../../../src/lib/sim/revocationWindow.ts'

const span = (id: string, spans: ReturnType<typeof revocationWindow>) => spans.find((s) => s.id === id)!

describe('the revocation window', () => {
  it('runs from the revocation to the nextUpdate of a good response fetched just before it', () => {
    // Let's Encrypt's 7-day responses, fetched fresh: a replayed staple works for 168 hours.
    const spans = revocationWindow({ revokedAtHour: 24, validityHours: 168, responseAgeHours: 0 })
    expect(span('replayed-staple', spans)).toMatchObject({ startHour: 24, endHour: 192 })
  })

  it('is shorter when the response was already old when fetched, and never negative', () => {
    const aged = revocationWindow({ revokedAtHour: 0, validityHours: 96, responseAgeHours: 24 })
    expect(span('replayed-staple', aged).endHour).toBe(72)
    const expired = revocationWindow({ revokedAtHour: 0, validityHours: 8, responseAgeHours: 20 })
    expect(span('replayed-staple', expired).endHour).toBe(0)
  })

  it('shrinks to CRLite’s 12-hour download cycle for a client that does not trust the staple', () => {
    const spans = revocationWindow({ revokedAtHour: 10, validityHours: 240, responseAgeHours: 0 })
    expect(span('pushed-list', spans)).toMatchObject({ startHour: 10, endHour: 22 })
    // An 8-hour response (the shortest the Baseline Requirements allow) beats the list.
    expect(
      span('pushed-list', revocationWindow({ revokedAtHour: 0, validityHours: 8, responseAgeHours: 0 }))
        .endHour,
    ).toBe(8)
  })

  it('ends with a 6-day certificate’s 160-hour life at the latest', () => {
    const spans = revocationWindow({ revokedAtHour: 0, validityHours: 240, responseAgeHours: 0 })
    expect(span('short-lived-certificate', spans).endHour).toBe(160)
  })
})
