/**
 * Everything one swimlane diagram draws, computed once per scenario and frame (horizontal rows or a
 * vertical sequence chart): flights with their geometry, waiting spans, privacy leaks, the outcome
 * marker and idle-time breaks, and every label placed so that none covers another or crosses an
 * arrow. Components render this model; the per-frame work (motion.ts) only moves arrow tips and
 * grows spans, never recomputes it.
 */
import { rejectReasonClauses, rejectReasonNouns } from '../labels.ts'
import type { Actor, LedgerEntry, LedgerParty, Phase, Run } from '../sim/types.ts'
import { flightGeometry, type FlightGeometry, type Orientation, type Segment } from './arrow.ts'
import { groupFlights, type Flight } from './flights.ts'
import { lanePoint, type DiagramFrame } from './frame.ts'
import {
  placeLabels,
  spotsAlongArrow,
  spotsAroundMark,
  type Box,
  type LabelRequest,
  type TextBox,
  type SpotFinder,
  type TextMeasure,
  estimateTextWidth,
  lineHeight,
} from './labels.ts'
import { formatMilliseconds } from '../format.ts'
import type { TimeGap } from './timeScale.ts'
import type { SlideLabels } from './slideLayout.ts'

export interface DrawnFlight extends Flight {
  geometry: FlightGeometry
  label: TextBox | null
}

export interface DrawnWait {
  party: Actor
  start: number
  end: number
  phase: Phase
  reason: string
  /** The span's box when the wait is over; it grows along the time axis while the party waits. */
  x: number
  y: number
  width: number
  height: number
  /** "waits 130 ms", where it fits without covering anything. */
  caption: TextBox | null
}

export type OutcomeKind = 'connected' | 'rejected' | 'revoked-accepted'

export interface DrawnOutcome {
  kind: OutcomeKind
  at: number
  /** The dot on the client's lane, and the tick across it. */
  x: number
  y: number
  tick: Segment
  /** On the lane: "Connected · 100 ms" or "Rejected: no staple · 100 ms". */
  text: string
  /** The whole outcome in words, for the header, the tooltip and the text alternative. */
  sentence: string
  label: TextBox | null
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
  label: TextBox | null
}

/** A shortened idle stretch: a band across the lanes with its true length written on it. */
export interface DrawnGap {
  box: Box
  text: string
  label: TextBox
  /** The two slashes of the break mark. */
  mark: string
}

export interface DiagramModel {
  orientation: Orientation
  flights: DrawnFlight[]
  waits: DrawnWait[]
  leaks: DrawnLeak[]
  gaps: DrawnGap[]
  outcome: DrawnOutcome
  width: number
  height: number
}

/** The outcome in two words, where the whole text finds no room on a narrow chart. */
const outcomeShort: Record<OutcomeKind, string> = {
  connected: 'Connected',
  rejected: 'Rejected',
  'revoked-accepted': 'Revoked accepted',
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
  /** Idle stretches the shared axis shortens. */
  gaps?: readonly TimeGap[]
  /** Text widths; the page measures with its real font. */
  measure?: TextMeasure
  /** Which optional words to write (a slide thins them, slideLayout.ts); all by default. */
  labels?: SlideLabels
}

/** Font sizes of the diagram's words, as the stylesheet draws them: two sizes (app.css, the type scale). */
export const fontSizes = { label: 11, wait: 10, leak: 10, outcome: 11, gap: 10 } as const

/** Thickness of a waiting span across its lane. */
const waitBand = 14

