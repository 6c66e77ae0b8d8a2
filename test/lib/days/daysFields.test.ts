import { describe, expect, it } from 'vitest'
import {
  daysQuery,
  defaultDaysInput,
  normalizeDaysInput,
  parseDaysParams,
  readDaysInput,
} from '../../../src/lib/days/daysFields.ts'
import { maxOutages } from '../../../src/lib/sim/index.ts'

describe('daysFields', () => {
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

  it('names every bad value once and keeps the defaults for them, and the valid values', () => {
    const { input, problems } = parseDaysParams(new URLSearchParams('d=abc&v=99999&r=-4&c=5000&pop=pareto'))
    expect(problems.map((p) => p.message)).toEqual([
      'Days simulated: d=abc is not a number from 1 to 366 days',
      'Response validity: v=99999 is not a number from 1 to 720 hours',
      'Handshakes: r=-4 is not a number from 0.1 to 1,000,000 per hour',
      'Popularity: pop=pareto is not one of zipf, uniform',
    ])
    expect(input).toEqual({ ...defaultDaysInput, clients: 5000 })
  })

  it('keeps the outages that fit the simulated window and names the others', () => {
    const { input, problems } = parseDaysParams(new URLSearchParams('d=7&o=5-2_x_10-20_150-198_200-230'))
    expect(input.outages).toEqual([
      { startHour: 10, endHour: 20 },
      { startHour: 150, endHour: 168 },
    ])
    expect(problems.map((p) => p.message)).toEqual([
      'Responder outages: outage 1 (5-2) ends before it starts',
      'Responder outages: outage 2 (x) is not start-end in hours, such as 48-60',
      'Responder outages: outage 4 (150-198) ends after the 168 simulated hours, so it is cut at hour 168',
      'Responder outages: outage 5 (200-230) starts after the 168 simulated hours',
    ])
  })

  it('simulates at most 20 outages, and says so', () => {
    const many = Array.from({ length: 25 }, (_, i) => `${i * 6}-${i * 6 + 1}`).join('_')
    const { input, problems } = parseDaysParams(new URLSearchParams(`o=${many}`))
    expect(input.outages).toHaveLength(maxOutages)
    expect(input.outages[19]).toEqual({ startHour: 114, endHour: 115 })
    expect(problems.map((p) => p.message)).toEqual([
      'Responder outages: the link has 25 outages; the first 20 that fit are simulated',
    ])
  })

  it('cuts outages to a shorter window before they reach a link', () => {
    const input = {
      ...defaultDaysInput,
      days: 2,
      outages: [
        { startHour: 40, endHour: 60 },
        { startHour: 50, endHour: 55 },
      ],
    }
    expect(daysQuery(normalizeDaysInput(input)).toString()).toBe('d=2&o=40-48')
  })
})
