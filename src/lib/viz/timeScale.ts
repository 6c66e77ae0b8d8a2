/**
 * The shared time axis: one linear scale in simulated milliseconds for every diagram, so the same
 * x means the same instant in all four modes and a longer wait is a longer span.
 */
import { bisectRight } from 'd3-array'
import type { Run } from '../sim/types.ts'

/** Simulated ms to px: callable, with the stops it was made from. */
export interface TimeScale {
  (ms: number): number
  domain(): number[]
  range(): number[]
}

/**
 * A piecewise linear map through the stops (domain[i], range[i]), as d3-scale's scaleLinear maps
 * them (d3-scale 4.0.2 src/continuous.js: `bimap`/`polymap`, numbers through d3-interpolate's
 * interpolateNumber): beyond the first or last stop the nearest piece goes on; a piece of no length
 * maps to its middle. Written out here because scaleLinear also brings d3-interpolate's generic value
 * interpolator, d3-color and d3-format (about 8 kB gzip on the first screen, issue 14) for colours,
 * strings and tick formats this axis never uses.
 */
export function piecewiseLinear(domain: readonly number[], range: readonly number[]): TimeScale {
  const last = Math.min(domain.length, range.length) - 1
  const scale = (ms: number): number => {
    const i = bisectRight(domain, ms, 1, last) - 1
    const d0 = domain[i]!
    const span = domain[i + 1]! - d0
    const t = span ? (ms - d0) / span : 0.5
    return range[i]! * (1 - t) + range[i + 1]! * t
  }
  scale.domain = () => domain.slice(0, last + 1)
  scale.range = () => range.slice(0, last + 1)
  return scale
}

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

/**
 * Below about 560 px a 250 ms handshake's labels collide on a horizontal axis: narrower diagrams
 * are drawn as vertical sequence charts instead (frame.ts).
 */
export const minPlotWidth = 560

export interface TimeMargins {
  left: number
  right: number
}

/**
 * A stretch of time in which nothing is sent, arrives or is decided in any diagram (a client sitting
 * out a 2 s timeout). Drawn at its true length it squeezes the 100 ms handshake into a few pixels,
 * so the axis may shorten it to a fixed width, marked as a break.
 */
export interface TimeGap {
  start: number
  end: number
}

export interface GapOptions {
  /** Shorten only gaps at least this long... */
  minMs: number
  /** ...and at least this share of the whole axis. */
  minShare: number
  /** Activity keeps this much air around it (share of the axis), so arrows do not touch a break. */
  padShare: number
}

export const defaultGapOptions: GapOptions = { minMs: 200, minShare: 0.2, padShare: 0.015 }

/** Idle stretches shared by all runs (a gap must be idle in every diagram, since the axis is shared). */
export function idleGaps(
  runs: readonly Run[],
  end: number,
  options: GapOptions = defaultGapOptions,
): TimeGap[] {
  const pad = end * options.padShare
  const busy: [number, number][] = [[0, 0]]
  for (const run of runs) {
    busy.push([run.handshakeMs, run.handshakeMs])
    for (const e of run.events) busy.push([e.t, e.arrive])
    for (const l of run.ledger) busy.push([l.at, l.at])
    for (const w of run.waits) busy.push([w.start, w.start], [w.end, w.end])
  }
  busy.push([end, end])
  busy.sort((a, b) => a[0] - b[0])
  const gaps: TimeGap[] = []
  let reach = busy[0]![1]
  for (const [start, stop] of busy) {
    const gapStart = reach + pad
    const gapEnd = start - pad
    if (gapEnd - gapStart >= options.minMs && gapEnd - gapStart >= end * options.minShare) {
      gaps.push({ start: gapStart, end: gapEnd })
    }
    reach = Math.max(reach, stop)
  }
  return gaps
}

/** Pixels a shortened gap takes on the axis. */
export const gapWidth = 44

/**
 * The scale from simulated ms to x. The domain is [0, end] exactly, so the end of playback is the
 * right edge. With gaps it is piecewise linear (as a d3 polylinear scale): every stretch of activity
 * gets the same pixels per ms, every gap `gapWidth` pixels.
 */
