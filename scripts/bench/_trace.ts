/** Reading a Chromium trace (Playwright's browser.startTracing) for the browser benchmarks. */

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { processId?: number } }
}

/** What a main-thread task was busy with, by kind. */
export type TaskPart = 'script' | 'style and layout' | 'paint' | 'GC'

/** The trace events each kind is made of (Chromium's devtools.timeline names). */
export const taskPartEvents: Record<TaskPart, readonly string[]> = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.compileModule',
    'v8.evaluateModule',
    'EventDispatch',
    'RunMicrotasks',
    // Promise continuations (an awaited import, scheduler.yield()) run here, not in a FunctionCall.
    'BlinkScheduler_PerformMicrotaskCheckpoint',
    'TimerFire',
    'FireAnimationFrame',
  ],
  'style and layout': ['UpdateLayoutTree', 'Layout', 'PrePaint'],
  paint: ['Paint', 'Layerize', 'Commit'],
  GC: ['MinorGC', 'MajorGC'],
}

export interface TraceTask {
  wallMs: number
  /** The task's CPU time (the thread's own time): a loaded machine stretches it far less than wall time. */
  cpuMs: number
  /** CPU time inside the task, by kind (nested events counted once; GC inside script counts in both). */
  parts: Record<TaskPart, number>
}

/**
 * The renderer main threads of the page that was traced. A browser context also starts renderers
 * of its own (Chromium 14x draws its omnibox popup with a "WebUI Top Renderer", which loads a few
 * hundred ms of lit components while the page loads): their tasks are not the page's. The page's
 * renderers are those the browser committed a main frame to (FrameCommittedInBrowser); a trace
 * without that event falls back to every renderer main thread.
 */
function pageMainThreads(events: readonly TraceEvent[]): Set<string> {
  const pagePids = new Set(
    events
      .filter((e) => e.name === 'FrameCommittedInBrowser' || e.name === 'TracingStartedInBrowser')
      .map((e) => e.args?.data?.processId)
      .filter((pid): pid is number => typeof pid === 'number'),
  )
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )
  const ofPage = mains.filter((e) => pagePids.has(e.pid))
  return new Set((ofPage.length > 0 ? ofPage : mains).map((e) => `${e.pid}:${e.tid}`))
}

/**
 * CPU time of events of one kind, each counted once: an event inside another of the same kind
 * (a FunctionCall inside RunMicrotasks) is already in its parent's time. Thread time (tdur) where
 * the trace has it: what the page cost, not how long it waited for a core.
 */
function outermostCpuMs(events: readonly TraceEvent[]): number {
  let total = 0
  let reach = Number.NEGATIVE_INFINITY
  for (const e of events) {
    if (e.ts < reach) continue
    total += e.tdur ?? e.dur ?? 0
    reach = e.ts + (e.dur ?? 0)
  }
  return total / 1000
}

/**
 * Every task (RunTask) on the page's renderer main thread, in order, with its wall time, its CPU
 * time (dur and tdur, microseconds) and its CPU time by kind.
 */
export function traceTasks(trace: Buffer): TraceTask[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const mains = pageMainThreads(events)
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
  const parts = Object.keys(taskPartEvents) as TaskPart[]
  const kindOf = new Map(parts.flatMap((part) => taskPartEvents[part].map((name) => [name, part] as const)))
  const nested = onMain.filter((e) => kindOf.has(e.name)).sort((a, b) => a.ts - b.ts)
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts)
  return tasks.map((task) => {
    const from = task.ts
    const to = from + (task.dur ?? 0)
    const inside = nested.filter((e) => e.ts >= from && e.ts + (e.dur ?? 0) <= to && e.pid === task.pid)
    const byPart = { script: 0, 'style and layout': 0, paint: 0, GC: 0 }
    for (const part of parts) byPart[part] = outermostCpuMs(inside.filter((e) => kindOf.get(e.name) === part))
    return { wallMs: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? 0) / 1000, parts: byPart }
  })
}

/**
 * The longest task on the page's renderer main thread in wall time, and the CPU time that task
 * took: on a loaded machine wall time stretches while the thread waits for a core, CPU time much
 * less. `mostCpu` is the task that took the most CPU time (not always the longest one).
 */
export function longestTraceTask(trace: Buffer): TraceTask & { mostCpu: TraceTask } {
  const none: TraceTask = {
    wallMs: 0,
    cpuMs: 0,
    parts: { script: 0, 'style and layout': 0, paint: 0, GC: 0 },
  }
  const tasks = traceTasks(trace)
  const longest = tasks.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), none)
  const mostCpu = tasks.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a), none)
  return { ...longest, mostCpu }
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
