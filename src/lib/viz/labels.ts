/**
 * Greedy label placement for slanted arrows. Each arrow offers candidate texts (long to short) and
 * candidate anchor points along itself; the first text and point whose box stays inside the plot
 * and clear of the labels already placed wins. An arrow whose labels all collide keeps none: its
 * details stay one hover or focus away, and the text alternative lists it in full.
 *
 * Widths are estimated from the character count (no DOM), which keeps this pure and testable; the
 * estimate is a little generous so real text never spills.
 */
import type { Segment } from './arrow.ts'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface LabelRequest extends Segment {
  id: number
  texts: readonly string[]
}

export interface PlacedLabel {
  id: number
  text: string
  /** Anchor of the text: its left edge (text-anchor start) and its vertical centre. */
  x: number
  y: number
  box: Box
}

export interface PlacementOptions {
  fontSize: number
  /** The area labels must stay inside. */
  bounds: Box
  /** Boxes nothing may cover (lane names, outcome words). */
  obstacles?: readonly Box[]
  /** Gap between an arrow and its label. */
  gap?: number
}

/** Average advance of the system UI font, in ems (measured for 11-12 px text: ~0.52-0.56). */
const emPerChar = 0.58

export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * emPerChar)
}

export function overlaps(a: Box, b: Box, pad = 1): boolean {
  return (
    a.x < b.x + b.width + pad &&
    b.x < a.x + a.width + pad &&
    a.y < b.y + b.height + pad &&
    b.y < a.y + a.height + pad
  )
}

function inside(a: Box, bounds: Box): boolean {
  return (
    a.x >= bounds.x &&
    a.y >= bounds.y &&
    a.x + a.width <= bounds.x + bounds.width &&
    a.y + a.height <= bounds.y + bounds.height
  )
}

/** Points along the arrow where a label may sit, centre first. */
const fractions = [0.5, 0.35, 0.65, 0.22, 0.78]

/**
 * Two passes: first every arrow gets its shortest text where it fits (coverage first: a named
 * arrow beats a few long labels), then each placed label grows to the longest text that still fits.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: PlacementOptions,
): Map<number, PlacedLabel> {
  const { fontSize, bounds } = options
  const gap = options.gap ?? 4
  const height = Math.ceil(fontSize * 1.25)
  const obstacles = options.obstacles ?? []
  const placed = new Map<number, PlacedLabel>()

  function fit(r: LabelRequest, text: string, taken: readonly Box[]): PlacedLabel | null {
    const dx = r.x2 - r.x1
    const dy = r.y2 - r.y1
    // How far the arrow moves sideways over half a label's height: the label must clear it.
    const slant = Math.abs(dy) < 1e-6 ? 0 : Math.abs(dx / dy) * (height / 2)
    const offset = gap + Math.min(slant, 40)
    const width = textWidth(text, fontSize)
    for (const f of fractions) {
      const px = r.x1 + dx * f
      const py = r.y1 + dy * f
      for (const side of ['right', 'left'] as const) {
        const x = side === 'right' ? px + offset : px - offset - width
        const box = { x, y: py - height / 2, width, height }
        if (!inside(box, bounds)) continue
        if (taken.some((b) => overlaps(b, box))) continue
        return { id: r.id, text, x, y: py, box }
      }
    }
    return null
  }

  const boxes = () => [...obstacles, ...[...placed.values()].map((p) => p.box)]
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
    for (const text of r.texts) {
      if (text === current.text) break
      const label = fit(r, text, taken)
      if (label) {
        best = label
        break
      }
    }
    placed.set(r.id, best)
  }
  return new Map([...placed.entries()].sort((a, b) => a[0] - b[0]))
}
