/**
 * Long work a slice at a time between the page's own tasks, so a key or a pointer move is answered
 * while a year of lanes is computed (issue 14: no main-thread task over 50 ms). The work is a
 * generator that yields between slices (lanesInSlices, caLoadInSlices); what a slice is comes
 * from the work, counted in its own steps, so the same input is cut the same way on any machine.
 * How many slices one task runs comes from the clock: as many as fit in `taskBudgetMs`, so a busy
 * machine runs fewer per task instead of longer tasks.
 */

/** Runs `task` as a new task of the event loop; the returned function drops it if not yet run. */
export type Later = (task: () => void) => () => void

/**
 * A message to itself: a new task like setTimeout(0), without the 4 ms the HTML spec's timers
 * clamp nested timeouts to (HTML Standard, "timer initialisation steps", nesting level > 5).
 */
export const nextTask: Later = (task) => {
  if (typeof MessageChannel === 'undefined') {
    const id = setTimeout(task, 0)
    return () => clearTimeout(id)
  }
  const channel = new MessageChannel()
  let dropped = false
  channel.port1.onmessage = () => {
    channel.port1.close()
    if (!dropped) task()
  }
  channel.port2.postMessage(null)
  return () => {
    dropped = true
    channel.port1.close()
  }
}

/**
 * How long one task goes on with sliced work before it gives the page back: a fifth of the 50 ms a
 * task may take before it is a long task (W3C Long Tasks API, "long task" threshold), leaving room
 * for the slice in flight and for the page's answer to a key in the same frame.
 */
export const taskBudgetMs = 10

export interface SliceScheduler {
  /** How the next task is started (a test runs them by hand). */
  later?: Later
  /**
   * Run the first slice in the calling task (the default), or start in a task of its own: the task
   * that asked (a view mounting, a key) then only draws what asked, and the work follows.
   */
  startNow?: boolean
  /** A clock in milliseconds (performance.now on the page). */
  now?: () => number
  budgetMs?: number
}

export interface SlicedRun {
  /** Stop: no further slice runs and `done` is never called. */
  cancel(): void
}

/**
 * Run the first slice now (a small input is done before this returns) unless told to start later,
 * then, task by task, as many slices as fit in the budget, and hand the result to `done`. A result finished after the first
 * slice goes to `done` in a task of its own, so drawing it never adds to a task's slices.
 */
export function runInSlices<T>(
  work: Iterator<unknown, T, void>,
  done: (result: T) => void,
  {
    later = nextTask,
    now = () => performance.now(),
    budgetMs = taskBudgetMs,
    startNow = true,
  }: SliceScheduler = {},
): SlicedRun {
  let drop: (() => void) | null = null
  let cancelled = false
  const run = (first: boolean) => {
    drop = null
    if (cancelled) return
    const start = now()
    for (;;) {
      const next = work.next()
      if (next.done) {
        const result = next.value
        if (first) done(result)
        else
          drop = later(() => {
            drop = null
            done(result)
          })
        return
      }
      if (first || now() - start >= budgetMs) break
    }
    drop = later(() => run(false))
  }
  if (startNow) run(true)
  else drop = later(() => run(false))
  return {
    cancel() {
      cancelled = true
      drop?.()
    },
  }
}
