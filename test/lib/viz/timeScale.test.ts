import { scaleLinear } from 'd3-scale'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario, type Scenario } from '../../../src/lib/sim/index.ts'
import {
  gapWidth,
  idleGaps,
  piecewiseLinear,
  runEnd,
  sharedEnd,
  timeScale,
  timeTicks,
} from '../../../src/lib/viz/timeScale.ts'

describe('the shared time axis', () => {
  const runs = compareModes({ ...defaultScenario }).map((e) => e.run)

  it('ends at the last thing that happens in any mode', () => {
    const end = sharedEnd(runs)
    for (const run of runs) {
      expect(end).toBeGreaterThanOrEqual(run.handshakeMs)
      for (const e of run.events) expect(end).toBeGreaterThanOrEqual(e.arrive)
    }
    expect(end).toBe(Math.max(...runs.map(runEnd)))
  })

  it('maps 0 ms to the left margin and the end to the right margin', () => {
    const x = timeScale(250, 1000, { left: 100, right: 20 })
    expect(x(0)).toBe(100)
    expect(x(250)).toBe(980)
  })

  it('has about one tick per 90 px, on round values', () => {
    const ticks = timeTicks(timeScale(250, 1000, { left: 0, right: 0 }))
    expect(ticks.length).toBeGreaterThanOrEqual(5)
    expect(ticks.length).toBeLessThanOrEqual(14)
    for (const t of ticks) expect(t % 10).toBe(0)
  })

  it('spaces ticks by the smallest round step that leaves 90 px, and always draws two', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 20_000 }), fc.integer({ min: 200, max: 3000 }), (end, width) => {
        const x = timeScale(end, width, { left: 0, right: 0 })
        const ticks = timeTicks(x)
        expect(ticks.length).toBeGreaterThanOrEqual(2)
        const step = ticks[1]! - ticks[0]!
        const power = 10 ** Math.floor(Math.log10(step) + 1e-9)
        const lead = Math.round(step / power)
        expect([1, 2, 5]).toContain(lead)
        expect(Math.abs(lead * power - step)).toBeLessThan(1e-9 * power)
        const gap = x(step) - x(0)
        for (let i = 1; i < ticks.length; i++) expect(x(ticks[i]!) - x(ticks[i - 1]!)).toBeCloseTo(gap, 6)
        const stepUp = lead === 2 ? step * 2.5 : step * 2
        if (gap >= 90 - 1e-9) {
          // The next round step down would crowd them.
          expect(x(step / (lead === 5 ? 2.5 : 2)) - x(0)).toBeLessThan(90)
        } else {
          // Only where the 90 px step leaves no second tick: then at least 42 px.
          expect(gap).toBeGreaterThanOrEqual(42)
          expect(stepUp).toBeGreaterThan(end)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('gives the prerendered frame (960 px, scaled to its column) the ticks of the live diagram at 1280 px', () => {
    // The default comparison's axis; a 1280 px screen leaves the diagrams about 928 px.
    const end = sharedEnd(runs)
    const margins = { left: 112, right: 14 }
    expect(timeTicks(timeScale(end, 960, margins))).toEqual(timeTicks(timeScale(end, 928, margins)))
  })
})

describe('shortened idle stretches', () => {
  const blocked: Scenario = {
    ...defaultScenario,
    responder: 'blocked',
    certStatus: 'revoked',
    staple: 'none',
  }
  const runs = compareModes(blocked).map((e) => e.run)
  const end = sharedEnd(runs)

  it('finds the soft-fail timeout as idle in every diagram, and nothing idle by default', () => {
    const gaps = idleGaps(runs, end)
    expect(gaps.length).toBeGreaterThanOrEqual(1)
    for (const g of gaps) {
      for (const run of runs) {
        for (const e of run.events) expect(e.arrive <= g.start || e.t >= g.end).toBe(true)
        expect(run.handshakeMs <= g.start || run.handshakeMs >= g.end).toBe(true)
      }
    }
    const defaults = compareModes({ ...defaultScenario }).map((e) => e.run)
    expect(idleGaps(defaults, sharedEnd(defaults))).toEqual([])
  })

  it('gives each gap a fixed width and every busy stretch the same pixels per ms', () => {
    const gaps = idleGaps(runs, end)
    const x = timeScale(end, 1000, { left: 100, right: 20 }, gaps)
    expect(x(0)).toBe(100)
    expect(x(end)).toBeCloseTo(980)
    for (const g of gaps) expect(x(g.end) - x(g.start)).toBeCloseTo(gapWidth)
    const first = gaps[0]!
    const busyRate = (x(first.start) - x(0)) / first.start
    const linearRate = 880 / end
    // The handshake gets far more room than on a linear axis.
    expect(busyRate).toBeGreaterThan(linearRate * 4)
  })

  it('puts no tick inside a gap and keeps ticks apart', () => {
    const gaps = idleGaps(runs, end)
    const x = timeScale(end, 1000, { left: 100, right: 20 }, gaps)
    const ticks = timeTicks(x, gaps)
    for (const t of ticks) for (const g of gaps) expect(t <= g.start || t >= g.end).toBe(true)
    for (let i = 1; i < ticks.length; i++) expect(x(ticks[i]!) - x(ticks[i - 1]!)).toBeGreaterThanOrEqual(42)
  })
})

describe('piecewiseLinear', () => {
  /** Ascending stops, as timeScale makes them: a piece of no length included. */
  const stops = fc
    .array(
      fc.tuple(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: -50, max: 400, noNaN: true })),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((pieces) => {
      const domain = [0]
      const range = [10]
      for (const [ms, px] of pieces) {
        domain.push(domain[domain.length - 1]! + ms)
        range.push(range[range.length - 1]! + Math.abs(px))
      }
      return { domain, range }
    })

  it("maps every time to the pixel d3-scale's scaleLinear gives through the same stops, beyond them too", () => {
    fc.assert(
      fc.property(stops, fc.double({ min: -1000, max: 5000, noNaN: true }), ({ domain, range }, ms) => {
        const reference = scaleLinear().domain(domain).range(range)
        expect(piecewiseLinear(domain, range)(ms)).toBe(reference(ms))
      }),
    )
  })

  it('gives back its stops, so the diagram knows where its plot starts and ends', () => {
    const scale = piecewiseLinear([0, 100, 2100, 2200], [120, 400, 444, 940])
    expect(scale.domain()).toEqual([0, 100, 2100, 2200])
    expect(scale.range()).toEqual([120, 400, 444, 940])
    expect(scale(100)).toBe(400)
    expect(scale(1100)).toBe(422)
  })
})
