/**
 * How much of a long computation one slice does, counted in the computation's own steps (a change
 * of state of a horizon, an hour set up or read, a minute of a CA load pair), so the same input is
 * cut the same way on any machine. One budget is shared by every part of one computation (the five
 * lanes and the reading of their hours), so no slice does more than `perSlice` steps wherever the
 * parts meet: a slice that ended one lane never goes on with the next one's first slice.
 */
export class SliceBudget {
  /** Steps taken since the slice began. */
  #inSlice = 0
  /** Steps taken in all, for tests that check the slices' sizes. */
  taken = 0

  constructor(readonly perSlice: number) {}

  /**
   * Count one step, before it is taken: true when the slice is already full, and the caller must
   * yield first. The step then opens the next slice, so each slice is exactly `perSlice` steps
   * (the old `++n > perSlice` test ran one step more in every slice after the first).
   */
  spent(): boolean {
    this.taken++
    if (this.#inSlice < this.perSlice) {
      this.#inSlice++
      return false
    }
    this.#inSlice = 1
    return true
  }
}

/** A budget from a count (a fresh budget) or the caller's own, shared with its other parts. */
export function sliceBudget(stepsPerSlice: number | SliceBudget): SliceBudget {
  return typeof stepsPerSlice === 'number' ? new SliceBudget(Math.max(1, stepsPerSlice)) : stepsPerSlice
}
