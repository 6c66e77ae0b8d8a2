/** The result of work written as a generator that yields between slices (horizonInSlices, caLoadInSlices), run in one go. */
export function runToEnd<T>(work: Iterator<unknown, T, void>): T {
  for (;;) {
    const next = work.next()
    if (next.done) return next.value
  }
}
