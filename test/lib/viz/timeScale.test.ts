import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario, type Scenario } from '../../../src/lib/sim/index.ts'
import {
  gapWidth,
  idleGaps,
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
