import { describe, expect, it } from 'vitest'
import { daysQuery, defaultDaysInput, readDaysInput } from '../../../src/components/days/daysState.ts'

describe('daysState', () => {
  it('keeps a default link bare', () => {
    expect(daysQuery(defaultDaysInput).toString()).toBe('')
  })

  it('round-trips changed inputs through short keys', () => {
    const input = {
      ...defaultDaysInput,
      days: 14,
      validityHours: 96,
      outages: [
        { startHour: 48, endHour: 120 },
        { startHour: 200, endHour: 212.5 },
      ],
      clients: 50_000,
      popularity: 'uniform' as const,
    }
    const query = daysQuery(input)
    expect(query.toString()).toBe('d=14&v=96&c=50000&o=48-120_200-212.5&pop=uniform')
    expect(readDaysInput(query)).toEqual(input)
  })

  it('keeps "no outage" distinct from the default outage', () => {
    const query = daysQuery({ ...defaultDaysInput, outages: [] })
    expect(query.toString()).toBe('o=')
    expect(readDaysInput(query).outages).toEqual([])
  })

  it('ignores values that do not parse and clamps ones out of range', () => {
    const input = readDaysInput(new URLSearchParams('d=abc&v=99999&o=5-2&r=-4'))
    expect(input.days).toBe(defaultDaysInput.days)
    expect(input.validityHours).toBe(720)
    expect(input.outages).toEqual(defaultDaysInput.outages)
    expect(input.handshakesPerHour).toBe(0.1)
  })
})
