/**
 * The frame of a swimlane diagram: which way it runs, its time scale, where its lanes are, its size,
 * and the area its labels may use. Computed once for all four diagrams (they share the time axis)
 * from the width the diagrams get, so the choice of layout follows the diagram's own room, not the
 * device.
 *
 * Wide: lanes are rows under a time axis running right (lane names in a gutter on the left).
 * Narrow: a vertical sequence chart, parties as columns under their names, time running down, so a
 * whole handshake reads on a 360 px phone without sideways scrolling.
 */
import type { Actor } from '../sim/types.ts'
import type { Orientation } from './arrow.ts'
import { estimateTextWidth, type Box, type TextMeasure } from './labels.ts'
import { columnLayout, laneLayout, shortLaneNames, type LaneLayout, type LaneSpacing } from './lanes.ts'
import { minPlotWidth, timeScale, type TimeGap, type TimeScale } from './timeScale.ts'

export interface DiagramFrame {
  orientation: Orientation
  /** Simulated ms to pixels along the time axis: x in a horizontal diagram, y in a vertical one. */
  time: TimeScale
  lanes: LaneLayout
  width: number
  height: number
  /** Where labels may go: the plot, without the lane names and the axis. */
  plot: Box
  /** Horizontal: width of the lane names column (0 in a vertical diagram). */
  gutter: number
  /** Vertical: x of the time axis line, right of its tick labels (0 in a horizontal diagram). */
  axisAt: number
  /** The lane names in the gutter: full, or short where a slide's diagram is narrow (slideLayout.ts). */
  laneNames: 'full' | 'short'
}

export interface FrameInput {
  /** The width one diagram may take, in CSS pixels. */
  width: number
  lanes: readonly Actor[]
  /** End of the shared time axis (ms). */
  end: number
  gaps: readonly TimeGap[]
  /** Tighter spacing for an iframe in slides. */
  compact: boolean
  /** The most flights any of the diagrams draws: a vertical chart grows with them. */
  flights: number
  measure?: TextMeasure
  /** A slide's lanes (slideLayout.ts): its spacing and lane names win over `compact`. */
  slide?: { spacing: LaneSpacing; laneNames: 'full' | 'short' }
}

/**
 * Below the width a horizontal diagram needs (about 560 px, where a 250 ms handshake's labels
 * start to collide, timeScale.ts), the diagram turns vertical rather than scroll sideways.
 */
export function orientationFor(width: number): Orientation {
  return width < minPlotWidth ? 'vertical' : 'horizontal'
}

export function diagramFrame(input: FrameInput): DiagramFrame {
  return orientationFor(input.width) === 'horizontal' ? horizontalFrame(input) : verticalFrame(input)
}

/** Font size of the lane names (bold), as the stylesheet draws them (LaneGrid.svelte). */
export const laneNameFontSize = 11

/** Width of the lane names column of a horizontal diagram ("OCSP responder" at 11 px, bold). */
export const gutterWidth = 104

/** The gutter for short lane names: dot, the longest name in bold, air before the plot. */
function shortGutterWidth(lanes: readonly Actor[], measure: TextMeasure): number {
  return Math.ceil(
    17 + Math.max(0, ...lanes.map((a) => measure(shortLaneNames[a], laneNameFontSize, true))) + 8,
  )
}

export function horizontalFrame(input: FrameInput): DiagramFrame {
  const spacing: LaneSpacing =
    input.slide?.spacing ??
    (input.compact
      ? { marginTop: 22, marginBottom: 16, handshakeGap: 46, gap: 21 }
      : { marginTop: 26, marginBottom: 18, handshakeGap: 64, gap: 30 })
  const lanes = laneLayout(input.lanes, spacing)
  const width = Math.max(Math.floor(input.width), minPlotWidth)
  const laneNames = input.slide?.laneNames ?? 'full'
  const gutter =
    laneNames === 'short' ? shortGutterWidth(input.lanes, input.measure ?? estimateTextWidth) : gutterWidth
  const time = timeScale(input.end, width, { left: gutter + 12, right: 14 }, input.gaps)
  const labelLeft = gutter + 4
  return {
    orientation: 'horizontal',
    time,
    lanes,
    width,
    height: lanes.size,
    plot: {
      x: labelLeft,
      y: lanes.first - 6,
      width: width - labelLeft,
      height: lanes.last - lanes.first + 12,
    },
    gutter,
    axisAt: 0,
    laneNames,
  }
}

/** Height of the column heads (the parties' names) above a vertical chart. */
export const columnHeadHeight = 30
/** Room left of a vertical chart for its tick labels ("1,500"). */
export const verticalAxisWidth = 38

/**
 * Pixels of time axis per flight in a vertical chart: an arrow and a label row each, with air. A
 * linear axis keeps time honest; sizing it by the busiest diagram keeps its labels apart.
 */
const pxPerFlight = 44

export function verticalFrame(input: FrameInput): DiagramFrame {
  const measure = input.measure ?? estimateTextWidth
  const width = Math.max(240, Math.floor(input.width))
  const axisAt = verticalAxisWidth
  const lanes = columnLayout(input.lanes, axisAt + 4, width - 4, (a) =>
    measure(shortLaneNames[a], laneNameFontSize, true),
  )
  const length = Math.min(
    input.compact ? 560 : 760,
    Math.max(input.compact ? 220 : 280, input.flights * pxPerFlight),
  )
  const top = columnHeadHeight + 16
  const bottom = 26
  const height = top + length + bottom
  const time = timeScale(input.end, height, { left: top, right: bottom }, input.gaps)
  return {
    orientation: 'vertical',
    time,
    lanes,
    width,
    height,
    plot: {
      x: axisAt + 2,
      y: columnHeadHeight + 2,
      width: width - axisAt - 2,
      height: height - columnHeadHeight - 2,
    },
    gutter: 0,
    axisAt,
    laneNames: 'short',
  }
}

/** A point on a lane at a time. */
export function lanePoint(frame: DiagramFrame, actor: Actor, t: number): { x: number; y: number } {
  const across = frame.lanes.at(actor)
  const along = frame.time(t)
  return frame.orientation === 'horizontal' ? { x: along, y: across } : { x: across, y: along }
}
