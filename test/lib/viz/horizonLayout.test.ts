import { describe, expect, it } from 'vitest'
import { runLanes } from '../../../src/lib/days/lanes.ts'
import { defaultHorizonInput } from '../../../src/lib/sim/index.ts'
import { horizonAxisHeight, horizonRows, rowAt, segmentBars } from '../../../src/lib/viz/horizonLayout.ts'

const lanes = runLanes(defaultHorizonInput)

describe('horizonRows', () => {
  it('stacks the outages, plain OCSP, then per lane a heading, its staple and two strips', () => {
    const { rows } = horizonRows(lanes)
    const names = rows.map((r) => (r.kind === 'heading' ? r.text : r.kind === 'strip' ? r.label : r.kind))
    expect(names.slice(0, 4)).toEqual(['outages', 'Plain OCSP', 'hard-fail', 'soft-fail'])
    expect(names.slice(4, 8)).toEqual(['Proactive server', 'staple', 'stapling', 'must-staple'])
    expect(rows).toHaveLength(4 + 4 * lanes.length)
  })

  it('puts each row below the one before, starting under the axis', () => {
    const { rows, height } = horizonRows(lanes)
    expect(rows[0]!.y).toBeGreaterThan(horizonAxisHeight)
    rows.slice(1).forEach((r, i) => expect(r.y).toBeGreaterThanOrEqual(rows[i]!.y + rows[i]!.h))
    expect(height).toBeGreaterThan(rows.at(-1)!.y + rows.at(-1)!.h)
  })

  it('without lanes, draws the outages row alone', () => {
    expect(horizonRows([]).rows.map((r) => r.kind)).toEqual(['outages'])
  })
})

describe('rowAt', () => {
  it('finds the row under the pointer, the staple row including its fetch marks above it', () => {
    const { rows } = horizonRows(lanes)
    const staple = rows.find((r) => r.kind === 'staple')!
    expect(rowAt(rows, staple.y + 2)).toBe(staple)
    expect(rowAt(rows, staple.y - 6)).toBe(staple)
    expect(rowAt(rows, 0)).toBeNull()
  })
})

describe('segmentBars', () => {
  const x = (h: number) => 100 + h * 2

  it('draws one bar per run, cut to the window', () => {
    const bars = segmentBars(
      [
        { start: -5, end: 10, value: 'a' },
        { start: 10, end: 300, value: 'b' },
      ],
      x,
      168,
    )
    expect(bars).toEqual([
      { x: 100, width: 20, value: 'a' },
      { x: 120, width: 316, value: 'b' },
    ])
  })

  it('keeps a run shorter than a pixel visible at half a pixel', () => {
    expect(segmentBars([{ start: 5, end: 5.1, value: 'x' }], x, 168)[0]!.width).toBe(0.5)
  })

  it('draws a year at a million handshakes an hour in a handful of bars per strip', () => {
    const year = runLanes({ ...defaultHorizonInput, days: 366, handshakesPerHour: 1_000_000 })
    expect(year[0]!.result.hours).toHaveLength(8784)
    for (const lane of year)
      for (const mode of ['stapling', 'must-staple'] as const) {
        const bars = segmentBars(lane.strips[mode], x, 8784)
        expect(bars.length).toBeGreaterThan(0)
        expect(bars.length).toBeLessThan(10)
      }
  })
})
