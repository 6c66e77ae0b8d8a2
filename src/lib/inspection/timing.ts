/**
 * User Timing measures on the inspector's path from a drop to its cards, in the page and in the
 * parse worker: the browser's Performance panel shows them beside its own tracks, and
 * scripts/bench/inspect.ts reads them to say where a drop's time goes.
 */
export type InspectStep = 'read files' | 'worker round trip' | 'parse' | 'chain' | 'checks' | 'render cards'

export const inspectMeasurePrefix = 'inspect: '

/** Record `step` as having run from `start` (a performance.now() value) until now. */
export function measureSince(step: InspectStep, start: number): void {
  performance.measure(`${inspectMeasurePrefix}${step}`, { start, end: performance.now() })
}
