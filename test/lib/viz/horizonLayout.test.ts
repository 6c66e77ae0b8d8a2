import { describe, expect, it } from 'vitest'
import { fetchMarks, runLanes } from '../../../src/lib/days/lanes.ts'
import { defaultHorizonInput } from '../../../src/lib/sim/index.ts'
import {
  fetchMarkShapes,
  horizonAxisHeight,
  horizonRows,
  rowAt,
  segmentBars,
} from '../../../src/lib/viz/horizonLayout.ts'

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

describe('fetchMarkShapes', () => {
  const x = (h: number) => 100 + h * 2
  const mark = (hour: number, ok: boolean) => ({ hour, ok, count: 1, first: hour, last: hour })

  it('draws each run of answered fetches as one path of ticks, and each failed fetch as a cross', () => {
    const shapes = fetchMarkShapes([mark(0, true), mark(10, true), mark(20, false), mark(30, true)], x, 50)
    expect(shapes).toEqual([
      { kind: 'ticks', d: 'M100 42V49M120 42V49' },
      { kind: 'cross', d: 'M137 42 L143 48 M143 42 L137 48' },
      { kind: 'ticks', d: 'M160 42V49' },
    ])
  })

  it("draws a year of a lazy server's hourly fetches in a handful of paths", () => {
    const year = runLanes({ ...defaultHorizonInput, days: 366, handshakesPerHour: 1_000_000 })
    const lazy = year.find((l) => l.strategy === 'lazy')!
    expect(lazy.result.fetchLog.length).toBeGreaterThan(8000)
    // 1,100 px for the year, as on a desktop: hundreds of ticks, in fewer than ten paths.
    const marks = fetchMarks(lazy.result.fetchLog, 8784 / 1100)
    expect(marks.length).toBeGreaterThan(100)
    expect(fetchMarkShapes(marks, x, 50).length).toBeLessThan(10)
  })
})
