import type { SliceBudget } from '../../../src/lib/sim/sliceBudget.ts'

/**
 * The steps each slice of `work` took, read from the budget at every yield (the step that found the
 * slice full is counted already, and belongs to the next slice).
 */
export function stepsPerSlice<T>(
  work: Iterator<unknown, T, void>,
  budget: SliceBudget,
): { slices: number[]; result: T } {
  const slices: number[] = []
  let before = 0
  for (;;) {
    const next = work.next()
    const upTo = next.done ? budget.taken : budget.taken - 1
    slices.push(upTo - before)
    before = upTo
    if (next.done) return { slices, result: next.value }
  }
}
