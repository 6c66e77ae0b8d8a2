/**
 * Greedy label placement. Every label (an arrow's words, a wait's duration, a leak's words, the
 * outcome) offers candidate texts, long to short, and candidate spots, best first; the first spot
 * whose box stays inside the plot, clear of every box already placed, of the fixed marks
 * (obstacles) and of every arrow segment wins. A label with no free spot is left out rather than
 * drawn over something: an arrow's details stay one hover or focus away, and the text alternative
 * lists it in full.
 *
 * Widths come from a measure function (the page measures with the real font on a canvas); the
 * default estimate from the character count keeps this pure and testable, and is a little generous
 * so estimated text never spills.
 */
import type { Segment } from './arrow.ts'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface Point {
  x: number
  y: number
}

/** Width of a text in pixels at a font size; `bold` for the heavier outcome words. */
export type TextMeasure = (text: string, fontSize: number, bold?: boolean) => number

/** Where a text box of this size may go, best first. */
export type SpotFinder = (width: number, height: number) => readonly Box[]

export interface LabelRequest<Id> {
  id: Id
  /** Candidate texts, most informative first. */
  texts: readonly string[]
  fontSize: number
  bold?: boolean
  spots: SpotFinder
  /**
   * The arrow the label names: its box must sit nearer to it than to any other arrow, so a reader
   * never pins the words on the wrong message.
   */
  owner?: Segment
}

/** A line of text where it is drawn. */
export interface TextBox {
  text: string
  /** Anchor of the text: its left edge (text-anchor start) and its vertical centre. */
  x: number
  y: number
  box: Box
}

export interface PlacedLabel<Id> extends TextBox {
  id: Id
}

export interface PlacementOptions {
  /** The area labels must stay inside. */
  bounds: Box
  /** Boxes nothing may cover (lane names, eyes, arrow tips, outcome marks). */
  obstacles?: readonly Box[]
  /** Arrows no label may cross. */
  segments?: readonly Segment[]
  measure?: TextMeasure
}

/** Pixels kept clear between two labels, so neighbours never read as one phrase. */
const labelAir = 4

/** Average advance of DejaVu Sans / system UI fonts in ems (~0.55-0.6 for this text): generous. */
const emPerChar = 0.62

export const estimateTextWidth: TextMeasure = (text, fontSize, bold = false) =>
  Math.ceil(text.length * fontSize * emPerChar * (bold ? 1.08 : 1))

/** Kept for callers that only need an estimate. */
export function textWidth(text: string, fontSize: number): number {
  return estimateTextWidth(text, fontSize)
}

/** A text line's box height: the font's ascent plus descent (about 1.16 em for DejaVu Sans) with air. */
export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3)
}

export function overlaps(a: Box, b: Box, pad = 1): boolean {
  return (
    a.x < b.x + b.width + pad &&
    b.x < a.x + a.width + pad &&
    a.y < b.y + b.height + pad &&
    b.y < a.y + a.height + pad
  )
}

export function inside(a: Box, bounds: Box): boolean {
  return (
    a.x >= bounds.x &&
    a.y >= bounds.y &&
    a.x + a.width <= bounds.x + bounds.width &&
    a.y + a.height <= bounds.y + bounds.height
  )
}

/**
 * Does the segment pass through the box (grown by `pad` on every side)? Liang-Barsky clipping:
 * the part of the segment inside the box's four half-planes is empty exactly when they miss.
 */
export function crossesBox(s: Segment, b: Box, pad = 0): boolean {
  // Most segments are nowhere near: their bounding boxes do not even meet.
  if (Math.max(s.x1, s.x2) < b.x - pad || Math.min(s.x1, s.x2) > b.x + b.width + pad) return false
  if (Math.max(s.y1, s.y2) < b.y - pad || Math.min(s.y1, s.y2) > b.y + b.height + pad) return false
  const dx = s.x2 - s.x1
  const dy = s.y2 - s.y1
  const p = [-dx, dx, -dy, dy]
  const q = [s.x1 - (b.x - pad), b.x + b.width + pad - s.x1, s.y1 - (b.y - pad), b.y + b.height + pad - s.y1]
  let t0 = 0
  let t1 = 1
  for (let i = 0; i < 4; i++) {
    const pi = p[i]!
    const qi = q[i]!
    if (pi === 0) {
      if (qi < 0) return false
      continue
    }
    const r = qi / pi
    if (pi < 0) {
      if (r > t1) return false
      if (r > t0) t0 = r
    } else {
      if (r < t0) return false
      if (r < t1) t1 = r
    }
  }
  return t0 <= t1
}

