/**
 * The handshake diagrams' millisecond axis as data: where each tick sits and what it says.
 * TimeAxis.svelte draws it in d3-axis's own layout (d3-axis 3.0.0 src/axis.js: a `g.tick` per value
 * with its line and text, the line through the lanes as a faint grid line), so the stylesheet and
 * the SVG export see the same markup as before. Svelte draws it rather than d3-axis's selection:
 * the prerendered first frame then has its ticks too, and the first screen does without
 * d3-selection and d3-axis (issue 14: under 75 kB gzip).
 */
import { formatMillisecondTick } from '../format.ts'
import { timeTicks, type TimeGap, type TimeScale } from './timeScale.ts'

export interface AxisTick {
  /** The tick's time in simulated ms, its key. */
  ms: number
  /** Where it sits along the axis, in px. */
  at: number
  label: string
}

/**
 * d3-axis moves each tick half a pixel on a screen of one device pixel per CSS pixel, so a
 * one-pixel grid line covers one row of pixels instead of blurring over two (src/axis.js `offset`).
 */
export function crispOffset(devicePixelRatio: number): number {
  return devicePixelRatio > 1 ? 0 : 0.5
}

/** The ticks of a diagram's time axis: none inside a shortened gap; labels off for a slide's rows. */
export function timeAxisTicks(
  scale: TimeScale,
  gaps: readonly TimeGap[] = [],
  labels = true,
  offset = 0.5,
): AxisTick[] {
  return timeTicks(scale, gaps).map((ms, i) => ({
    ms,
    at: scale(ms) + offset,
    label: labels ? formatMillisecondTick(ms, i) : '',
  }))
}
