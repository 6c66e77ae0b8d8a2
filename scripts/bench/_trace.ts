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

/** What a task's wall time went to. */
export type TaskPart = 'script' | 'style and layout' | 'paint' | 'GC'

/** The trace events each part counts (nested events counted once; GC also counts in script). */
export const taskPartEvents: Record<TaskPart, readonly string[]> = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.compileModule',
    'v8.evaluateModule',
    'EventDispatch',
    'RunMicrotasks',
    'TimerFire',
    'FireAnimationFrame',
  ],
  'style and layout': ['UpdateLayoutTree', 'Layout', 'PrePaint'],
  paint: ['Paint', 'Layerize', 'Commit'],
  GC: ['MinorGC', 'MajorGC'],
}

/** The longest main-thread task, what it was made of, and the most CPU time any task took. */
export interface TaskAnatomy {
  wallMs: number
  cpuMs: number
  /** The most CPU time any task on the main thread took (not always the longest one's). */
  mostCpuMs: number
  /** Wall time inside the longest task, by part, in ms. */
  parts: Record<TaskPart, number>
}

interface TimedTraceEvent extends TraceEvent {
  ts: number
}

/** Total length of intervals (microseconds) in ms, overlaps counted once. */
function unionMs(intervals: [number, number][]): number {
  let total = 0
  let reach = Number.NEGATIVE_INFINITY
  for (const [from, to] of intervals.sort((a, b) => a[0] - b[0])) {
    if (to > reach) total += to - Math.max(from, reach)
    reach = Math.max(reach, to)
  }
  return total / 1000
}

/** A URL an event names: a script run or parsed, a document parsed, a request sent. */
function eventUrl(e: TimedTraceEvent): string | undefined {
  const args = e.args as { data?: { url?: unknown }; beginData?: { url?: unknown } } | undefined
  const url = args?.data?.url ?? args?.beginData?.url
  return typeof url === 'string' ? url : undefined
}

/**
 * longestTraceTask with what that task was made of (script, style and layout, paint, GC) and the
 * most CPU time any main-thread task took: the one figure load does not stretch. With `pageUrl`,
 * only the renderers that ran or parsed something from it count: Chromium's own pages (its new-tab
 * WebUI renders in a renderer of its own, seen in these traces as lit and composebox scripts) are
 * left out.
 */
export function traceTaskAnatomy(trace: Buffer, pageUrl?: string): TaskAnatomy {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TimedTraceEvent[] }).traceEvents
  const pagePids = new Set(
    events.filter((e) => pageUrl === undefined || eventUrl(e)?.startsWith(pageUrl)).map((e) => e.pid),
  )
  const mains = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          e.args?.name === 'CrRendererMain' &&
          pagePids.has(e.pid),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
  let longest: TimedTraceEvent | undefined
  let mostCpuMs = 0
  for (const e of onMain) {
    if (e.name !== 'RunTask') continue
    if ((e.dur ?? 0) > (longest?.dur ?? 0)) longest = e
    mostCpuMs = Math.max(mostCpuMs, (e.tdur ?? 0) / 1000)
  }
  const parts: Record<TaskPart, number> = { script: 0, 'style and layout': 0, paint: 0, GC: 0 }
  if (!longest) return { wallMs: 0, cpuMs: 0, mostCpuMs: 0, parts }
  const from = longest.ts
  const to = from + (longest.dur ?? 0)
  for (const part of Object.keys(parts) as TaskPart[])
    parts[part] = unionMs(
      onMain
        .filter((e) => taskPartEvents[part].includes(e.name) && e.ts >= from && e.ts + (e.dur ?? 0) <= to)
        .map((e): [number, number] => [e.ts, e.ts + (e.dur ?? 0)]),
    )
  return { wallMs: (longest.dur ?? 0) / 1000, cpuMs: (longest.tdur ?? 0) / 1000, mostCpuMs, parts }
}
