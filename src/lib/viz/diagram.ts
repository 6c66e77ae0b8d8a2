/**
 * Everything one swimlane diagram draws, computed once per scenario and layout: flights with their
 * geometry and labels, waiting spans, and the outcome marker. Components render this model; the
 * per-frame work (frame.ts) only moves arrow tips, never recomputes it.
 */
import { rejectReasonClauses, rejectReasonNouns } from '../labels.ts'
import type { Actor, LedgerEntry, LedgerParty, Phase, Run } from '../sim/types.ts'
import { flightGeometry, type FlightGeometry } from './arrow.ts'
import { groupFlights, type Flight } from './flights.ts'
import { placeLabels, textWidth, type Box, type PlacedLabel } from './labels.ts'
import type { LaneLayout } from './lanes.ts'
import { formatMilliseconds } from '../format.ts'
import { rangeExtent, type TimeScale } from './timeScale.ts'

export interface DrawnFlight extends Flight {
  geometry: FlightGeometry
  label: PlacedLabel | null
}

export interface DrawnWait {
  party: Actor
  start: number
  end: number
  phase: Phase
  reason: string
  x: number
  /** Width when the wait is over. */
  width: number
  y: number
  height: number
  /** Words drawn inside the span when they fit ("waits 130 ms"). */
  caption: string | null
}

export type OutcomeKind = 'connected' | 'rejected' | 'revoked-accepted'

export interface DrawnOutcome {
  kind: OutcomeKind
  at: number
  x: number
  y: number
  /** On the lane: "Connected" or "Rejected". */
  text: string
  /** The whole outcome in words, for the header, the tooltip and the text alternative. */
  sentence: string
  textX: number
  anchor: 'start' | 'end'
  box: Box
}

/** A privacy leak on the lane of the party that learns (an eye, in the danger colour when it links the client to the site). */
export interface DrawnLeak {
  party: LedgerParty
  at: number
  x: number
  y: number
  /** Short words beside the eye. */
  text: string
  /** The engine's sentence, for the tooltip. */
  sentence: string
  linksClientToSite: boolean
  textX: number
  textY: number
  anchor: 'start' | 'end'
  box: Box
}

export interface DiagramModel {
  flights: DrawnFlight[]
  waits: DrawnWait[]
  leaks: DrawnLeak[]
  outcome: DrawnOutcome
  width: number
  height: number
}

export function outcomeKind(run: Pick<Run, 'outcome' | 'revokedAccepted'>): OutcomeKind {
  if (run.outcome === 'rejected') return 'rejected'
  return run.revokedAccepted ? 'revoked-accepted' : 'connected'
}

export function outcomeText(run: Pick<Run, 'outcome' | 'reason' | 'revokedAccepted'>): string {
  const kind = outcomeKind(run)
  if (kind === 'rejected') return `Rejected: ${run.reason ? rejectReasonNouns[run.reason] : 'failed'}`
  return kind === 'revoked-accepted' ? 'Connected, revoked cert accepted' : 'Connected'
}

export function outcomeSentence(
  run: Pick<Run, 'outcome' | 'reason' | 'revokedAccepted' | 'handshakeMs'>,
): string {
  const when = formatMilliseconds(run.handshakeMs)
  const kind = outcomeKind(run)
  if (kind === 'rejected') {
    return `Rejected after ${when}: ${run.reason ? rejectReasonClauses[run.reason] : 'the handshake failed'}.`
  }
  if (kind === 'revoked-accepted') return `Connected after ${when}, although the certificate is revoked.`
  return `Connected after ${when}.`
}

export interface DiagramOptions {
  fontSize?: number
  /** Left edge of the area labels may use (right of the lane names). */
  labelLeft?: number
  width: number
}

const waitBand = 14