export function diagramModel(run: Run, frame: DiagramFrame, options: DiagramOptions = {}): DiagramModel {
  const { time, lanes, orientation } = frame
  const horizontal = orientation === 'horizontal'
  const hasAttacker = lanes.lanes.includes('attacker')
  const flights = groupFlights(run.events).map((f) => ({
    ...f,
    geometry: flightGeometry(f, time, lanes.at, hasAttacker, orientation),
    label: null as TextBox | null,
  }))

  const waits: DrawnWait[] = run.waits
    .filter((w) => lanes.lanes.includes(w.party))
    .map((w) => {
      const from = time(w.start)
      const length = Math.max(0, time(w.end) - from)
      const across = lanes.at(w.party) - waitBand / 2
      const box = horizontal
        ? { x: from, y: across, width: length, height: waitBand }
        : { x: across, y: from, width: waitBand, height: length }
      return { ...w, ...box, caption: null }
    })

  const at = run.handshakeMs
  const dot = lanePoint(frame, 'client', at)
  const tick = horizontal
    ? { x1: dot.x, y1: dot.y - 11, x2: dot.x, y2: dot.y + 11 }
    : { x1: dot.x - 11, y1: dot.y, x2: dot.x + 11, y2: dot.y }
  const outcome: DrawnOutcome = {
    kind: outcomeKind(run),
    at,
    x: dot.x,
    y: dot.y,
    tick,
    text: `${outcomeText(run)} · ${formatMilliseconds(at)}`,
    sentence: outcomeSentence(run),
    label: null,
  }

  const leaks = run.ledger.map((entry) => drawLeak(entry, run, flights, frame))
  const gaps = (options.gaps ?? []).map((g) => drawGap(g, frame, options.measure ?? estimateTextWidth))

  // Fixed marks no label may cover: arrow tips and crosses, eyes, the outcome, the idle breaks.
  const marks: Box[] = [
    segmentBox(outcome.tick, 5),
    ...flights.map((f) => {
      const r = f.delivered ? 5 : 7
      return { x: f.geometry.x2 - r, y: f.geometry.y2 - r, width: 2 * r, height: 2 * r }
    }),
    ...leaks.map((l) => ({ x: l.x - 9, y: l.y - 6, width: 18, height: 12 })),
    ...gaps.map((g) => g.label.box),
  ]

  const show: SlideLabels = options.labels ?? { waits: true, leaks: true }
  type Id = `flight-${number}` | `wait-${number}` | `leak-${number}` | 'outcome'
  const requests: LabelRequest<Id>[] = [
    {
      id: 'outcome',
      texts: [outcome.text, `${outcomeShort[outcome.kind]} · ${formatMilliseconds(at)}`],
      fontSize: fontSizes.outcome,
      bold: true,
      spots: outcomeSpots(segmentBox(outcome.tick, 5), orientation),
    },
    ...leaks.flatMap((l, i): LabelRequest<Id>[] =>
      l.text && show.leaks
        ? [
            {
              id: `leak-${i}`,
              texts: [l.text, ...(l.linksClientToSite ? [shortLeakWords[l.party]] : [])],
              fontSize: fontSizes.leak,
              bold: l.linksClientToSite,
              spots: spotsAroundMark({ x: l.x - 9, y: l.y - 6, width: 18, height: 12 }, 2),
            },
          ]
        : [],
    ),
    ...waits.flatMap((w, i): LabelRequest<Id>[] =>
      show.waits
        ? [
            {
              id: `wait-${i}`,
              texts: [`waits ${formatMilliseconds(w.end - w.start)}`],
              fontSize: fontSizes.wait,
              bold: true,
              spots: waitSpots(w, orientation),
            },
          ]
        : [],
    ),
    ...flights.map((f): LabelRequest<Id> => ({
      id: `flight-${f.id}`,
      texts: f.labels,
      fontSize: fontSizes.label,
      spots: spotsAlongArrow(f.geometry, { withinEnds: horizontal, endsFirst: !horizontal }),
      owner: f.geometry,
    })),
  ]
  const placed = placeLabels(requests, {
    bounds: frame.plot,
    obstacles: marks,
    segments: flights.map((f) => f.geometry),
    measure: options.measure,
  })
  outcome.label = placed.get('outcome') ?? null
  leaks.forEach((l, i) => (l.label = placed.get(`leak-${i}`) ?? null))
  waits.forEach((w, i) => (w.caption = placed.get(`wait-${i}`) ?? null))
  for (const f of flights) f.label = placed.get(`flight-${f.id}`) ?? null

  return { orientation, flights, waits, leaks, gaps, outcome, width: frame.width, height: frame.height }
}

function segmentBox(s: Segment, pad: number): Box {
  const x = Math.min(s.x1, s.x2) - pad
  const y = Math.min(s.y1, s.y2) - pad
  return { x, y, width: Math.abs(s.x2 - s.x1) + 2 * pad, height: Math.abs(s.y2 - s.y1) + 2 * pad }
}

