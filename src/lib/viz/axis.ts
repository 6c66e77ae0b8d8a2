/**
 * The time axis as a Svelte action: d3-axis draws the ticks into a <g> that Svelte leaves empty.
 * Ticks run down through the lanes as faint grid lines (tickSizeInner = -gridHeight), so every
 * diagram can be read against the shared axis without a ruler.
 */
import { axisTop } from 'd3-axis'
import { select } from 'd3-selection'
import { formatMillisecondTick } from '../format.ts'
import { timeTicks, type TimeGap, type TimeScale } from './timeScale.ts'

export interface AxisParams {
  scale: TimeScale
  /** Length of the grid lines below the axis (the height of the lanes). */
  gridHeight: number
  /** Shortened idle stretches: no tick falls inside one. */
  gaps?: readonly TimeGap[]
}

export function timeAxis(g: SVGGElement, initial: AxisParams) {
  function render({ scale, gridHeight, gaps = [] }: AxisParams): void {
    const ticks = timeTicks(scale, gaps)
    const axis = axisTop(scale)
      .tickValues(ticks)
      .tickFormat((d, i) => formatMillisecondTick(Number(d), i))
      .tickSizeInner(-gridHeight)
      .tickSizeOuter(0)
      .tickPadding(6)
    select(g).call(axis)
    // d3-axis sets presentation attributes (fill, font-size); the stylesheet owns the look.
    select(g).attr('font-size', null).attr('font-family', null).attr('fill', null)
    select(g).select('.domain').remove()
  }
  render(initial)
  return {
    update(next: AxisParams) {
      render(next)
    },
  }
}
