/**
 * The axes of the panels and the days view, as Svelte actions: d3-axis draws the ticks into a <g>
 * that Svelte leaves empty, and Svelte owns every other element. The one place that imports
 * d3-axis, so components never touch d3 (docs/architecture.md: D3 lives in src/lib/viz). The
 * handshake diagrams' time axis is data (timeAxis.ts) that Svelte draws itself, so that the first
 * screen loads neither d3-axis nor d3-selection.
 *
 * - `durationAxis`: the latency bars' millisecond axis;
 * - `daysAxis`: the days view, a linear scale in hours since the start (the engine's clock), with
 *   day boundaries as grid lines and day names between them;
 * - `logAxis`: the CA load chart, powers of ten only.
 */
import { axisBottom, axisTop } from 'd3-axis'
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale'
import { select } from 'd3-selection'
import type { Action } from 'svelte/action'
import { formatMillisecondTick } from '../format.ts'

/**
 * d3-axis sets presentation attributes (fill, font-size, font-family); the stylesheet owns the
 * look. The domain path goes too, unless the chart draws it as its baseline.
 */
function clean(g: SVGGElement, domain: 'remove' | 'keep' = 'remove'): void {
  select(g).attr('font-size', null).attr('font-family', null).attr('fill', null)
  if (domain === 'remove') select(g).select('.domain').remove()
}

/** An action from a draw function: drawn on mount and on every parameter change. */
function axisAction<P>(draw: (g: SVGGElement, params: P) => void) {
  return (node: SVGGElement, params: P): ReturnType<Action<SVGGElement, P>> => {
    draw(node, params)
    return { update: (next: P) => draw(node, next) }
  }
}

export interface DurationAxisParams {
  /** The end of the (niced) domain in ms; the domain starts at 0. */
  domainEnd: number
  /** The axis length in pixels. */
  width: number
  /** Tick values, shared with the grid lines behind the bars. */
  ticks: number[]
}

export const durationAxis = axisAction<DurationAxisParams>((g, p) => {
  const x = scaleLinear()
    .domain([0, p.domainEnd])
    .range([0, Math.max(0, p.width)])
  select(g).call(
    axisTop<number>(x)
      .tickValues(p.ticks)
      // The unit rides on the first tick, which hangs right of 0 where nothing can collide with it.
      .tickFormat((d, i) => formatMillisecondTick(d, i))
      .tickSizeOuter(0)
      .tickSizeInner(4),
  )
  clean(g, 'keep')
})

/** A niced domain end and about one tick per 90 px, so labels never collide at 360 px. */
export function durationTicks(maxMs: number, width: number): { domainEnd: number; ticks: number[] } {
  const count = Math.max(2, Math.floor(width / 90))
  const x = scaleLinear()
    .domain([0, maxMs > 0 ? maxMs : 1])
    .nice(count)
  const domainEnd = x.domain()[1]
  return { domainEnd, ticks: x.ticks(count) }
}

export type HourScale = ScaleLinear<number, number>

export function hourScale(hours: number, left: number, right: number): HourScale {
  return scaleLinear()
    .domain([0, Math.max(1, hours)])
    .range([left, Math.max(left + 1, right)])
}

/** Every `step` days, so day names stay about 56 px apart (a year at 1,440 px names every 28th). */
export function dayStep(pxPerDay: number): number {
  for (const step of [1, 2, 7, 14, 28, 56, 112]) if (pxPerDay * step >= 56) return step
  return 183
}

/** Hour ticks inside a day when there is room: every 6 hours from about 6 px an hour. */
export function hourStep(pxPerHour: number): number | null {
  if (pxPerHour * 3 >= 16) return 3
  if (pxPerHour * 6 >= 12) return 6
  if (pxPerHour * 12 >= 12) return 12
  return null
}

export interface DaysAxisParams {
  x: HourScale
  hours: number
  /** Height of the grid lines below the axis. */
  gridHeight: number
}