export function timeScale(
  end: number,
  width: number,
  margins: TimeMargins,
  gaps: readonly TimeGap[] = [],
): TimeScale {
  const left = margins.left
  const right = Math.max(left + 1, width - margins.right)
  const domainEnd = Math.max(end, 1)
  const inside = gaps.filter((g) => g.start > 0 && g.end < domainEnd && g.end > g.start)
  const gapMs = inside.reduce((sum, g) => sum + (g.end - g.start), 0)
  const livePx = right - left - inside.length * gapWidth
  if (inside.length === 0 || livePx <= 0) return piecewiseLinear([0, domainEnd], [left, right])
  const pxPerMs = livePx / (domainEnd - gapMs)
  const domain = [0]
  const range = [left]
  let t = 0
  let x = left
  for (const g of inside) {
    x += (g.start - t) * pxPerMs
    domain.push(g.start)
    range.push(x)
    x += gapWidth
    domain.push(g.end)
    range.push(x)
    t = g.end
  }
  domain.push(domainEnd)
  range.push(right)
  return piecewiseLinear(domain, range)
}

/** The pixel extent of the scale (its range may have more than two stops). */
export function rangeExtent(scale: TimeScale): [number, number] {
  const range = scale.range()
  return [range[0] ?? 0, range[range.length - 1] ?? 0]
}

/** The least room between two ticks, in px. */
const minTickGapPx = 90

/** The least room between two ticks where 90 px leaves no room for a second tick at all. */
const minCrowdedTickGapPx = 42

/** The smallest round step (1, 2 or 5 times a power of ten) of at least `ms`. */
function roundStep(ms: number): number {
  const power = 10 ** Math.floor(Math.log10(ms))
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= ms) ?? 10 * power
}

/** The round step below a round step: 5 -> 2 -> 1 -> 0.5. */
function roundStepBelow(step: number): number {
  const lead = Math.round(step / 10 ** Math.floor(Math.log10(step)))
  return lead === 5 ? (step * 2) / 5 : step / 2
}

/**
 * Ticks on round numbers of milliseconds, at least 90 px apart: the smallest round step that leaves
 * that much room at the scale's pixels per millisecond. Not d3's "about one tick per 90 px of width"
 * (a tick count): the prerendered first frame is drawn at 960 px and shown scaled to its column,
 * 928 px on a 1280 px screen, where a count of 9 ticks against 8 gave 20 ms steps in the frame and
 * 50 ms in the live diagram that replaces it. By pixels per millisecond both are 50 ms.
 * On a scale with gaps, each stretch of activity gets its own ticks and none falls inside a gap or
 * crowds its neighbour.
 */
export function timeTicks(scale: TimeScale, gaps: readonly TimeGap[] = []): number[] {
  const domain = scale.domain()
  const start = domain[0] ?? 0
  const stop = domain[domain.length - 1] ?? 0
  const inside = gaps.filter((g) => g.start > start && g.end < stop)
  const pieces: [number, number][] = []
  let t = start
  for (const g of inside) {
    pieces.push([t, g.start])
    t = g.end
  }
  pieces.push([t, stop])
  const ticks: number[] = []
  for (const [a, b] of pieces) {
    const px = Math.abs(scale(b) - scale(a))
    if (px < 30) continue
    const pxPerMs = px / (b - a)
    let step = roundStep(minTickGapPx / pxPerMs)
    // A stretch too short for a second tick that far on gets the next round step down, if it has room.
    if (step > b - a && roundStepBelow(step) * pxPerMs >= minCrowdedTickGapPx) step = roundStepBelow(step)
    for (const tick of stepTicks(a, b, step)) {
      const last = ticks[ticks.length - 1]
      if (last === undefined || Math.abs(scale(tick) - scale(last)) >= minCrowdedTickGapPx) ticks.push(tick)
    }
  }
  return [...new Set(ticks)].sort((a, b) => a - b)
}

/** The multiples of `step` from `a` to `b`, written as short as the step is (no 0.30000000000000004). */
function stepTicks(a: number, b: number, step: number): number[] {
  const digits = Math.max(0, -Math.floor(Math.log10(step)))
  const out: number[] = []
  for (let k = Math.ceil(a / step); k * step <= b; k++) out.push(Number((k * step).toFixed(digits)))
  return out
}
