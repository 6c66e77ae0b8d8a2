// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import RevocationWindow from '../../../src/components/days/RevocationWindow.svelte'
import { daysQuery, defaultDaysInput, readDaysInput } from '../../../src/lib/days/daysFields.ts'

describe('RevocationWindow', () => {
  it('draws the replay window from the revocation to the last good response’s nextUpdate, beside what shortens it', () => {
    render(RevocationWindow, {
      input: { ...defaultDaysInput, revokedAtHour: 30, validityHours: 96, responseAgeHours: 0 },
      onchange: () => {},
    })
    const section = screen.getByRole('region', { name: 'The revocation window' })
    expect(within(section).getByText('Replayed good staple: 96 h')).toBeTruthy()
    expect(within(section).getByText('Pushed list (CRLite): 12 h')).toBeTruthy()
    expect(within(section).getByText('6-day certificate: 160 h')).toBeTruthy()
  })

  it('keeps the revocation time in the link (rv), and leaves a default link bare', () => {
    expect(daysQuery(defaultDaysInput).has('rv')).toBe(false)
    const query = daysQuery({ ...defaultDaysInput, revokedAtHour: 50 })
    expect(query.get('rv')).toBe('50')
    expect(readDaysInput(query).revokedAtHour).toBe(50)
  })
})
