import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dragOutage, outageKeyStep, withOutage, type OutageGrip } from '../../../src/lib/days/outageDrag.ts'

const week = 168
const outage = { startHour: 48, endHour: 60 }

describe('dragOutage', () => {
  it('moves an outage by whole hours and keeps its length', () => {
    expect(dragOutage(outage, 'move', 10, week)).toEqual({ startHour: 58, endHour: 70 })
    expect(dragOutage(outage, 'move', -10, week)).toEqual({ startHour: 38, endHour: 50 })
  })

  it('stops a move at either end of the window', () => {
    expect(dragOutage(outage, 'move', -100, week)).toEqual({ startHour: 0, endHour: 12 })
    expect(dragOutage(outage, 'move', 500, week)).toEqual({ startHour: 156, endHour: 168 })
  })

  it('resizes from either edge, never below an hour nor past the window', () => {
    expect(dragOutage(outage, 'start', -8, week)).toEqual({ startHour: 40, endHour: 60 })
    expect(dragOutage(outage, 'start', 30, week)).toEqual({ startHour: 59, endHour: 60 })
    expect(dragOutage(outage, 'start', -80, week)).toEqual({ startHour: 0, endHour: 60 })
    expect(dragOutage(outage, 'end', 6, week)).toEqual({ startHour: 48, endHour: 66 })
    expect(dragOutage(outage, 'end', -30, week)).toEqual({ startHour: 48, endHour: 49 })
    expect(dragOutage(outage, 'end', 500, week)).toEqual({ startHour: 48, endHour: 168 })
  })

  it('whatever the drag, the outage stays in the window and lasts at least an hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 166 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom<OutageGrip>('move', 'start', 'end'),
        fc.integer({ min: -400, max: 400 }),
        (start, length, grip, delta) => {
          const from = { startHour: start, endHour: Math.min(week, start + length) }
          const next = dragOutage(from, grip, delta, week)
          expect(next.startHour).toBeGreaterThanOrEqual(0)
          expect(next.endHour).toBeLessThanOrEqual(week)
          expect(next.endHour - next.startHour).toBeGreaterThanOrEqual(
            Math.min(1, from.endHour - from.startHour),
          )
          if (grip === 'move') expect(next.endHour - next.startHour).toBe(from.endHour - from.startHour)
          if (grip === 'start') expect(next.endHour).toBe(from.endHour)
          if (grip === 'end') expect(next.startHour).toBe(from.startHour)
        },
      ),
    )
  })
})

describe('outageKeyStep', () => {
  const key = (k: string, mods: { altKey?: boolean; shiftKey?: boolean } = {}) =>
    outageKeyStep({ key: k, altKey: false, shiftKey: false, ...mods })

  it('moves by an hour with an arrow, by a day with Alt, and moves the end with Shift', () => {
    expect(key('ArrowLeft')).toEqual({ grip: 'move', deltaHours: -1 })
    expect(key('ArrowRight', { altKey: true })).toEqual({ grip: 'move', deltaHours: 24 })
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ grip: 'end', deltaHours: -1 })
    expect(key('ArrowUp')).toBeNull()
    expect(key('Enter')).toBeNull()
  })
})

describe('withOutage', () => {
  it('replaces one outage and leaves the others as they were', () => {
    const others = [outage, { startHour: 100, endHour: 110 }]
    expect(withOutage(others, 1, { startHour: 90, endHour: 95 })).toEqual([
      outage,
      { startHour: 90, endHour: 95 },
    ])
    expect(others[1]).toEqual({ startHour: 100, endHour: 110 })
  })
})
