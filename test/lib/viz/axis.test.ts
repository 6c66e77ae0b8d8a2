import { describe, expect, it } from 'vitest'
import { dayStep, decadeScale, durationTicks, hourStep } from '../../../src/lib/viz/axis.ts'

describe('durationTicks: the latency bars axis', () => {
  it('ends at or after the slowest bar, on a round number', () => {
    const { domainEnd, ticks } = durationTicks(437, 720)
    expect(domainEnd).toBeGreaterThanOrEqual(437)
    expect(ticks[0]).toBe(0)
    expect(ticks.at(-1)).toBe(domainEnd)
  })
  it('keeps labels at least about 90 px apart on a 360 px phone', () => {
    const { ticks } = durationTicks(1234, 300)
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(300 / 90) + 2)
  })
})

describe('decadeScale: the CA load chart', () => {
  it('spans whole decades around the values, so 3 and 42,000 requests an hour read 1 to 100,000', () => {
    expect(decadeScale([3, 42_000], 0, 500).domain()).toEqual([1, 100_000])
  })
  it('ignores zero (no requests at all has no place on a log scale)', () => {
    expect(decadeScale([0, 250], 0, 500).domain()).toEqual([1, 1000])
  })
})

describe('day and hour steps of the days view', () => {
  it('names every 28th day of a year drawn 1,440 px wide (14 days would be 55 px)', () => {
    expect(dayStep(1440 / 365)).toBe(28)
    expect(dayStep(1440 / 30)).toBe(2)
    expect(dayStep(120)).toBe(1)
  })
  it('draws hour ticks only where an hour is wide enough', () => {
    expect(hourStep(1440 / (365 * 24))).toBeNull()
    expect(hourStep(10)).toBe(3)
  })
})
