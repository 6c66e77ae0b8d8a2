import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Segment } from '../../../src/lib/viz/arrow.ts'
import {
  crossesBox,
  estimateTextWidth,
  inside,
  overlaps,
  placeLabels,
  spotsAlongArrow,
  spotsAroundMark,
  type LabelRequest,
} from '../../../src/lib/viz/labels.ts'

const bounds = { x: 0, y: 0, width: 600, height: 100 }

function arrowLabel(id: number, s: Segment, texts: string[], endsFirst = false): LabelRequest<number> {
  return { id, texts, fontSize: 11, spots: spotsAlongArrow(s, { endsFirst }), owner: s }
}

describe('a segment against a box', () => {
  const box = { x: 10, y: 10, width: 20, height: 10 }
  it('crosses when it passes through, or starts inside', () => {
    expect(crossesBox({ x1: 0, y1: 15, x2: 40, y2: 15 }, box)).toBe(true)
    expect(crossesBox({ x1: 0, y1: 0, x2: 40, y2: 30 }, box)).toBe(true)
    expect(crossesBox({ x1: 15, y1: 12, x2: 16, y2: 13 }, box)).toBe(true)
  })
  it('misses when it runs beside, above or stops short', () => {
    expect(crossesBox({ x1: 0, y1: 5, x2: 40, y2: 5 }, box)).toBe(false)
    expect(crossesBox({ x1: 0, y1: 0, x2: 9, y2: 40 }, box)).toBe(false)
    expect(crossesBox({ x1: 0, y1: 21, x2: 40, y2: 21 }, box)).toBe(false)
    // ...unless the box is padded.
    expect(crossesBox({ x1: 0, y1: 21, x2: 40, y2: 21 }, box, 2)).toBe(true)
  })
})

describe('label placement', () => {
  it('puts a lone label beside the middle of a steep arrow, clear of it', () => {
    const arrow = { x1: 100, y1: 10, x2: 140, y2: 90 }
    const label = placeLabels([arrowLabel(0, arrow, ['SYN · 60 B'])], { bounds, segments: [arrow] }).get(0)!
    expect(label.text).toBe('SYN · 60 B')
    expect(Math.abs(label.y - 50)).toBeLessThan(16)
    expect(crossesBox(arrow, label.box)).toBe(false)
  })

  it('puts a flat arrow’s label past its end in a sequence chart, level with it', () => {
    const arrow = { x1: 150, y1: 40, x2: 60, y2: 80 }
    const label = placeLabels([arrowLabel(0, arrow, ['SYN · 60 B'], true)], {
      bounds: { x: 0, y: 0, width: 360, height: 200 },
      segments: [arrow],
    }).get(0)!
    expect(label.box.x).toBeGreaterThan(150)
    expect(label.y).toBeCloseTo(60)
  })

  it('never lets two labels overlap, falling back to shorter texts', () => {
    const requests = Array.from({ length: 6 }, (_, i) =>
      arrowLabel(i, { x1: 20 + i * 100, y1: 40, x2: 50 + i * 100, y2: 60 }, [
        'ClientHello + status_request · 517 B',
        'ClientHello',
      ]),
    )
    const placed = [...placeLabels(requests, { bounds: { x: 0, y: 20, width: 600, height: 60 } }).values()]
    expect(placed.length).toBeGreaterThan(1)
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box, 0)).toBe(false)
    expect(placed.some((p) => p.text === 'ClientHello')).toBe(true)
  })

  it('keeps labels inside the plot and off obstacles', () => {
    const obstacle = { x: 0, y: 0, width: 600, height: 45 }
    const placed = placeLabels([arrowLabel(0, { x1: 560, y1: 10, x2: 590, y2: 90 }, ['Finished · 58 B'])], {
      bounds,
      obstacles: [obstacle],
    })
    const label = placed.get(0)!
    expect(inside(label.box, bounds)).toBe(true)
    expect(overlaps(label.box, obstacle, 0)).toBe(false)
  })

  it('keeps a label off other arrows, and nearer its own arrow than to any other', () => {
    const own = { x1: 100, y1: 10, x2: 140, y2: 90 }
    const other = { x1: 160, y1: 10, x2: 200, y2: 90 }
    const label = placeLabels([arrowLabel(0, own, ['SYN · 60 B'])], { bounds, segments: [own, other] }).get(
      0,
    )!
    expect(crossesBox(other, label.box)).toBe(false)
    expect(label.box.x + label.box.width).toBeLessThan(130)
  })

  it('drops a label that cannot fit anywhere rather than overlap', () => {
    const placed = placeLabels([arrowLabel(0, { x1: 10, y1: 10, x2: 20, y2: 90 }, ['x'.repeat(200)])], {
      bounds,
    })
    expect(placed.has(0)).toBe(false)
  })

  it('writes a mark’s words beside it, or below when asked', () => {
    const eye = { x: 100, y: 40, width: 18, height: 12 }
    const beside = placeLabels(
      [{ id: 0, texts: ['CA learns the site'], fontSize: 10.5, spots: spotsAroundMark(eye) }],
      { bounds },
    ).get(0)!
    expect(beside.box.x).toBeGreaterThan(118)
    const below = placeLabels(
      [{ id: 0, texts: ['waits 130 ms'], fontSize: 10, spots: spotsAroundMark(eye, 2, 'below') }],
      { bounds },
    ).get(0)!
    expect(below.box.y).toBeGreaterThanOrEqual(54)
  })

  it('estimates wider boxes for longer texts', () => {
    expect(estimateTextWidth('ClientHello', 11)).toBeLessThan(
      estimateTextWidth('ClientHello + status_request', 11),
    )
  })
})

describe('label placement, for any set of messages', () => {
  const arrow = fc
    .record({
      x1: fc.integer({ min: 0, max: 400 }),
      y1: fc.integer({ min: 0, max: 400 }),
      dx: fc.integer({ min: -200, max: 200 }),
      dy: fc.integer({ min: -120, max: 120 }),
    })
    .map(({ x1, y1, dx, dy }) => ({ x1, y1, x2: x1 + dx, y2: y1 + dy }))
  const texts = fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 })
  const message = fc.record({ arrow, texts, endsFirst: fc.boolean() })
  const plot = { x: 0, y: 0, width: 420, height: 420 }

  it('never returns two boxes that intersect, nor a box an arrow crosses, nor one outside the plot', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 14 }), (messages) => {
        const segments = messages.map((m) => m.arrow)
        const placed = [
          ...placeLabels(
            messages.map((m, i) => arrowLabel(i, m.arrow, m.texts, m.endsFirst)),
            { bounds: plot, segments },
          ).values(),
        ]
        for (const [i, a] of placed.entries()) {
          expect(inside(a.box, plot)).toBe(true)
          for (const s of segments) expect(crossesBox(s, a.box)).toBe(false)
          for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box, 0)).toBe(false)
        }
      }),
      { numRuns: 200 },
    )
  })
})
