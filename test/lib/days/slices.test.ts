import { describe, expect, it } from 'vitest'
import { lanesInSlices, runLanes } from '../../../src/lib/days/lanes.ts'
import { runInSlices, type Later } from '../../../src/lib/days/slices.ts'
import { defaultHorizonInput } from '../../../src/lib/sim/index.ts'

/** A task queue the test runs by hand, in place of the event loop. */
function queue(): { later: Later; tasks: (() => void)[] } {
  const tasks: (() => void)[] = []
  return {
    tasks,
    later: (task) => {
      tasks.push(task)
      return () => tasks.splice(tasks.indexOf(task), 1)
    },
  }
}

const year = { ...defaultHorizonInput, days: 366, handshakesPerHour: 1_000_000 }

describe('runInSlices', () => {
  it('finishes a week in the first slice, before it returns', () => {
    const { later, tasks } = queue()
    let lanes: unknown = null
    runInSlices(lanesInSlices(defaultHorizonInput), (done) => (lanes = done), later)
    expect(tasks).toHaveLength(0)
    expect(lanes).toEqual(runLanes(defaultHorizonInput))
  })

  it('cuts a year at 1,000,000 handshakes an hour into many tasks, and ends with the same lanes', () => {
    const { later, tasks } = queue()
    let lanes: unknown = null
    let slices = 1
    runInSlices(lanesInSlices(year), (done) => (lanes = done), later)
    while (tasks.length > 0) {
      tasks.shift()!()
      slices++
    }
    expect(slices).toBeGreaterThan(20)
    expect(lanes).toEqual(runLanes(year))
  })

  it('never finishes work that was cancelled', () => {
    const { later, tasks } = queue()
    let finished = false
    const run = runInSlices(lanesInSlices(year), () => (finished = true), later)
    tasks.shift()!()
    run.cancel()
    expect(tasks).toHaveLength(0)
    expect(finished).toBe(false)
  })
})