/** The outcome's words: under and right of the dot on a row, beside the dot in a column. */
function outcomeSpots(mark: Box, orientation: Orientation): SpotFinder {
  const around = spotsAroundMark(mark, 3)
  return (width, height) => {
    const cy = mark.y + mark.height / 2 - height / 2
    const first: Box[] =
      orientation === 'horizontal'
        ? [
            { x: mark.x + mark.width + 3, y: mark.y + mark.height - height + 4, width, height },
            { x: mark.x - 3 - width, y: mark.y + mark.height - height + 4, width, height },
          ]
        : [
            { x: mark.x + mark.width + 3, y: cy, width, height },
            { x: mark.x - 3 - width, y: cy, width, height },
          ]
    // Then further out: up to three rows above or below, sliding from right of the dot to left of it.
    const further: Box[] = []
    for (const rows of [1, -1, 2, -2, 3, -3]) {
      const y = cy + rows * (height + 2) + Math.sign(rows) * (mark.height / 2)
      for (const share of [0, 1, 0.5, 0.25, 0.75]) {
        further.push({ x: mark.x + mark.width / 2 - width * share, y, width, height })
      }
    }
    return [...first, ...around(width, height), ...further]
  }
}

/** "waits 130 ms" inside its span where it fits, else beside the span. */
function waitSpots(w: Box, orientation: Orientation): SpotFinder {
  const around = spotsAroundMark(w, 2, orientation === 'horizontal' ? 'below' : 'beside')
  return (width, height) => {
    const y = w.y + w.height / 2 - height / 2
    const inside =
      orientation === 'horizontal' && width + 8 <= w.width
        ? [0.5, 0.35, 0.65, 0.2, 0.8].map((f) => ({
            x: Math.max(w.x + 4, Math.min(w.x + w.width - 4 - width, w.x + w.width * f - width / 2)),
            y,
            width,
            height,
          }))
        : []
    return [...inside, ...around(width, height)]
  }
}

function drawGap(g: TimeGap, frame: DiagramFrame, measure: TextMeasure): DrawnGap {
  const from = frame.time(g.start)
  const to = frame.time(g.end)
  const text = formatMilliseconds(g.end - g.start)
  const height = lineHeight(fontSizes.gap)
  const width = Math.ceil(measure(text, fontSizes.gap))
  if (frame.orientation === 'horizontal') {
    const y = frame.lanes.first - 10
    const box = { x: from, y, width: to - from, height: frame.lanes.last - frame.lanes.first + 18 }
    const labelBox = { x: (from + to) / 2 - width / 2, y: frame.lanes.last + 3, width, height }
    return {
      box,
      text,
      label: { text, x: labelBox.x, y: labelBox.y + height / 2, box: labelBox },
      mark: `M${from + 4},${y + 6} l8,-12 M${from + 10},${y + 6} l8,-12`,
    }
  }
  const x = frame.axisAt
  const box = { x, y: from, width: frame.width - x, height: to - from }
  const labelBox = { x: frame.width - width - 2, y: (from + to) / 2 - height / 2, width, height }
  return {
    box,
    text,
    label: { text, x: labelBox.x, y: labelBox.y + height / 2, box: labelBox },
    mark: `M${x + 2},${from + 4 + 8} l12,-8 M${x + 2},${from + 10 + 8} l12,-8`,
  }
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

/** When the full words find no room: the same fact without the site's name. */
const shortLeakWords: Record<LedgerParty, string> = {
  responder: 'CA learns the site',
  dns: 'resolver learns the site',
  observer: '',
}

function drawLeak(
  entry: LedgerEntry,
  run: Run,
  flights: readonly (Flight & { geometry: FlightGeometry })[],
  frame: DiagramFrame,
): DrawnLeak {
  const lanes = frame.lanes
  let lane: Actor | null = null
  if (entry.party === 'responder') lane = 'responder'
  else if (entry.party === 'dns') lane = 'dns'
  else if (lanes.lanes.includes('attacker')) lane = 'attacker'
  let p = lane ? lanePoint(frame, lane, entry.at) : null
  if (!p) {
    // A passive observer has no lane: the eye sits on the message it reads.
    const via = flights.find((f) => f.eventIndexes.includes(entry.viaEventIndex))
    p = via
      ? { x: (via.geometry.x1 + via.geometry.x2) / 2, y: (via.geometry.y1 + via.geometry.y2) / 2 }
      : lanePoint(frame, 'client', entry.at)
  }
  return {
    party: entry.party,
    at: entry.at,
    x: p.x,
    y: p.y,
    text: leakWords(entry, run.scenario.site),
    sentence: entry.learned,
    linksClientToSite: entry.linksClientToSite,
    label: null,
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
