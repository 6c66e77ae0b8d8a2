import { describe, expect, it } from 'vitest'
import { caLoad, caLoadInSlices, defaultCaLoadInput } from '../../../src/lib/sim/caLoad.ts'
import { defaultHorizonInput, horizon, horizonInSlices } from '../../../src/lib/sim/index.ts'
import { SliceBudget } from '../../../src/lib/sim/sliceBudget.ts'
import { stepsPerSlice } from './stepsPerSlice.ts'

describe('SliceBudget', () => {
  it('fills each slice with exactly its steps, the step that finds it full opening the next', () => {
    const budget = new SliceBudget(3)
    const yieldsBefore = Array.from({ length: 10 }, () => budget.spent())
    expect(yieldsBefore).toEqual([false, false, false, true, false, false, true, false, false, true])
  })

  it("keeps a year's horizon at 1,000,000 handshakes an hour to its steps in every slice, and its result", () => {
    const year = {
      ...defaultHorizonInput,
      days: 366,
      handshakesPerHour: 1_000_000,
      strategy: 'lazy' as const,
    }
    const budget = new SliceBudget(500)
    const { slices, result } = stepsPerSlice(horizonInSlices(year, budget), budget)
    expect(Math.max(...slices)).toBe(500)
    // 8,784 hours set up and tallied, about as many changes of state, and the hourly fetches copied.
    expect(slices.length).toBeGreaterThan((4 * 8784) / 500)
    expect(result).toEqual(horizon(year))
  })

  it("keeps a year's CA load to its steps in every slice, the hours added up and tallied included", () => {
    const input = { ...defaultCaLoadInput, days: 366 }
    const budget = new SliceBudget(20_000)
    const { slices, result } = stepsPerSlice(caLoadInSlices(input, budget), budget)
    expect(Math.max(...slices)).toBe(20_000)
    expect(budget.taken).toBe(48 * (527_040 + 8784) + 8784)
    expect(result).toEqual(caLoad(input))
  })
})
