/**
 * Moving and resizing a responder outage on the days timeline, by pointer or by key: one set of
 * clamping rules for both. An outage stays inside the simulated window, keeps at least an hour, and
 * a move keeps its length.
 */
import type { Outage } from '../sim/index.ts'

/** What is being dragged: the body (move), or an edge (resize). */
export type OutageGrip = 'move' | 'start' | 'end'

/** `outage` moved or resized by `deltaHours` within a window of `hours`. */
export function dragOutage(outage: Outage, grip: OutageGrip, deltaHours: number, hours: number): Outage {
  const { startHour, endHour } = outage
  switch (grip) {
    case 'move': {
      const length = endHour - startHour
      const start = Math.min(Math.max(0, startHour + deltaHours), Math.max(0, hours - length))
      return { startHour: start, endHour: start + length }
    }
    case 'start':
      return { startHour: Math.min(Math.max(0, startHour + deltaHours), endHour - 1), endHour }
    case 'end':
      return { startHour, endHour: Math.max(startHour + 1, Math.min(hours, endHour + deltaHours)) }
  }
}

/** The outages with the one at `index` replaced. */
export function withOutage(outages: readonly Outage[], index: number, next: Outage): Outage[] {
  return outages.map((o, i) => (i === index ? next : o))
}

/**
 * What a key does to a focused outage: the arrows move it by an hour, with Alt by a day; with
 * Shift they move its end instead. Other keys do nothing (null).
 */
export function outageKeyStep(key: {
  key: string
  altKey: boolean
  shiftKey: boolean
}): { grip: OutageGrip; deltaHours: number } | null {
  const direction = key.key === 'ArrowLeft' ? -1 : key.key === 'ArrowRight' ? 1 : 0
  if (direction === 0) return null
  return { grip: key.shiftKey ? 'end' : 'move', deltaHours: direction * (key.altKey ? 24 : 1) }
}
