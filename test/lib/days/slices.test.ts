import { describe, expect, it } from 'vitest'
import { lanesInSlices, runLanes } from '../../../src/lib/days/lanes.ts'
import { runInSlices, taskBudgetMs, type Later } from '../../../src/lib/days/slices.ts'
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

/** Work of `slices` slices that advances a fake clock by `msPerSlice` each and records which task ran it. */
function clockedWork(slices: number, msPerSlice: number) {
  const clock = { ms: 0, task: 0 }
  const ranIn: number[] = []
  function* work(): Generator<void, string, void> {
    for (let i = 0; i < slices; i++) {
      clock.ms += msPerSlice
      ranIn.push(clock.task)
      if (i < slices - 1) yield
    }
    return 'result'
  }
  return { clock, ranIn, work: work(), now: () => clock.ms }
}

const year = { ...defaultHorizonInput, days: 366, handshakesPerHour: 1_000_000 }

describe('runInSlices', () => {
  it('runs a week in a few slices, the first in the calling task, and hands over its lanes', () => {
    const { later, tasks } = queue()
    let lanes: unknown = null
    // A clock on which each slice spends the whole budget: one slice per task.
    let ms = 0
    runInSlices(lanesInSlices(defaultHorizonInput), (done) => (lanes = done), {
      later,
      now: () => (ms += taskBudgetMs),
    })
    expect(lanes).toBeNull()
    let count = 1
    while (tasks.length > 0) {
      tasks.shift()!()
      count++
    }
    // About 5,300 steps (five lanes of 168 hours) in slices of 1,200, and a task to hand them over.
    expect(count).toBe(6)
    expect(lanes).toEqual(runLanes(defaultHorizonInput))
  })

  it('cuts a year at 1,000,000 handshakes an hour into many tasks, and ends with the same lanes', () => {
    const { later, tasks } = queue()
    let lanes: unknown = null
    // A clock on which each slice spends the whole budget: one slice per task.
    let ms = 0
    runInSlices(lanesInSlices(year), (done) => (lanes = done), { later, now: () => (ms += taskBudgetMs) })
    let count = 1
    while (tasks.length > 0) {
      tasks.shift()!()
      count++
    }
    expect(count).toBeGreaterThan(100)
    expect(lanes).toEqual(runLanes(year))
  })

  it('runs one slice in the calling task, then per task as many slices as fit in the budget', () => {
    const { later, tasks } = queue()
    // Each slice takes 3 ms of the fake clock: the budget fits four (the fourth ends past it).
    const { clock, ranIn, work, now } = clockedWork(30, 3)
    let result = ''
    runInSlices(work, (r) => (result = r), { later, now })
    while (tasks.length > 0) {
      clock.task++
      tasks.shift()!()
    }
    const perTask = ranIn.reduce<number[]>((n, task) => ((n[task] = (n[task] ?? 0) + 1), n), [])
    expect(perTask[0]).toBe(1)
    expect(Math.max(...perTask)).toBe(Math.ceil(taskBudgetMs / 3))
    expect(result).toBe('result')
  })

  it('told to start later, runs nothing in the calling task: the task that asked only draws', () => {
    const { later, tasks } = queue()
    const { clock, ranIn, work, now } = clockedWork(3, 1)
    let result = ''
    runInSlices(work, (r) => (result = r), { later, now, startNow: false })
    expect(ranIn).toEqual([])
    while (tasks.length > 0) {
      clock.task++
      tasks.shift()!()
    }
    expect(ranIn).toEqual([1, 1, 1])
    expect(result).toBe('result')
  })

  it('gives a slow slice a task of its own: a busy machine gets more, shorter tasks', () => {
    const { later, tasks } = queue()
    const { clock, ranIn, work, now } = clockedWork(6, taskBudgetMs + 5)
    runInSlices(work, () => undefined, { later, now })
    while (tasks.length > 0) {
      clock.task++
      tasks.shift()!()
    }
    expect(ranIn).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('hands a result finished in a later task to a task of its own, so drawing it adds to no slice', () => {
    const { later, tasks } = queue()
    const { clock, work, now } = clockedWork(3, 1)
    let doneIn: number | null = null
    runInSlices(work, () => (doneIn = clock.task), { later, now })
    clock.task++
    tasks.shift()!()
    // The two remaining slices ran in task 1; the result waits for the next task.
    expect(doneIn).toBeNull()
    expect(tasks).toHaveLength(1)
    clock.task++
    tasks.shift()!()
    expect(doneIn).toBe(2)
  })

  it('never finishes work that was cancelled, even when only the result was left to hand over', () => {
    const { later, tasks } = queue()
    let finished = false
    const run = runInSlices(lanesInSlices(year), () => (finished = true), { later })
    tasks.shift()!()
    run.cancel()
    expect(tasks).toHaveLength(0)
    expect(finished).toBe(false)

    const small = clockedWork(2, 1)
    const handedOver = runInSlices(small.work, () => (finished = true), { later, now: small.now })
    tasks.shift()!()
    expect(tasks).toHaveLength(1)
    handedOver.cancel()
    expect(tasks).toHaveLength(0)
    expect(finished).toBe(false)
  })
})
