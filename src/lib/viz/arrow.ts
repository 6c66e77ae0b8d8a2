/**
 * Where a message's arrow is at a given clock time. A message leaves its sender's lane at time t
 * and reaches the receiver's lane at its arrival: the slant is its one-way delay (along x in a
 * horizontal diagram, down the page in a vertical one). A dropped message stops
 * where it dies: on the attacker's lane when an attacker eats the client's OCSP traffic, otherwise
 * halfway between the lanes (the engine drops a packet after half its path, timeline.ts).
 */
import type { Actor } from '../sim/types.ts'
import type { Flight } from './flights.ts'
import type { TimeScale } from './timeScale.ts'

/** Wide screens: lanes are rows, time runs right. Narrow screens: lanes are columns, time runs down. */
export type Orientation = 'horizontal' | 'vertical'

export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface FlightGeometry extends Segment {
  t: number
  arrive: number
  delivered: boolean
}

const attackerPaths = new Set(['client>responder', 'responder>client'])

export function flightGeometry(
  flight: Pick<Flight, 'from' | 'to' | 't' | 'arrive' | 'delivered'>,
  time: TimeScale,
  laneAt: (actor: Actor) => number,
  hasAttackerLane: boolean,
  orientation: Orientation = 'horizontal',
): FlightGeometry {
  const from = laneAt(flight.from)
  let to = laneAt(flight.to)
  if (!flight.delivered) {
    const eatenByAttacker = hasAttackerLane && attackerPaths.has(`${flight.from}>${flight.to}`)
    to = eatenByAttacker ? laneAt('attacker') : (from + to) / 2
  }
  const t1 = time(flight.t)
  const t2 = time(flight.arrive)
  const ends =
    orientation === 'horizontal' ? { x1: t1, y1: from, x2: t2, y2: to } : { x1: from, y1: t1, x2: to, y2: t2 }
  return { t: flight.t, arrive: flight.arrive, delivered: flight.delivered, ...ends }
}

export interface ArrowFrame {
  /** The message has left its sender. */
  visible: boolean
  /** 0 at the sender, 1 at the receiver (or where it dies). */
  progress: number
  /** The tip of the arrow now. */
  x: number
  y: number
  /** The whole flight is drawn: its label, and its cross if it was dropped, show. */
  done: boolean
}

/**
 * The arrow at simulated time `now`. In stepped mode (reduced motion) a message appears whole as
 * soon as it is sent: nothing flies.
 */
export function arrowAt(g: FlightGeometry, now: number, stepped = false): ArrowFrame {
  const sent = stepped ? now >= g.t : now > g.t || (now >= g.t && g.arrive <= g.t)
  if (!sent) return { visible: false, progress: 0, x: g.x1, y: g.y1, done: false }
  const duration = g.arrive - g.t
  const progress = stepped || duration <= 0 ? 1 : Math.min(1, (now - g.t) / duration)
  return {
    visible: true,
    progress,
    x: g.x1 + (g.x2 - g.x1) * progress,
    y: g.y1 + (g.y2 - g.y1) * progress,
    done: progress >= 1,
  }
}

/** Right edge of a waiting span at `now` (the span grows while the party waits). */
export function spanEndAt(start: number, end: number, now: number): number {
  return Math.max(start, Math.min(end, now))
}

/** An "x" centred on a point: where a dropped message dies. */
export function crossPath(x: number, y: number, size = 5): string {
  const r = (n: number) => Math.round(n * 100) / 100
  return `M${r(x - size)},${r(y - size)}L${r(x + size)},${r(y + size)}M${r(x - size)},${r(y + size)}L${r(x + size)},${r(y - size)}`
}
