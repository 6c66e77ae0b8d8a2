/**
 * A flight is what one arrow draws: the messages one party sends another at the same instant with
 * the same arrival (TLS 1.3's ServerHello ... Finished leave in one flight, RFC 8446 2). Drawing
 * them as one arrow keeps five identical arrows from piling their labels on top of each other;
 * the tooltip and the text alternative still list every message.
 */
import type { Actor, Phase, SimEvent } from '../sim/types.ts'
import { formatBytesShort } from '../format.ts'

export interface Flight {
  /** Position in the run's flight list (stable for a given run). */
  id: number
  from: Actor
  to: Actor
  t: number
  arrive: number
  delivered: boolean
  /** The messages, in the order the engine sent them. */
  events: SimEvent[]
  /** Their indexes in Run.events. */
  eventIndexes: number[]
  bytes: number
  /** Some message in it carries an OCSP response for the client. */
  staple: boolean
  phase: Phase
  /** Label candidates, most informative first; the layout keeps the first that fits. */
  labels: string[]
}

const sameInstant = 0.01

/** A bare TCP ACK riding with data says nothing the reader needs on the arrow (the tooltip lists it). */
function significant(events: readonly SimEvent[]): SimEvent[] {
  const some = events.filter((e) => e.message !== 'TCP ACK')
  return some.length > 0 ? some : [...events]
}

export function flightLabels(events: readonly SimEvent[]): string[] {
  const shown = significant(events)
  const first = shown[0]
  const last = shown[shown.length - 1]
  if (!first || !last) return []
  const size = formatBytesShort(events.reduce((sum, e) => sum + e.bytes, 0))
  if (shown.length === 1) {
    const out = [`${first.label} · ${size}`]
    if (first.message !== first.label) out.push(`${first.message} · ${size}`)
    out.push(first.message)
    // The last candidate is the one placed first (coverage): the shortest name the message has.
    if (first.label.length < first.message.length) out.push(first.label)
    return out
  }
  const stapled = shown.find((e) => e.staple)
  const all = shown.map((e) => e.label).join(', ')
  const span = `${first.message} … ${last.message}`
  const out = [`${all} · ${size}`]
  if (stapled) out.push(`${span} (+ staple) · ${size}`, `${first.message} … (+ staple)`)
  out.push(`${span} · ${size}`, `${shown.length} messages · ${size}`, `${shown.length} msgs`)
  return out
}

/** Group a run's events (in time order) into flights. */
export function groupFlights(events: readonly SimEvent[]): Flight[] {
  const flights: Flight[] = []
  events.forEach((e, index) => {
    const open = flights.find(
      (f) =>
        f.from === e.from &&
        f.to === e.to &&
        f.delivered === e.delivered &&
        Math.abs(f.t - e.t) < sameInstant &&
        Math.abs(f.arrive - e.arrive) < sameInstant,
    )
    if (open) {
      open.events.push(e)
      open.eventIndexes.push(index)
      open.bytes += e.bytes
      open.staple ||= e.staple
    } else {
      flights.push({
        id: flights.length,
        from: e.from,
        to: e.to,
        t: e.t,
        arrive: e.arrive,
        delivered: e.delivered,
        events: [e],
        eventIndexes: [index],
        bytes: e.bytes,
        staple: e.staple,
        phase: e.phase,
        labels: [],
      })
    }
  })
  for (const f of flights) f.labels = flightLabels(f.events)
  return flights
}
