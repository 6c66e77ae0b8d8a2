/**
 * The shared time axis: one linear scale in simulated milliseconds for every diagram, so the same
 * x means the same instant in all four modes and a longer wait is a longer span.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import type { Run } from '../sim/types.ts'

export type TimeScale = ScaleLinear<number, number>

/** When the last thing in a run happens: its outcome, its last message, or its last wait. */
export function runEnd(run: Run): number {
  let end = run.handshakeMs
  for (const e of run.events) end = Math.max(end, e.arrive, e.t)
  for (const w of run.waits) end = Math.max(end, w.end)
  return Number.isFinite(end) ? Math.max(end, 0) : 0
}

/** The end of the shared axis: the latest end over all runs (at least 1 ms, so a scale exists). */
export function sharedEnd(runs: readonly Run[]): number {
  return Math.max(1, ...runs.map(runEnd))
}

export interface PlotSize {
  /** Width of the plot area in CSS pixels (the time axis spans it minus the margins). */
  width: number
  /** True when the plot is wider than the space offered: the diagrams then scroll sideways. */
  scrolls: boolean
}

/**
 * Below about 560 px a 250 ms handshake's labels collide, so on a phone the plot keeps that width
 * and scrolls horizontally on its own axis rather than shrink below legibility (DESIGN.md).
 */
export const minPlotWidth = 560

export function plotSize(available: number, min = minPlotWidth): PlotSize {
  const width = Math.max(Math.floor(available), min)
  return { width, scrolls: width > available + 0.5 }
}

export interface TimeMargins {
  left: number
  right: number
}

/**
 * The scale from simulated ms to x. The right margin leaves room for the outcome's words after the
 * last event; the domain is [0, end] exactly, so the end of playback is the right edge.
 */
export function timeScale(end: number, width: number, margins: TimeMargins): TimeScale {
  const right = Math.max(margins.left + 1, width - margins.right)
  return scaleLinear()
    .domain([0, Math.max(end, 1)])
    .range([margins.left, right])
}

/** About one tick per 90 px, on round numbers of milliseconds. */
export function timeTicks(scale: TimeScale): number[] {
  const [a, b] = scale.range() as [number, number]
  const count = Math.max(2, Math.floor(Math.abs(b - a) / 90))
  return scale.ticks(count)
}

/** "0 ms", "1,500 ms": the unit on every tick, since a diagram may be read alone (embeds, exports). */
export function formatMs(ms: number): string {
  const rounded = Math.abs(ms) >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10
  return `${rounded.toLocaleString('en')} ms`
}

/** A tick label: unitless, except the first, which carries the unit once. */
export function formatTick(ms: number, index: number): string {
  return index === 0 ? formatMs(ms) : Math.round(ms).toLocaleString('en')
}

/** "517 B", "3.9 kB" (decimal kilobytes, as on the wire). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`
  const kb = bytes / 1000
  return `${kb >= 100 ? Math.round(kb) : Math.round(kb * 10) / 10} kB`
}
