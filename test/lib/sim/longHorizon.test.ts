import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { caLoad, caLoadInSlices, defaultCaLoadInput } from '../../../src/lib/sim/caLoad.ts'
import {
  defaultHorizonInput,
  horizon,
  horizonInSlices,
  type HorizonInput,
} from '../../../src/lib/sim/horizon.ts'
import { serverStrategies } from '../../../src/lib/sim/types.ts'

const base = { ...defaultHorizonInput, days: 4, validityHours: 24, handshakesPerHour: 60 }

describe('horizon', () => {
  it('counts every handshake once per mode, hour by hour', () => {
    const r = horizon(base)
    expect(r.hours).toHaveLength(96)
    expect(r.hours.every((h) => h.handshakes === 60)).toBe(true)
    for (const counts of Object.values(r.totals)) expect(counts.ok + counts.failed).toBe(96 * 60)
  })

  it('hard-fail fails exactly during the outage, soft-fail connects unchecked', () => {
    const r = horizon({ ...base, outages: [{ startHour: 10, endHour: 13 }] })
    expect(r.totals['ocsp-hard-fail'].failed).toBe(3 * 60)
    expect(r.totals['ocsp-soft-fail']).toEqual({ ok: 96 * 60, failed: 0, unchecked: 3 * 60 })
    expect(r.hours[11]!.responderUp).toBe(false)
  })

  it('a static staple file goes stale after one validity period', () => {
    const r = horizon({ ...base, strategy: 'static', outages: [] })
    expect(r.freshness).toEqual([
      { hour: 0, staple: 'fresh' },
      { hour: 24, staple: 'stale' },
    ])
    expect(r.totals['must-staple'].failed).toBe(72 * 60)
  })

  it('an nginx-like server fails the first handshake only; an Apache-like one fails the whole outage', () => {
    const outages = [{ startHour: 30, endHour: 33 }]
    expect(horizon({ ...base, strategy: 'lazy', outages }).totals['must-staple'].failed).toBe(1)
    const apache = horizon({ ...base, strategy: 'blocking', outages })
    expect(apache.totals['must-staple'].failed).toBeGreaterThanOrEqual(3 * 60)
    expect(apache.freshness.map((f) => f.staple)).toEqual(['fresh', 'error', 'fresh'])
  })

  it('a proactive server refreshes at half the validity', () => {
    const r = horizon({ ...base, strategy: 'proactive', outages: [] })
    expect(r.fetchLog).toHaveLength(96 / 12)
    expect(r.totals['must-staple'].failed).toBe(0)
  })

  it("logs each of the server's fetches with its hour and whether the responder answered", () => {
    const outages = [{ startHour: 30, endHour: 33 }]
    const proactive = horizon({ ...base, strategy: 'proactive', outages: [] })
    expect(proactive.fetchLog).toEqual([0, 12, 24, 36, 48, 60, 72, 84].map((hour) => ({ hour, ok: true })))
    // Caddy retries a failed fetch at its next hourly maintenance.
    expect(
      horizon({ ...base, strategy: 'proactive', outages: [{ startHour: 36, endHour: 38 }] }).fetchLog,
    ).toEqual([
      ...[0, 12, 24].map((hour) => ({ hour, ok: true })),
      { hour: 36, ok: false },
      { hour: 37, ok: false },
      ...[38, 50, 62, 74, 86].map((hour) => ({ hour, ok: true })),
    ])
    for (const strategy of ['lazy', 'blocking'] as const) {
      const r = horizon({ ...base, strategy, outages })
      expect(r.fetchLog.map((f) => f.hour)).toEqual(r.fetchLog.map((f) => f.hour).sort((a, b) => a - b))
      for (const f of r.fetchLog) expect(f.ok).toBe(!(f.hour >= 30 && f.hour < 33))
      // Failed fetches during the outage, and the server tries again once it is over.
      expect(r.fetchLog.filter((f) => !f.ok).length).toBeGreaterThan(0)
      expect(r.fetchLog.some((f) => f.ok && f.hour >= 33 && f.hour < 34)).toBe(true)
    }
    // nginx fetches inside a handshake once an hour (its refresh), retrying every 5 minutes when down.
    const lazy = horizon({ ...base, strategy: 'lazy', outages })
    expect(lazy.fetchLog.filter((f) => f.hour < 30)).toHaveLength(30)
    const failed = lazy.fetchLog.filter((f) => !f.ok).length
    // 3 hours at one try per 5 minutes, less the odd minute a retry waits for the next handshake.
    expect(failed).toBeGreaterThanOrEqual(30)
    expect(failed).toBeLessThanOrEqual(3 * 12)
    // A staple file is loaded, never fetched.
    expect(horizon({ ...base, strategy: 'static' }).fetchLog).toEqual([])
    expect(horizon({ ...base, strategy: 'none' }).fetchLog).toEqual([])
  })

  it('a fetch fails exactly when the responder is down, whatever the strategy and outages', () => {
    const inputArb: fc.Arbitrary<HorizonInput> = fc.record({
      days: fc.integer({ min: 1, max: 20 }),
      validityHours: fc.integer({ min: 1, max: 240 }),
      responseAgeHours: fc.integer({ min: 0, max: 48 }),
      strategy: fc.constantFrom(...serverStrategies),
      handshakesPerHour: fc.constantFrom(0.3, 1, 7, 100, 5000),
      outages: fc.array(
        fc
          .record({ start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 1, max: 200 }) })
          .map((o) => ({ startHour: o.start, endHour: o.start + o.length })),
        { maxLength: 3 },
      ),
    })
    fc.assert(
      fc.property(inputArb, (input) => {
        const down = (t: number) => input.outages.some((o) => t >= o.startHour && t < o.endHour)
        for (const f of horizon(input).fetchLog) expect(f.ok).toBe(!down(f.hour))
      }),
      { numRuns: 60 },
    )
  })

  it('clamps slider values it cannot use instead of failing', () => {
    expect(horizon({ ...base, days: -3 }).hours).toHaveLength(1)
    expect(horizon({ ...base, handshakesPerHour: Number.NaN }).totals.none.ok).toBe(0)
    expect(caLoad({ ...defaultCaLoadInput, sites: 0, days: 1 }).hours).toHaveLength(24)
  })

  it('handles a million handshakes an hour by aggregation', () => {
    const r = horizon({ ...defaultHorizonInput, handshakesPerHour: 1_000_000 })
    expect(r.totals.none.ok).toBe(7 * 24 * 1_000_000)
  })

  it("cuts a year's set-up and tally into slices too, and ends with the same result", () => {
    const year = { ...defaultHorizonInput, days: 366, handshakesPerHour: 1_000_000 }
    const stepsPerSlice = 500
    const work = horizonInSlices(year, stepsPerSlice)
    const progress: number[] = []
    let next = work.next()
    for (; !next.done; next = work.next()) progress.push(next.value)
    // Before any hour is simulated (setting up 8,784 hours) and after the last (tallying them).
    expect(progress.filter((p) => p === 0).length).toBeGreaterThanOrEqual(Math.floor(8784 / stepsPerSlice))
    expect(progress.filter((p) => p === 8784).length).toBeGreaterThanOrEqual(Math.floor(8784 / stepsPerSlice))
    // In between, a slice simulates at most an hour a step, and takes at most stepsPerSlice steps.
    progress.slice(1).forEach((p, i) => expect(p - progress[i]!).toBeLessThanOrEqual(stepsPerSlice))
    expect(next.value).toEqual(horizon(year))
  })
})

