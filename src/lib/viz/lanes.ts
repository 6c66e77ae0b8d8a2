/**
 * Swimlanes: one horizontal lane per party, time running left to right. The client sits in the
 * middle as the hub: the web server above it (the handshake lives in that gap), the attacker, the
 * DNS resolver and the OCSP responder below it (a plain-OCSP fetch dives through them), so the
 * arrows that matter most are the shortest, and an attacker on the client's path sits on the path.
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
  /** y of each lane's line; NaN for a party without a lane. */
  y: (actor: Actor) => number
  /** Top and bottom lane lines. */
  top: number
  bottom: number
  /** Height of the drawing including the margins. */
  height: number
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
  const top = spacing.marginTop
  const bottom = lanes.length > 0 ? y : top
  return {
    lanes,
    y: (actor) => ys.get(actor) ?? Number.NaN,
    top,
    bottom,
    height: bottom + spacing.marginBottom,
  }
}
