/**
 * The recorder of one run: every message on the wire, the spans in which a party waits, the
 * client's critical path cut into phases, and the privacy ledger. The engine composes protocol
 * steps that each schedule their messages on it; nothing here knows about TLS or OCSP.
 */
import { Network, type Path } from './network.ts'
import type { Actor, LedgerEntry, Phase, PhaseSpan, Scenario, SimEvent, WaitSpan } from './types.ts'

export interface Message {
  from: Actor
  to: Actor
  path: Path
  message: string
  label: string
  explain: string
  bytes: number
  phase: Phase
  staple?: boolean
  /** Share of the path's one-way delay travelled (0.5 for a packet an on-path attacker forges). */
  share?: number
  /** Not subject to loss (an ACK riding with data: losing it costs nothing the model shows). */
  lossless?: boolean
}

export interface Delivery {
  /** When the (last copy of the) message arrives. */
  arrive: number
  /** Time spent on lost copies before the one that arrived (0 without loss). */
  retransmitMs: number
  /** Id of the delivered event, for the ledger. */
  eventId: number
}

/** Retransmission timeout before attempt `n` (1 = first retry) for a message on a path. */
export type RetransmitTimeout = (attempt: number) => number

const maxAttempts = 6

export class Timeline {
  readonly network: Network
  private readonly events: (SimEvent & { id: number })[] = []
  private readonly waits: WaitSpan[] = []
  private readonly spans: PhaseSpan[] = []
  private readonly ledger: (Omit<LedgerEntry, 'viaEventIndex'> & { eventId: number })[] = []
  private cursor = 0

  constructor(scenario: Scenario) {
    this.network = new Network(scenario)
  }

  /** Where the client's critical path has got to. */
  get now(): number {
    return this.cursor
  }

  /**
   * Put a message on the wire at `at`. A lost copy is recorded as undelivered and sent again after
   * `rto(attempt)`; the returned arrival is that of the copy that got through.
   */
  send(at: number, m: Message, rto: RetransmitTimeout): Delivery {
    let sendAt = at
    for (let attempt = 0; ; attempt++) {
      const packet = this.network.nextPacket(m.path)
      const delay = packet.delay * (m.share ?? 1)
      const delivered = !packet.lost || m.lossless === true || attempt === maxAttempts - 1
      const id = this.push(m, sendAt, delivered ? sendAt + delay : sendAt + delay / 2, delivered)
      if (delivered) return { arrive: sendAt + delay, retransmitMs: sendAt - at, eventId: id }
      sendAt += rto(attempt + 1)
    }
  }

  /** A message that never reaches `to` (dropped by an attacker, or sent to a host that is down). */
  sendLost(at: number, m: Message): { droppedAt: number; eventId: number } {
    const { delay } = this.network.nextPacket(m.path)
    const droppedAt = at + delay * (m.share ?? 0.5)
    return { droppedAt, eventId: this.push(m, at, droppedAt, false) }
  }

  private push(m: Message, t: number, arrive: number, delivered: boolean): number {
    const id = this.events.length
    this.events.push({
      id,
      t,
      arrive,
      from: m.from,
      to: m.to,
      message: m.message,
      bytes: m.bytes,
      phase: m.phase,
      label: m.label,
      explain: m.explain,
      staple: m.staple ?? false,
      delivered,
    })
    return id
  }

  /** Move the client's critical path forward to `until`, charging the time to `phase`. */
  advance(phase: Phase, until: number): void {
    if (until <= this.cursor) return
    const last = this.spans[this.spans.length - 1]
    if (last && last.phase === phase && last.end === this.cursor) last.end = until
    else this.spans.push({ phase, start: this.cursor, end: until })
    this.cursor = until
  }

  wait(party: Actor, start: number, end: number, phase: Phase, reason: string): void {
    if (end > start) this.waits.push({ party, start, end, phase, reason })
  }

  learn(entry: Omit<LedgerEntry, 'viaEventIndex'>, eventId: number): void {
    this.ledger.push({ ...entry, eventId })
  }

  /** Events in time order (ties keep the order they were scheduled in), with the ledger re-pointed. */
  finish(): { events: SimEvent[]; waits: WaitSpan[]; breakdown: PhaseSpan[]; ledger: LedgerEntry[] } {
    const sorted = [...this.events].sort((a, b) => a.t - b.t || a.id - b.id)
    const indexOf = new Map<number, number>()
    sorted.forEach((e, i) => indexOf.set(e.id, i))
    const events = sorted.map(({ id: _id, ...event }) => event)
    const ledger = this.ledger
      .map(({ eventId, ...entry }) => ({ ...entry, viaEventIndex: indexOf.get(eventId) ?? -1 }))
      .sort((a, b) => a.at - b.at)
    return { events, waits: [...this.waits].sort((a, b) => a.start - b.start), breakdown: this.spans, ledger }
  }
}
