/** Run `fn` repeatedly for at least `minMs` (after a warm-up) and return operations per second. */
export function opsPerSecond(fn: () => unknown, { minMs = 500, warmup = 3 } = {}): number {
  for (let i = 0; i < warmup; i++) fn()
  let count = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    fn()
    count++
    elapsed = performance.now() - start
  }
  return (count * 1000) / elapsed
}

/** Same as opsPerSecond, for async work. */
export async function opsPerSecondAsync(fn: () => Promise<unknown>, { minMs = 500, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn()
  let count = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    await fn()
    count++
    elapsed = performance.now() - start
  }
  return (count * 1000) / elapsed
}

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en') : perSecond.toPrecision(3)
}
