/**
 * Presenter mode (#/present?...): a trainer steps through the messages of the chosen rows with a
 * clicker, one caption line at a time, and reads speaker notes in a second window. The steps,
 * captions and notes all come from the engine's own events (SimEvent.label and .explain), so the
 * words on the slide are the words the diagrams and the text alternative use.
 */
import type { Actor, ComparisonRow, Run, SimEvent } from '../sim/types.ts'
import { laneNames } from './lanes.ts'

/** One press of the clicker: every message sent at one instant in the chosen rows. */
export interface PresenterStep {
  /** When the messages are sent (ms on the shared clock). */
  t: number
  /** When the last of them has arrived: the diagrams are shown at this time. */
  shownAt: number
  /** The messages in arrow form: "Client → OCSP responder: OCSP request (POST)". */
  caption: string
  /**
   * The caption under the diagram, in words: "The client asks the CA's responder whether this
   * certificate's serial number is revoked, in plain HTTP (RFC 6960 A.1)."
   */
  sentence: string
  /** The engine's sentences for these messages, for the speaker. */
  notes: string[]
}

/**
 * The clicker's steps for the chosen rows: messages grouped by the instant they are sent. A message
 * that every chosen row sends at that instant (the TCP SYN) is named once; one that only some rows
 * send says which, so the caption never claims more than the diagrams show.
 */
export function presenterSteps(
  rows: readonly { row: ComparisonRow; title: string; run: Run }[],
): PresenterStep[] {
  const byTime = new Map<
    number,
    { line: string; title: string; arrive: number; explain: string; event: SimEvent }[]
  >()
  for (const { title, run } of rows) {
    for (const event of run.events) {
      const line = `${laneNames[event.from]} → ${laneNames[event.to]}: ${event.label}`
      const list = byTime.get(event.t) ?? []
      list.push({ line, title, arrive: event.arrive, explain: event.explain, event })
      byTime.set(event.t, list)
    }
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, messages]) => {
      const lines = [...new Set(messages.map((m) => m.line))]
      const caption = lines
        .map((line) => {
          const titles = [...new Set(messages.filter((m) => m.line === line).map((m) => m.title))]
          return titles.length === rows.length ? line : `${line} (${titles.join(', ')})`
        })
        .join('; ')
      return {
        t,
        shownAt: Math.max(...messages.map((m) => (Number.isFinite(m.arrive) ? m.arrive : t))),
        caption,
        sentence: stepSentence(messages, rows.length),
        notes: [...new Set(messages.map((m) => m.explain))],
      }
    })
}

/** Each party as the subject of a caption sentence. */
const subjects: Record<Actor, string> = {
  client: 'The client',
  server: 'The web server',
  attacker: 'The attacker',
  dns: 'The DNS resolver',
  responder: 'The OCSP responder',
}

/** How the engine's sentences name each party as their subject. */
const senderNames: Record<Actor, readonly string[]> = {
  client: ['The client'],
  server: ['The web server', 'The server'],
  attacker: ['The attacker', 'The on-path attacker', 'An on-path attacker'],
  dns: ['The DNS resolver', 'The resolver'],
  responder: ['The OCSP responder', 'The responder'],
}

/**
 * One message in a sentence, from the engine's own words (SimEvent.explain). Most of them leave out
 * their subject, the sender ("Asks the CA's responder whether..."): the sender is put in front. The
 * others describe the message ("The server's certificate chain.") or say what happened to it ("An
 * on-path attacker silently drops the packet..."): those follow the message's name.
 */
export function messageSentence(event: Pick<SimEvent, 'from' | 'label' | 'explain'>): string {
  const explain = event.explain.trim()
  // Already the sender's own sentence: "The web server accepts the connection; ..."
  if (senderNames[event.from].some((name) => explain.startsWith(`${name} `))) return explain
  const first = explain.split(/\s/, 1)[0] ?? ''
  if (/^(The|A|An)$/.test(first)) return `${subjects[event.from]} sends ${event.label}. ${explain}`
  return `${subjects[event.from]} ${explain.charAt(0).toLowerCase()}${explain.slice(1)}`
}

/**
 * The caption of one click: the message that tells the story (a staple, an OCSP exchange, else the
 * first that is more than a bare TCP ACK) in a sentence, the rows it is in when not all of them,
 * and the names of the others sent at the same instant.
 */
function stepSentence(messages: readonly { title: string; event: SimEvent }[], rowCount: number): string {
  const distinct = new Map<string, { event: SimEvent; titles: string[] }>()
  for (const { title, event } of messages) {
    const key = `${event.from}|${event.to}|${event.label}`
    const entry = distinct.get(key) ?? { event, titles: [] }
    if (!entry.titles.includes(title)) entry.titles.push(title)
    distinct.set(key, entry)
  }
  const all = [...distinct.values()]
  const rank = (e: SimEvent) =>
    e.staple || e.message.startsWith('OCSP') ? 0 : e.message === 'TCP ACK' ? 2 : 1
  const lead = all.reduce((best, m) => (rank(m.event) < rank(best.event) ? m : best), all[0]!)
  const where = lead.titles.length < rowCount ? `${lead.titles.join(' and ')}: ` : ''
  const others = all
    .filter((m) => m !== lead && m.event.message !== 'TCP ACK')
    .map((m) => (m.titles.length < rowCount ? `${m.event.label} (${m.titles.join(', ')})` : m.event.label))
  const shown = others.slice(0, 3)
  const more = others.length > shown.length ? ` and ${others.length - shown.length} more` : ''
  const also = shown.length > 0 ? ` With it: ${shown.join(', ')}${more}.` : ''
  return `${where}${messageSentence(lead.event)}${also}`
}

/** What the presenter window tells the notes window (over a BroadcastChannel), and nothing more. */
export interface PresenterMessage {
  kind: 'step'
  index: number
  count: number
  caption: string
  notes: string[]
  next: string | null
  blank: boolean
}

export const presenterChannelName = 'staple-lab-present'

/** A message from the channel, if it is one of ours (another tab may send anything). */
export function readPresenterMessage(data: unknown): PresenterMessage | null {
  if (typeof data !== 'object' || data === null) return null
  const m = data as Record<string, unknown>
  if (m.kind !== 'step' || !Number.isInteger(m.index) || !Number.isInteger(m.count)) return null
  if (typeof m.caption !== 'string' || typeof m.blank !== 'boolean') return null
  if (!Array.isArray(m.notes) || !m.notes.every((n) => typeof n === 'string')) return null
  if (m.next !== null && typeof m.next !== 'string') return null
  return {
    kind: 'step',
    index: m.index as number,
    count: m.count as number,
    caption: m.caption,
    notes: m.notes as string[],
    next: m.next as string | null,
    blank: m.blank,
  }
}
