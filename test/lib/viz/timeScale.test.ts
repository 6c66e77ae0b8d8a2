import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario } from '../../../src/lib/sim/index.ts'
import {
  formatBytes,
  formatMs,
  formatTick,
  plotSize,
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

  it('keeps a legible width on a phone and scrolls instead', () => {
    expect(plotSize(320)).toEqual({ width: 560, scrolls: true })
    expect(plotSize(1200)).toEqual({ width: 1200, scrolls: false })
  })

  it('formats times and sizes the way the labels show them', () => {
    expect(formatMs(2100)).toBe('2,100 ms')
    expect(formatMs(12.5)).toBe('12.5 ms')
    expect(formatTick(0, 0)).toBe('0 ms')
    expect(formatTick(1500, 3)).toBe('1,500')
    expect(formatBytes(517)).toBe('517 B')
    expect(formatBytes(3548)).toBe('3.5 kB')
  })
})
