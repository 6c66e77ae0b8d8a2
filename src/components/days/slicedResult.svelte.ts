/**
 * A result computed a slice at a time (src/lib/days/slices.ts) as reactive state: `done` is the
 * last finished result with its input, `busy` says a newer input is being worked on. A new input
 * cancels the unfinished one, so a held arrow key costs no slice of its own and the lanes follow
 * when it stops.
 */
import { runInSlices, type SlicedRun } from '../../lib/days/slices.ts'

export class SlicedResult<Input, Result> {
  /** The last finished result and the input it is for (the sentences must describe that input). */
  // Raw: a year of lanes is 44,000 hour objects, which a deep $state proxy would wrap one by one.
  done: { input: Input; result: Result } | undefined = $state.raw()
  busy = $state(false)
  #input: Input | undefined
  #run: SlicedRun | null = null
  readonly #work: (input: Input) => Iterator<unknown, Result, void>
  readonly #same: (a: Input, b: Input) => boolean

  constructor(
    work: (input: Input) => Iterator<unknown, Result, void>,
    same: (a: Input, b: Input) => boolean,
  ) {
    this.#work = work
    this.#same = same
  }

  /** Work on `input` unless it gives the same result as the last one asked for. */
  compute(input: Input): void {
    if (this.#input !== undefined && this.#same(this.#input, input)) return
    this.#run?.cancel()
    this.#input = input
    this.busy = true
    // The work starts in a task of its own: the task that changed the input (the view mounting, a
    // key on a slider) only draws the new input, and the lanes follow (issue 14: opening a year's
    // link ran the first slice of five horizons and a CA load in the task that built the view).
    this.#run = runInSlices(
      this.#work(input),
      (result) => {
        this.done = { input, result }
        this.busy = false
      },
      { startNow: false },
    )
  }

  cancel(): void {
    this.#run?.cancel()
  }
}
