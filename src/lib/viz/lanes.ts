/**
 * Swimlanes: one lane per party. On a wide screen a lane is a row and time runs left to right; on a
 * narrow one (the vertical sequence chart) a lane is a column and time runs down. The client sits
 * next to the web server (the handshake lives in that gap), then the attacker, the DNS resolver and
 * the OCSP responder (a plain-OCSP fetch dives through them), so the arrows that matter most are the
 * shortest, and an attacker on the client's path sits on the path.
 */
import type { Actor, ResponderState, Run } from '../sim/types.ts'

export const laneOrder: readonly Actor[] = ['server', 'client', 'attacker', 'dns', 'responder']

export const laneNames: Record<Actor, string> = {
  client: 'Client',
  server: 'Web server',
  attacker: 'Attacker',
  dns: 'DNS',
  responder: 'OCSP responder',
}

/** Column heads of the vertical chart, where a column is about 70 px wide at 360 px. */
export const shortLaneNames: Record<Actor, string> = {
  client: 'Client',
  server: 'Server',
  attacker: 'Attacker',
  dns: 'DNS',
  responder: 'Responder',
}

/** A longer name for tooltips and the text alternative. */
export const partyNames: Record<Actor, string> = {
  client: 'the client (browser)',
  server: 'the web server',
  attacker: 'the on-path attacker',
  dns: 'the DNS resolver',
  responder: 'the OCSP responder (CA)',
}

/** The responder states in which an attacker sits on the client's path (types.ts). */
export const attackerStates: readonly ResponderState[] = ['blocked', 'reset']

/**
 * The lanes of a scenario's diagrams: the same for every mode so the diagrams line up, with the
 * attacker's lane only when the scenario has one (or some run has a message of its own).
 */
export function lanesFor(responder: ResponderState, runs: readonly Run[] = []): Actor[] {
  const used = new Set<Actor>(['client', 'server', 'dns', 'responder'])
  if (attackerStates.includes(responder)) used.add('attacker')
  for (const run of runs) {
    for (const e of run.events) {
      used.add(e.from)
      used.add(e.to)
    }
  }
  return laneOrder.filter((lane) => used.has(lane))
}

export interface LaneLayout {
  lanes: readonly Actor[]
  /**
   * Where each lane's line is across the time axis: its y in a horizontal diagram, its x in a
   * vertical one; NaN for a party without a lane.
   */
  at: (actor: Actor) => number
  /** The first and the last lane line (top and bottom rows, or leftmost and rightmost columns). */
  first: number
  last: number
  /** Size of the drawing across the time axis, margins included. */
  size: number
}

export interface LaneSpacing {
  /** Space above the first lane (the time axis sits there). */
  marginTop: number
  marginBottom: number
  /** Gap between the server and the client lanes, where the handshake's labels go. */
  handshakeGap: number
  /** Gap between any other two adjacent lanes. */
  gap: number
}

export const defaultSpacing: LaneSpacing = { marginTop: 26, marginBottom: 14, handshakeGap: 58, gap: 34 }

/** Rows of a horizontal diagram, top to bottom. */
export function laneLayout(lanes: readonly Actor[], spacing: LaneSpacing = defaultSpacing): LaneLayout {
  const ys = new Map<Actor, number>()
  let y = spacing.marginTop
  lanes.forEach((lane, i) => {
    if (i > 0) {
      const previous = lanes[i - 1]
      const handshake =
        (previous === 'server' && lane === 'client') || (previous === 'client' && lane === 'server')
      y += handshake ? spacing.handshakeGap : spacing.gap
    }
    ys.set(lane, y)
  })
  const first = spacing.marginTop
  const last = lanes.length > 0 ? y : first
  return {
    lanes,
    at: (actor) => ys.get(actor) ?? Number.NaN,
    first,
    last,
    size: last + spacing.marginBottom,
  }
}

/**
 * Columns of a vertical diagram, spread evenly between `left` and `right` (the server-client gap a
 * little wider, as in the rows). Each end column sits far enough in for its centred name to fit.
 */
export function columnLayout(
  lanes: readonly Actor[],
  left: number,
  right: number,
  nameWidth: (actor: Actor) => number,
): LaneLayout {
  const firstLane = lanes[0]
  const lastLane = lanes[lanes.length - 1]
  const from = left + Math.max(14, firstLane ? nameWidth(firstLane) / 2 : 0)
  const to = Math.max(from, right - Math.max(14, lastLane ? nameWidth(lastLane) / 2 : 0))
  const weights = lanes.slice(1).map((lane, i) => {
    const previous = lanes[i]
    return (previous === 'server' && lane === 'client') || (previous === 'client' && lane === 'server')
      ? 1.25
      : 1
  })
  const total = weights.reduce((a, b) => a + b, 0)
  const xs = new Map<Actor, number>()
  let x = from
  lanes.forEach((lane, i) => {
    if (i > 0) x += total > 0 ? ((to - from) * (weights[i - 1] ?? 1)) / total : 0
    xs.set(lane, x)
  })
  return { lanes, at: (actor) => xs.get(actor) ?? Number.NaN, first: from, last: x, size: right }
}