describe('CA load', () => {
  it('stapling costs one fetch per site per refresh interval, whatever the number of clients', () => {
    const small = caLoad({ ...defaultCaLoadInput, clients: 10 })
    const big = caLoad({ ...defaultCaLoadInput, clients: 1_000_000 })
    expect(small.totals.stapling).toBe(big.totals.stapling)
    expect(big.totals.stapling).toBe(2 * defaultCaLoadInput.sites)
    expect(big.hours).toHaveLength(168)
  })

  it('without a client cache every visit reaches the responder', () => {
    const r = caLoad({ ...defaultCaLoadInput, clientCache: false })
    expect(r.hours[5]!.plainOcsp).toBeCloseTo((1_000_000 * 20) / 24, 3)
  })

  it('client caching helps most for popular sites and grows with time as caches fill', () => {
    const zipf = caLoad(defaultCaLoadInput)
    const uniform = caLoad({ ...defaultCaLoadInput, popularity: 'uniform' })
    expect(zipf.totals.plainOcsp).toBeLessThan(uniform.totals.plainOcsp)
    expect(zipf.hours[100]!.plainOcsp).toBeLessThan(zipf.hours[0]!.plainOcsp)
    for (const h of zipf.hours) expect(h.plainOcsp).toBeLessThanOrEqual(h.plainOcspNoCache + 1e-6)
  })

  it('cuts a week into slices across its 48 popularity groups, none longer than the slice', () => {
    // A week's group is 10,080 one-minute steps: shorter than a slice, so only counting across
    // groups cuts it (48 groups in one piece were about 5 ms in Chromium on an idle machine).
    const work = caLoadInSlices(defaultCaLoadInput, 20_000)
    let slices = 1
    let next = work.next()
    for (; !next.done; next = work.next()) slices++
    expect(slices).toBe(Math.ceil((48 * 10_080) / 20_000))
    expect(next.value).toEqual(caLoad(defaultCaLoadInput))
  })
})

describe('a response fetched already older than its validity', () => {
  it('is held to half the validity, so a blocking server does not refetch on every handshake', () => {
    const r = horizon({
      days: 18,
      validityHours: 2,
      responseAgeHours: 15,
      strategy: 'blocking',
      handshakesPerHour: 5000,
      outages: [],
    })
    // One fetch an hour at most (a fresh response lasts 1 of its 2 hours), not one per handshake.
    expect(r.fetchLog.length).toBeLessThanOrEqual(18 * 24 + 1)
    expect(r.hours.every((h) => h.byMode['must-staple'].failed === 0)).toBe(true)
  })
})
