/** Reading a Chromium trace (Playwright's browser.startTracing) for the browser benchmarks. */

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/**
 * The longest task on a renderer main thread (RunTask on CrRendererMain) in wall time, and the CPU
 * time that task took (dur and tdur, microseconds): on a loaded machine wall time stretches while
 * the thread waits for a core, CPU time much less.
 */
export function longestTraceTask(trace: Buffer): { wallMs: number; cpuMs: number } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  let longest = { wallMs: 0, cpuMs: 0 }
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue
    const wallMs = (e.dur ?? 0) / 1000
    if (wallMs > longest.wallMs) longest = { wallMs, cpuMs: (e.tdur ?? 0) / 1000 }
  }
  return longest
}
