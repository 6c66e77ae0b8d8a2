/**
 * A whole diagram as text: every message, wait and leak in time order, then the outcome. It reads
 * what a sighted reader sees, in the order it happens (TextAlternative.svelte, loaded after the
 * diagrams are live: issue 14).
 */
import { phaseLabels, type Run, type SimEvent } from '../../../lib/sim/index.ts'
import { outcomeSentence } from '../../../lib/viz/diagram.ts'
import { laneNames, partyNames } from '../../../lib/viz/lanes.ts'
import { formatBytesShort, formatMilliseconds } from '../../../lib/format.ts'

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** One message in words: who sends it to whom, its size and phase, and what it does. */
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