function drawDays(g: SVGGElement, { x, hours, gridHeight }: DaysAxisParams): void {
  const [a, b] = x.range() as [number, number]
  const pxPerHour = (b - a) / Math.max(1, hours)
  const step = dayStep(pxPerHour * 24)
  const days = Math.ceil(hours / 24)
  const boundaries = Array.from({ length: Math.floor(days / step) + 1 }, (_, i) => i * step * 24).filter(
    (h) => h <= hours,
  )
  // One day a label: at its middle. Sparser: at the boundary where the named day starts.
  const days0 = Array.from({ length: days }, (_, d) => d).filter((d) => d % step === 0)
  const names = days0.map((d) => (step === 1 ? d * 24 + Math.min(12, (hours - d * 24) / 2) : d * 24))
  const root = select(g)
  root.selectAll('g.bounds').data([0]).join('g').attr('class', 'bounds')
  root.selectAll('g.names').data([0]).join('g').attr('class', 'names')
  root.selectAll('g.hours').data([0]).join('g').attr('class', 'hours')
  const bounds = root.select<SVGGElement>('g.bounds')
  bounds.call(
    axisBottom(x)
      .tickValues(boundaries)
      .tickFormat(() => '')
      .tickSizeInner(gridHeight)
      .tickSizeOuter(0),
  )
  clean(bounds.node()!)
  const labels = root.select<SVGGElement>('g.names')
  labels.call(
    axisTop(x)
      .tickValues(names)
      .tickFormat((_, i) => `Day ${days0[i]! + 1}`)
      .tickSize(0)
      .tickPadding(4),
  )
  clean(labels.node()!)
  // A boundary label starts at its day's first hour, so it reads as the day to its right.
  labels
    .selectAll('text')
    .attr('text-anchor', step === 1 ? 'middle' : 'start')
    .attr('dx', step === 1 ? 0 : 3)
  const hs = hourStep(pxPerHour)
  const hourTicks =
    hs === null
      ? []
      : Array.from({ length: Math.floor(hours / hs) + 1 }, (_, i) => i * hs).filter(
          (h) => h % 24 !== 0 && h < hours,
        )
  const minor = root.select<SVGGElement>('g.hours')
  minor.call(
    axisBottom(x)
      .tickValues(hourTicks)
      .tickFormat((h) => (pxPerHour * (hs ?? 24) >= 40 ? `${Number(h) % 24}h` : ''))
      .tickSizeInner(4)
      .tickSizeOuter(0)
      .tickPadding(1),
  )
  clean(minor.node()!)
}

export const daysAxis = axisAction(drawDays)

export interface LogAxisParams {
  x: ScaleLogarithmic<number, number>
  gridHeight: number
  format: (n: number) => string
}

/** Powers of ten only: a log axis reads by its decades. */
function drawLog(g: SVGGElement, { x, gridHeight, format }: LogAxisParams): void {
  const [lo, hi] = x.domain() as [number, number]
  const ticks: number[] = []
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) ticks.push(10 ** e)
  const [a, b] = x.range() as [number, number]
  const every = Math.max(1, Math.ceil(ticks.length / Math.max(2, Math.floor((b - a) / 48))))
  select(g).call(
    axisBottom(x)
      .tickValues(ticks)
      .tickFormat((d, i) => (i % every === 0 ? format(Number(d)) : ''))
      .tickSizeInner(-gridHeight)
      .tickSizeOuter(0)
      .tickPadding(6),
  )
  clean(g)
}

export const logAxis = axisAction(drawLog)

/** A log scale from the decade below the smallest value to the decade above the largest. */
export function decadeScale(
  values: readonly number[],
  left: number,
  right: number,
): ScaleLogarithmic<number, number> {
  const positive = values.filter((v) => v > 0)
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive, 1)))
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive, 10)))
  return scaleLog().domain([lo, hi]).range([left, right]).clamp(true)
}
