import { describe, expect, it } from 'vitest'
import { overlaps, placeLabels, textWidth } from '../../../src/lib/viz/labels.ts'

const bounds = { x: 0, y: 0, width: 600, height: 100 }

describe('label placement', () => {
  it('puts a lone label beside the middle of its arrow', () => {
    const placed = placeLabels([{ id: 0, x1: 100, y1: 10, x2: 140, y2: 90, texts: ['SYN · 60 B'] }], {
      fontSize: 11,
      bounds,
    })
    const label = placed.get(0)!
    expect(label.text).toBe('SYN · 60 B')
    expect(label.y).toBeCloseTo(50)
    // To the right of the arrow, clear of it over the label's height.
    expect(label.box.x).toBeGreaterThan(120)
  })

  it('never lets two labels overlap, falling back to shorter texts', () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({
      id: i,
      x1: 20 + i * 100,
      y1: 40,
      x2: 50 + i * 100,
      y2: 60,
      texts: ['ClientHello + status_request · 517 B', 'ClientHello'],
    }))
    const placed = [
      ...placeLabels(requests, { fontSize: 11, bounds: { x: 0, y: 35, width: 600, height: 30 } }).values(),
    ]
    expect(placed.length).toBeGreaterThan(1)
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box, 0)).toBe(false)
    expect(placed.some((p) => p.text === 'ClientHello')).toBe(true)
  })

  it('keeps labels inside the plot and off obstacles', () => {
    const obstacle = { x: 0, y: 0, width: 600, height: 45 }
    const placed = placeLabels([{ id: 0, x1: 560, y1: 10, x2: 590, y2: 90, texts: ['Finished · 58 B'] }], {
      fontSize: 11,
      bounds,
      obstacles: [obstacle],
    })
    const label = placed.get(0)!
    expect(label.box.x + label.box.width).toBeLessThanOrEqual(600)
    expect(overlaps(label.box, obstacle, 0)).toBe(false)
  })

  it('drops a label that cannot fit anywhere rather than overlap', () => {
    const placed = placeLabels([{ id: 0, x1: 10, y1: 10, x2: 20, y2: 90, texts: ['x'.repeat(200)] }], {
      fontSize: 11,
      bounds,
    })
    expect(placed.has(0)).toBe(false)
  })

  it('estimates wider boxes for longer texts', () => {
    expect(textWidth('ClientHello', 11)).toBeLessThan(textWidth('ClientHello + status_request', 11))
  })
})
