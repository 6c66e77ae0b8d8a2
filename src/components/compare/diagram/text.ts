/**
 * The diagrams in words: row titles, one line per message for tooltips and screen readers, and the
 * text alternative of a whole diagram (every message, wait and leak in time order, then the outcome).
 */
import {
  phaseLabels,
  rowOffers,
  type ComparisonRow,
  type Run,
  type SimEvent,
} from '../../../lib/sim/index.ts'
import { outcomeSentence } from '../../../lib/viz/diagram.ts'
import type { Flight } from '../../../lib/viz/flights.ts'
import { laneNames, partyNames } from '../../../lib/viz/lanes.ts'
import { formatBytesShort, formatMilliseconds } from '../../../lib/format.ts'

/**
 * What the row's client and server do, in a few words, under its title. With a named client the
 * row keeps its meaning, what the certificate and server offer; the client's own behaviour is in
 * the row's outcome and the "what this client does" panel, never a textbook client's words.
 */
export function rowSubtitle(
  row: ComparisonRow,
  run: Pick<Run, 'mode'> & { scenario: Pick<Run['scenario'], 'client'> },
): string {
  if (run.scenario.client !== 'textbook') return rowOffers[row]
  switch (row) {
    case 'none':
      return 'client checks nothing'
    case 'plain-ocsp':
      return run.mode === 'ocsp-hard-fail'
        ? 'client asks the CA, fails closed'
        : 'client asks the CA, gives up on timeout'
    case 'stapling':
      return 'server sends the CA’s answer'
    case 'must-staple':
      return 'certificate demands a staple'
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** "ClientHello + status_request, from the client to the web server, 50 ms → 75 ms, 517 B." */
export function flightAriaLabel(f: Flight): string {
  const route = `${laneNames[f.from]} to ${laneNames[f.to]}`
  const fate = f.delivered
    ? `arrives at ${formatMilliseconds(f.arrive)}`
    : `dropped at ${formatMilliseconds(f.arrive)}`
  return `${f.events.map((e) => e.label).join(', ')}: ${route}, sent at ${formatMilliseconds(f.t)}, ${fate}, ${formatBytesShort(f.bytes)}.`
}

export function eventLine(e: SimEvent): string {
  const route = `${laneNames[e.from]} → ${laneNames[e.to]}`
  const fate = e.delivered ? '' : ' Dropped: it never arrives.'
  return `${route}: ${e.label} (${formatBytesShort(e.bytes)}, ${phaseLabels[e.phase].label}). ${e.explain}${fate}`
}

export interface TextItem {
  at: number
  /** "50 ms → 75 ms" or "100–230 ms". */
  when: string
  text: string
  tone: 'message' | 'wait' | 'leak' | 'outcome'
}

/** A diagram as an ordered list: what a sighted reader sees, in the order it happens. */
export function textAlternative(run: Run): TextItem[] {
  const items: TextItem[] = run.events.map((e) => ({
    at: e.t,
    when: `${formatMilliseconds(e.t)} → ${formatMilliseconds(e.arrive)}`,
    text: eventLine(e),
    tone: 'message',
  }))
  for (const w of run.waits) {
    items.push({
      at: w.start,
      when: `${formatMilliseconds(w.start)} to ${formatMilliseconds(w.end)}`,
      text: `${capitalise(partyNames[w.party])} waits ${formatMilliseconds(w.end - w.start)}. ${w.reason}`,
      tone: 'wait',
    })
  }
  for (const l of run.ledger) {
    items.push({ at: l.at, when: formatMilliseconds(l.at), text: l.learned, tone: 'leak' })
  }
  items.sort((a, b) => a.at - b.at)
  items.push({
    at: run.handshakeMs,
    when: formatMilliseconds(run.handshakeMs),
    text: outcomeSentence(run),
    tone: 'outcome',
  })
  return items
}
