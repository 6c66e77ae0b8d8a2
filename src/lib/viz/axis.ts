/**
 * The time axis as a Svelte action: d3-axis draws the ticks into a <g> that Svelte leaves empty.
 * Ticks run through the lanes as faint grid lines (tickSizeInner = -gridLength): down from an axis
 * along the top of a horizontal diagram, right from an axis down the left of a vertical one, so
 * every diagram can be read against the shared axis without a ruler.
 */
import { axisLeft, axisTop } from 'd3-axis'
import { select } from 'd3-selection'
import { formatMillisecondTick } from '../format.ts'
import { timeTicks, type TimeGap, type TimeScale } from './timeScale.ts'

export interface AxisParams {
  scale: TimeScale
  /** Length of the grid lines across the lanes. */
  gridLength: number
  /** Where the axis runs: along the top (horizontal diagram) or down the left (vertical). */
  orientation?: 'horizontal' | 'vertical'
  /** Shortened idle stretches: no tick falls inside one. */
  gaps?: readonly TimeGap[]
}

export function timeAxis(g: SVGGElement, initial: AxisParams) {
  function render({ scale, gridLength, gaps = [], orientation = 'horizontal' }: AxisParams): void {
    const ticks = timeTicks(scale, gaps)
    const axis = (orientation === 'horizontal' ? axisTop(scale) : axisLeft(scale))
      .tickValues(ticks)
      .tickFormat((d, i) => formatMillisecondTick(Number(d), i))
      .tickSizeInner(-gridLength)
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
