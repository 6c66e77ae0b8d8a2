/**
 * Long work a slice at a time between the page's own tasks, so a key or a pointer move is answered
 * while a year of lanes is computed (issue 14: no main-thread task over 50 ms). The work is a
 * generator that yields between slices (horizonInSlices, caLoadInSlices); what a slice is comes
 * from the work, counted in its own steps, so the same input is cut the same way on any machine.
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

export interface SlicedRun {
  /** Stop: no further slice runs and `done` is never called. */
  cancel(): void
}

/**
 * Run the first slice now (a small input is done before this returns), each next one as a new
 * task, and hand the result to `done`.
 */
export function runInSlices<T>(
  work: Iterator<unknown, T, void>,
  done: (result: T) => void,
  later: Later = nextTask,
): SlicedRun {
  let drop: (() => void) | null = null
  let cancelled = false
  const slice = () => {
    drop = null
    if (cancelled) return
    const next = work.next()
    if (next.done) done(next.value)
    else drop = later(slice)
  }
  slice()
  return {
    cancel() {
      cancelled = true
      drop?.()
    },
  }
}