export function diagramModel(
  run: Run,
  x: TimeScale,
  layout: LaneLayout,
  options: DiagramOptions,
): DiagramModel {
  const fontSize = options.fontSize ?? 11
  const hasAttacker = layout.lanes.includes('attacker')
  const flights = groupFlights(run.events).map((f) => ({
    ...f,
    geometry: flightGeometry(f, x, layout.y, hasAttacker),
    label: null as PlacedLabel | null,
  }))

  const waits: DrawnWait[] = run.waits
    .filter((w) => layout.lanes.includes(w.party))
    .map((w) => {
      const x0 = x(w.start)
      const width = Math.max(0, x(w.end) - x0)
      const words = `waits ${formatMilliseconds(w.end - w.start)}`
      return {
        ...w,
        x: x0,
        width,
        y: layout.y(w.party) - waitBand / 2,
        height: waitBand,
        caption: textWidth(words, fontSize - 1) + 8 <= width ? words : null,
      }
    })

  const at = run.handshakeMs
  const ox = x(at)
  const oy = layout.y('client')
  const text = `${outcomeText(run)} · ${formatMilliseconds(at)}`
  const tw = textWidth(text, fontSize)
  const [, rangeEnd] = rangeExtent(x)
  const anchor: 'start' | 'end' = ox + 8 + tw <= options.width - 2 ? 'start' : 'end'
  const textX = anchor === 'start' ? ox + 8 : ox - 8
  const boxY = oy + 9
  const outcome: DrawnOutcome = {
    kind: outcomeKind(run),
    at,
    x: Math.min(ox, rangeEnd),
    y: oy,
    text,
    sentence: outcomeSentence(run),
    textX,
    anchor,
    box: { x: anchor === 'start' ? textX : textX - tw, y: boxY, width: tw, height: fontSize * 1.3 },
  }

  const leaks = run.ledger.map((entry) =>
    drawLeak(entry, run, flights, layout, x, fontSize, {
      left: options.labelLeft ?? 0,
      width: options.width,
    }),
  )

  const labelLeft = options.labelLeft ?? 0
  const placed = placeLabels(
    flights.map((f) => ({ id: f.id, ...f.geometry, texts: f.labels })),
    {
      fontSize,
      bounds: {
        x: labelLeft,
        y: layout.top - 6,
        width: options.width - labelLeft,
        height: layout.bottom - layout.top + 12,
      },
      obstacles: [
        outcome.box,
        ...flights
          .filter((f) => !f.delivered)
          .map((f) => ({ x: f.geometry.x2 - 7, y: f.geometry.y2 - 7, width: 14, height: 14 })),
        ...leaks.map((l) => l.box),
        ...waits.filter((w) => w.caption).map((w) => ({ x: w.x, y: w.y, width: w.width, height: w.height })),
      ],
    },
  )
  for (const f of flights) f.label = placed.get(f.id) ?? null

  return { flights, waits, leaks, outcome, width: options.width, height: layout.height }
}

/**
 * Words beside an eye. The responder's leak is the story, so it is spelled out; the resolver's is
 * short; an on-path observer gets the eye alone (its sentence is in the tooltip and the text), since
 * it sits on an arrow where words would hide other arrows.
 */
export function leakWords(entry: Pick<LedgerEntry, 'party' | 'linksClientToSite'>, site: string): string {
  if (entry.party === 'responder')
    return entry.linksClientToSite ? `CA learns you visit ${site}` : 'CA learns of a check'
  if (entry.party === 'observer') return ''
  return entry.linksClientToSite ? `resolver learns ${site}` : 'sees a CA lookup'
}

function drawLeak(
  entry: LedgerEntry,
  run: Run,
  flights: readonly (Flight & { geometry: FlightGeometry })[],
  layout: LaneLayout,
  x: TimeScale,
  fontSize: number,
  bounds: { left: number; width: number },
): DrawnLeak {
  let px = x(entry.at)
  let py = Number.NaN
  if (entry.party === 'responder') py = layout.y('responder')
  else if (entry.party === 'dns') py = layout.y('dns')
  else if (layout.lanes.includes('attacker')) py = layout.y('attacker')
  if (Number.isNaN(py)) {
    // A passive observer has no lane: the eye sits on the message it reads.
    const via = flights.find((f) => f.eventIndexes.includes(entry.viaEventIndex))
    if (via) {
      px = (via.geometry.x1 + via.geometry.x2) / 2
      py = (via.geometry.y1 + via.geometry.y2) / 2
    } else py = layout.y('client')
  }
  const text = leakWords(entry, run.scenario.site)
  const size = fontSize - 0.5
  const tw = text ? textWidth(text, size) : 0
  const eye = { x: px - 9, y: py - 6, width: 18, height: 12 }
  let textX = px + 11
  let textY = py
  let anchor: 'start' | 'end' = 'start'
  let box = eye
  if (text && entry.party === 'responder' && layout.y('responder') === layout.bottom) {
    // The bottom lane: the words go under it, where no arrow runs, centred on the eye.
    textX = Math.max(bounds.left, Math.min(px - tw / 2, bounds.width - tw - 2))
    textY = py + size * 1.05
    box = {
      x: Math.min(eye.x, textX),
      y: eye.y,
      width: Math.max(eye.x + eye.width, textX + tw) - Math.min(eye.x, textX),
      height: textY + size * 0.7 - eye.y,
    }
  } else if (text) {
    const right = px + 11 + tw <= bounds.width - 2
    textX = right ? px + 11 : px - 11
    anchor = right ? 'start' : 'end'
    box = { x: right ? eye.x : px - 11 - tw, y: py - size * 0.7, width: tw + 20, height: size * 1.4 }
  }
  return {
    party: entry.party,
    at: entry.at,
    x: px,
    y: py,
    text,
    sentence: entry.learned,
    linksClientToSite: entry.linksClientToSite,
    textX,
    textY,
    anchor,
    box,
  }
}

/**
 * The instants the step button stops at. Continuous playback steps to the next arrival (a message
 * lands whole); stepped playback (reduced motion) to the next departure, since a message appears
 * whole when it is sent. Every outcome is a moment too.
 */
export function playbackMoments(runs: readonly Run[], stepped: boolean): number[] {
  const moments = new Set<number>()
  for (const run of runs) {
    moments.add(run.handshakeMs)
    for (const f of groupFlights(run.events)) moments.add(stepped ? f.t : f.arrive)
    for (const w of run.waits) moments.add(w.end)
  }
  return [...moments].filter((m) => Number.isFinite(m) && m >= 0).sort((a, b) => a - b)
}
