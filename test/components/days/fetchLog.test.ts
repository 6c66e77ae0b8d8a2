import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fetchLog } from '../../../src/components/days/fetchLog.ts'
import { horizon, serverStrategies, type HorizonInput } from '../../../src/lib/sim/index.ts'

const inputArb: fc.Arbitrary<HorizonInput> = fc.record({
  days: fc.integer({ min: 1, max: 20 }),
  validityHours: fc.integer({ min: 1, max: 240 }),
  responseAgeHours: fc.integer({ min: 0, max: 48 }),
  strategy: fc.constantFrom(...serverStrategies),
  handshakesPerHour: fc.constantFrom(0.3, 1, 7, 100, 5000),
  outages: fc.array(
    fc
      .record({ start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 1, max: 200 }) })
      .map((o) => ({
        startHour: o.start,
        endHour: o.start + o.length,
      })),
    { maxLength: 3 },
  ),
})

describe('fetchLog', () => {
  it("draws exactly the engine's fetches, as many as it counts, failing only during an outage", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const log = fetchLog(input)
        expect(log.length).toBe(horizon(input).serverFetches)
        const down = (t: number) => input.outages.some((o) => t >= o.startHour && t < o.endHour)
        for (const f of log) expect(f.ok).toBe(!down(f.hour))
      }),
      { numRuns: 60 },
    )
  })

  it('marks fetches during an outage as failed, and only those', () => {
    const input: HorizonInput = {
      days: 7,
      validityHours: 168,
      responseAgeHours: 0,
      strategy: 'lazy',
      handshakesPerHour: 100,
      outages: [{ startHour: 48, endHour: 60 }],
    }
    const log = fetchLog(input)
    expect(log.some((f) => !f.ok)).toBe(true)
    for (const f of log) expect(f.ok).toBe(!(f.hour >= 48 && f.hour < 60))
  })

  it('shows a proactive server fetching at start and at half the validity', () => {
    const log = fetchLog({
      days: 7,
      validityHours: 168,
      responseAgeHours: 0,
      strategy: 'proactive',
      handshakesPerHour: 100,
      outages: [],
    })
    expect(log).toEqual([
      { hour: 0, ok: true },
      { hour: 84, ok: true },
    ])
  })
})
