import { describe, expect, it } from 'vitest'
import {
  cellState,
  laneOrder,
  lanesInSlices,
  runLanes,
  stripModes,
  type Segment,
} from '../../../src/lib/days/lanes.ts'
import { defaultHorizonInput, horizon, type HorizonHour } from '../../../src/lib/sim/index.ts'
import { SliceBudget } from '../../../src/lib/sim/sliceBudget.ts'
import { stepsPerSlice } from '../sim/stepsPerSlice.ts'

/** Runs of equal values, the plain way: one per change from one hour to the next. */
function runsOf<T>(hours: readonly HorizonHour[], value: (h: HorizonHour) => T): Segment<T>[] {
  const runs: Segment<T>[] = []
  for (const h of hours) {
    const v = value(h)
    if (runs.at(-1)?.value === v) runs.at(-1)!.end = h.hour + 1
    else runs.push({ start: h.hour, end: h.hour + 1, value: v })
  }
  return runs
}

const hoursWhere = (hours: readonly HorizonHour[], test: (h: HorizonHour) => boolean) =>
  hours.filter(test).length

describe('lanes', () => {
  const input = {
    ...defaultHorizonInput,
    days: 30,
    validityHours: 48,
    outages: [
      { startHour: 48, endHour: 60 },
      { startHour: 300, endHour: 400 },
    ],
  }
  const lanes = runLanes(input)

  it('runs one horizon per strategy, in the lane order, each as the engine runs it alone', () => {
    expect(lanes.map((l) => l.strategy)).toEqual([...laneOrder])
    for (const lane of lanes) expect(lane.result).toEqual(horizon({ ...input, strategy: lane.strategy }))
  })

  it('reads the strips the chart draws from the hours: one run per change, covering every hour', () => {
    for (const lane of lanes)
      for (const mode of stripModes) {
        expect(lane.strips[mode]).toEqual(runsOf(lane.result.hours, (h) => cellState(h, mode)))
        expect(lane.strips[mode].at(-1)!.end).toBe(30 * 24)
      }
  })

  it('counts the hours the sentences and the table name, as the hours say', () => {
    for (const lane of lanes) {
      const hours = lane.result.hours
      expect(lane.mustStapleFailingHours).toBe(hoursWhere(hours, (h) => h.byMode['must-staple'].failed > 0))
      expect(lane.staplingUncheckedHours).toBe(hoursWhere(hours, (h) => h.byMode.stapling.unchecked > 0))
      expect(lane.responderDownHours).toBe(112)
      expect(lane.hardFailFailingHours).toBe(112)
      expect(lane.softFailUncheckedHours).toBe(112)
      expect(lane.failedFetches).toBe(lane.result.fetchLog.filter((f) => !f.ok).length)
    }
    // The proactive server outlasts the first outage but not the 100-hour one against 2-day responses.
    expect(lanes[0]!.mustStapleFailingHours).toBeGreaterThan(0)
    expect(lanes[0]!.freshness.map((s) => s.value)).toContain('stale')
  })

  it('reads a year at 1,000,000 handshakes an hour a slice at a time, no slice over its steps across lanes', () => {
    const year = { ...defaultHorizonInput, days: 366, handshakesPerHour: 1_000_000 }
    const budget = new SliceBudget(1200)
    const { slices, result } = stepsPerSlice(lanesInSlices(year, budget), budget)
    // Every slice but the last is exactly full, wherever one lane ends and the next begins.
    expect(slices.slice(0, -1).every((n) => n === 1200)).toBe(true)
    expect(slices.at(-1)).toBeLessThanOrEqual(1200)
    // Five lanes of 8,784 hours set up, tallied and read, and their fetches: hundreds of slices.
    expect(slices.length).toBeGreaterThan((5 * 3 * 8784) / 1200)
    expect(result).toEqual(runLanes(year))
  })
})
