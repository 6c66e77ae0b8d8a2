/**
 * A Svelte action that lets d3-axis draw a millisecond axis into an SVG group: Svelte owns every
 * other element, d3 only the ticks inside this <g>.
 */
import { axisTop } from 'd3-axis'
import { scaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import type { Action } from 'svelte/action'
import { formatMillisecondTick } from '../../../lib/format.ts'

export interface TimeAxisParams {
  /** The end of the (niced) domain in ms; the domain starts at 0. */
  domainEnd: number
  /** The axis length in pixels. */
  width: number
  /** Tick values, shared with the grid lines behind the bars. */
  ticks: number[]
}

function draw(node: SVGGElement, p: TimeAxisParams): void {
  const x = scaleLinear()
    .domain([0, p.domainEnd])
    .range([0, Math.max(0, p.width)])
  select(node).call(
    axisTop<number>(x)
      .tickValues(p.ticks)
      // The unit rides on the first tick, which hangs right of 0 where nothing can collide with it.
      .tickFormat((d, i) => formatMillisecondTick(d, i))
      .tickSizeOuter(0)
      .tickSizeInner(4),
  )
}

export const timeAxis: Action<SVGGElement, TimeAxisParams> = (node, params) => {
  draw(node, params)
  return { update: (next: TimeAxisParams) => draw(node, next) }
}

/** A niced domain end and about one tick per 90 px, so labels never collide at 360 px. */
export function timeTicks(maxMs: number, width: number): { domainEnd: number; ticks: number[] } {
  const count = Math.max(2, Math.floor(width / 90))
  const x = scaleLinear()
    .domain([0, maxMs > 0 ? maxMs : 1])
    .nice(count)
  const domainEnd = x.domain()[1]
  return { domainEnd, ticks: x.ticks(count) }
}