/** Distance from a point to the nearest point of a segment. */
export function distanceToSegment(p: Point, s: Segment): number {
  const dx = s.x2 - s.x1
  const dy = s.y2 - s.y1
  const length2 = dx * dx + dy * dy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - s.x1) * dx + (p.y - s.y1) * dy) / length2))
  return Math.hypot(p.x - (s.x1 + t * dx), p.y - (s.y1 + t * dy))
}

function distanceFrom(box: Box, s: Segment): number {
  return distanceToSegment({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, middle(s))
}

/** How far a box's nearest edge is from the middle of a segment (sampled along it). */
function gapTo(box: Box, s: Segment, within = Infinity): number {
  const m = middle(s)
  // The gap between the two bounding boxes is a lower bound: most far spots stop here.
  const bx = Math.max(box.x - Math.max(m.x1, m.x2), 0, Math.min(m.x1, m.x2) - box.x - box.width)
  const by = Math.max(box.y - Math.max(m.y1, m.y2), 0, Math.min(m.y1, m.y2) - box.y - box.height)
  if (Math.hypot(bx, by) > within) return Math.hypot(bx, by)
  let best = Infinity
  for (let i = 0; i <= 8; i++) {
    const x = m.x1 + ((m.x2 - m.x1) * i) / 8
    const y = m.y1 + ((m.y2 - m.y1) * i) / 8
    const dx = Math.max(box.x - x, 0, x - box.x - box.width)
    const dy = Math.max(box.y - y, 0, y - box.y - box.height)
    best = Math.min(best, Math.hypot(dx, dy))
  }
  return best
}

const middles = new WeakMap<Segment, Segment>()

/** The middle four fifths of a segment (kept per segment: the placer asks thousands of times). */
function middle(s: Segment): Segment {
  let m = middles.get(s)
  if (!m) {
    const dx = s.x2 - s.x1
    const dy = s.y2 - s.y1
    m = { x1: s.x1 + dx * 0.1, y1: s.y1 + dy * 0.1, x2: s.x2 - dx * 0.1, y2: s.y2 - dy * 0.1 }
    middles.set(s, m)
  }
  return m
}

/** Points along an arrow where its label may sit, centre first. */
const fractions = [0.5, 0.38, 0.62, 0.25, 0.75, 0.14, 0.86]

/**
 * Spots around an arrow: beside it (for steep arrows, whose labels sit left or right of the
 * slant), above and below it in up to three rows, centred on or hanging from a point on it (for
 * flat arrows, as in the vertical sequence chart). Ordered by how far the box's centre is from the
 * arrow's middle, so a label reads as belonging to its arrow.
 */
export interface ArrowSpotOptions {
  gap?: number
  /** Keep the label between the arrow's two ends vertically (lanes as rows: not across another lane). */
  withinEnds?: boolean
  /**
   * Try first past the arrow's ends, level with its middle (a sequence chart's arrows are flat
   * and stacked: the free room is beside the columns they join, not above or below them).
   */
  endsFirst?: boolean
}

export function spotsAlongArrow(s: Segment, options: ArrowSpotOptions = {}): SpotFinder {
  const gap = options.gap ?? 4
  // Between its two lanes (rows): a label across another lane line would read as that lane's.
  const top = Math.min(s.y1, s.y2) - 2
  const bottom = Math.max(s.y1, s.y2) + 2
  return (width, height) => {
    const dx = s.x2 - s.x1
    const dy = s.y2 - s.y1
    // How far the arrow moves sideways over half a label's height: a label beside it must clear that.
    const slant = Math.abs(dy) < 1e-6 ? Infinity : Math.abs(dx / dy) * (height / 2)
    const mid = { x: s.x1 + dx / 2, y: s.y1 + dy / 2 }
    const scored: { box: Box; cost: number }[] = []
    fractions.forEach((f, rank) => {
      const p = { x: s.x1 + dx * f, y: s.y1 + dy * f }
      const add = (x: number, y: number) => {
        if (options.withinEnds && (y < top || y + height > bottom)) return
        const box = { x, y, width, height }
        const cost = Math.hypot(x + width / 2 - mid.x, y + height / 2 - mid.y) + rank * 2
        scored.push({ box, cost })
      }
      if (Number.isFinite(slant) && slant <= 40) {
        const offset = gap + slant
        for (const shift of [0, -1, 1]) {
          add(p.x + offset, p.y - height / 2 + shift * height)
          add(p.x - offset - width, p.y - height / 2 + shift * height)
        }
      }
      for (let row = 0; row < 3; row++) {
        const above = p.y - gap - height - row * height
        const below = p.y + gap + row * height
        for (const x of [p.x - width / 2, p.x + gap, p.x - gap - width]) {
          add(x, above)
          add(x, below)
        }
      }
    })
    const sorted = scored.sort((a, b) => a.cost - b.cost).map((c) => c.box)
    if (!options.endsFirst) return sorted
    const ends: Box[] = []
    for (const shift of [0, -0.5, 0.5]) {
      const y = mid.y - height / 2 + shift * height
      ends.push({ x: Math.max(s.x1, s.x2) + gap + 2, y, width, height })
      ends.push({ x: Math.min(s.x1, s.x2) - gap - 2 - width, y, width, height })
    }
    return [...ends, ...sorted]
  }
}

/**
 * Spots around a fixed mark (an eye, the outcome dot): right, left, below and above it, then the
 * corners, each `gap` away from the mark's box.
 */
export function spotsAroundMark(mark: Box, gap = 3, prefer: 'below' | 'beside' = 'beside'): SpotFinder {
  return (width, height) => {
    const cy = mark.y + mark.height / 2 - height / 2
    const cx = mark.x + mark.width / 2 - width / 2
    const right = mark.x + mark.width + gap
    const left = mark.x - gap - width
    const below = mark.y + mark.height + gap
    const above = mark.y - gap - height
    const beside: Box[] = [
      { x: right, y: cy, width, height },
      { x: left, y: cy, width, height },
    ]
    const vertical: Box[] = [
      { x: cx, y: below, width, height },
      { x: cx, y: above, width, height },
    ]
    const corners: Box[] = [
      { x: mark.x, y: below, width, height },
      { x: mark.x + mark.width - width, y: below, width, height },
      { x: right, y: below, width, height },
      { x: left, y: below, width, height },
      { x: right, y: above, width, height },
      { x: left, y: above, width, height },
      { x: right, y: cy - height, width, height },
      { x: right, y: cy + height, width, height },
      { x: left, y: cy - height, width, height },
      { x: left, y: cy + height, width, height },
    ]
    return prefer === 'below' ? [...vertical, ...corners, ...beside] : [...beside, ...vertical, ...corners]
  }
}

/**
 * Two passes: first every request gets its shortest text where it fits (coverage first: a named
 * arrow beats a few long labels), then, in order, each placed label grows to the longest text that
 * still fits. Requests are served in the order given, so put the ones that matter most first.
 */
export function placeLabels<Id>(
  requests: readonly LabelRequest<Id>[],
  options: PlacementOptions,
): Map<Id, PlacedLabel<Id>> {
  const { bounds } = options
  const measure = options.measure ?? estimateTextWidth
  const obstacles = options.obstacles ?? []
  const segments = options.segments ?? []
  const placed = new Map<Id, PlacedLabel<Id>>()

  function free(box: Box, taken: readonly Box[], owner: Segment | undefined): boolean {
    if (!inside(box, bounds) || obstacles.some((b) => overlaps(b, box))) return false
    if (taken.some((b) => overlaps(b, box, labelAir))) return false
    if (segments.some((s) => crossesBox(s, box, 1))) return false
    if (!owner) return true
    // Arrows that meet at a lane share an end: compare with their middles, not their tips.
    const own = distanceFrom(box, owner)
    return segments.every((s) => s === owner || distanceFrom(box, s) >= own - 0.5)
  }

  function fit(
    r: LabelRequest<Id>,
    text: string,
    taken: readonly Box[],
    near: (box: Box) => boolean = () => true,
  ): PlacedLabel<Id> | null {
    const height = lineHeight(r.fontSize)
    const width = Math.ceil(measure(text, r.fontSize, r.bold))
    for (const box of r.spots(width, height)) {
      if (near(box) && free(box, taken, r.owner))
        return { id: r.id, text, x: box.x, y: box.y + height / 2, box }
    }
    return null
  }

  const boxes = () => [...placed.values()].map((p) => p.box)
  for (const r of requests) {
    const shortest = r.texts[r.texts.length - 1]
    if (shortest === undefined) continue
    const label = fit(r, shortest, boxes())
    if (label) placed.set(r.id, label)
  }
  for (const r of requests) {
    const current = placed.get(r.id)
    if (!current) continue
    placed.delete(r.id)
    const taken = boxes()
    let best = current
    // A longer text must not wander: it stays about as near its arrow or mark as the short one.
    const owner = r.owner
    const reach = owner ? gapTo(current.box, owner) + 12 : Infinity
    const near = (box: Box) => !owner || gapTo(box, owner, reach) <= reach
    for (const text of r.texts) {
      if (text === current.text) break
      const label = fit(r, text, taken, near)
      if (label) {
        best = label
        break
      }
    }
    placed.set(r.id, best)
  }
  return placed
}
