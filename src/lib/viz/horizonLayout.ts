/**
 * The days timeline's geometry, with no DOM: which row stands where (the outages band, plain
 * OCSP's two strips, then per lane a heading, the staple row and two strips), which row a pointer
 * is over, and run-length bars on the hour scale (a year is 8,784 hours, drawn as a few rects).
 */
import { serverStrategyNames } from '../labels.ts'
import type { FetchMark, Lane, Segment, StripMode } from '../days/lanes.ts'

/** The axis above the rows: tick labels sit in it, the grid runs down from it. */
export const horizonAxisHeight = 34

export type HorizonRow =
  | { kind: 'outages'; y: number; h: number }
  | { kind: 'heading'; y: number; h: number; text: string; sub: string; lane: Lane | null }
  | { kind: 'strip'; y: number; h: number; mode: StripMode; lane: Lane; label: string }
  | { kind: 'staple'; y: number; h: number; lane: Lane }

const plainModes = ['ocsp-hard-fail', 'ocsp-soft-fail'] as const satisfies readonly StripMode[]
const laneModes = ['stapling', 'must-staple'] as const satisfies readonly StripMode[]
const stripLabels: Record<StripMode, string> = {
  'ocsp-hard-fail': 'hard-fail',
  'ocsp-soft-fail': 'soft-fail',
  stapling: 'stapling',
  'must-staple': 'must-staple',
}

/** The rows top to bottom, and the chart's height. Plain OCSP reads the first lane (it has no server). */
export function horizonRows(lanes: readonly Lane[]): { rows: HorizonRow[]; height: number } {
  const rows: HorizonRow[] = []
  let y = horizonAxisHeight + 6
  const push = (row: HorizonRow, gap: number) => {
    rows.push(row)
    y += row.h + gap
  }
  const strips = (lane: Lane, modes: readonly StripMode[]) => {
    for (const mode of modes) push({ kind: 'strip', y, h: 12, mode, lane, label: stripLabels[mode] }, 3)
    y += 8
  }
  push({ kind: 'outages', y, h: 22 }, 8)
  const first = lanes[0]
  if (first) {
    push(
      { kind: 'heading', y, h: 16, text: 'Plain OCSP', sub: 'every client asks the responder', lane: null },
      2,
    )
    strips(first, plainModes)
  }
  for (const lane of lanes) {
    const { name, like } = serverStrategyNames[lane.strategy]
    push({ kind: 'heading', y, h: 16, text: `${name} server`, sub: like, lane }, 10)
    push({ kind: 'staple', y, h: 14, lane }, 4)
    strips(lane, laneModes)
  }
  return { rows, height: y + 4 }
}

/** The row under a pointer at `py` (the staple row includes the fetch marks above it). */
export function rowAt(rows: readonly HorizonRow[], py: number): HorizonRow | null {
  return rows.find((r) => py >= r.y - (r.kind === 'staple' ? 9 : 1) && py <= r.y + r.h + 1) ?? null
}

export interface Bar<T> {
  x: number
  width: number
  value: T
}

/**
 * Segments as bars on the scale `x`, cut to [0, hours]; at least half a pixel wide, so a short
 * state stays visible on a year's chart.
 */
export function segmentBars<T>(
  segments: readonly Segment<T>[],
  x: (hour: number) => number,
  hours: number,
): Bar<T>[] {
  const clip = (h: number) => x(Math.min(Math.max(h, 0), hours))
  return segments.map((s) => ({
    x: clip(s.start),
    width: Math.max(0.5, clip(s.end) - clip(s.start)),
    value: s.value,
  }))
}

/** One element of a staple row's fetch marks: a run of ticks, or one cross. */
export interface FetchMarkShape {
  kind: 'ticks' | 'cross'
  d: string
}

/**
 * A staple row's fetch marks as paths in time order: each run of answered fetches' ticks (7 px above
 * the row) as one path, each failed fetch a cross of its own. A year of hourly fetches is hundreds of
 * ticks; as a few paths per lane they cost the page a few attributes to redraw, not hundreds of
 * elements to create. Crosses stay one element each (failures are few: retries close together share
 * a mark), since crossing strokes in one path fill by winding where neighbours touch; time order keeps
 * a later mark drawn over an earlier one, as when each mark was an element. The tooltip finds marks
 * by position, not by element.
 */
export function fetchMarkShapes(
  marks: readonly FetchMark[],
  x: (hour: number) => number,
  rowY: number,
): FetchMarkShape[] {
  const shapes: FetchMarkShape[] = []
  for (const m of marks) {
    const mx = x(m.hour)
    const last = shapes[shapes.length - 1]
    if (!m.ok)
      shapes.push({
        kind: 'cross',
        d: `M${mx - 3} ${rowY - 8} L${mx + 3} ${rowY - 2} M${mx + 3} ${rowY - 8} L${mx - 3} ${rowY - 2}`,
      })
    else if (last?.kind === 'ticks') last.d += `M${mx} ${rowY - 8}V${rowY - 1}`
    else shapes.push({ kind: 'ticks', d: `M${mx} ${rowY - 8}V${rowY - 1}` })
  }
  return shapes
}
