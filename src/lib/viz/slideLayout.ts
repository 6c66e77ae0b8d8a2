/**
 * The layout of diagrams that must fit a fixed frame without scrolling: an iframe on a 16:9 slide
 * (#/embed), presenter mode on a projector (#/present), the <staple-lab-diagram> element. The same
 * data as the comparison view, drawn smaller or larger as a whole (CSS zoom), with the lanes closer
 * together and fewer words where the room is short.
 *
 * Everything here is in layout pixels, the diagram's own units before the zoom: a frame twice as
 * big shows the same picture twice as large, so a diagram looks the same at 800x450, 1280x720 and
 * 1920x1080 (a slide is scaled to the screen as a whole, so proportion is what a trainer designs).
 */
import type { LaneSpacing } from './lanes.ts'
import { slideAxisHeight, slideHeadHeight, slideLabelFont, slideRowGap } from './slideMetrics.ts'
import { minPlotWidth } from './timeScale.ts'

export interface SlideFrame {
  /** The room the diagrams get, in CSS pixels (the frame minus any bar above them). */
  width: number
  height: number
  /** How many diagrams are stacked in it. */
  rows: number
  /** Lanes per diagram (4, or 5 with an attacker). */
  lanes: number
  /** The smallest message label a reader must get, in CSS pixels (presenter mode: 20). */
  minFontPx?: number
}

/** Which words the diagrams write; an arrow's details stay in its tooltip and the text alternative. */
export interface SlideLabels {
  /** "waits 130 ms" on a waiting span. */
  waits: boolean
  /** "CA learns you visit shop.example" beside an eye (the eye stays either way). */
  leaks: boolean
}

export interface SlideLayout {
  orientation: 'horizontal' | 'vertical'
  /** The CSS zoom of the diagrams: layout pixels to CSS pixels. */
  zoom: number
  /** Width of one diagram in layout pixels. */
  width: number
  spacing: LaneSpacing
  /** Lane names: "OCSP responder", or "Responder" where the gutter is narrow. */
  laneNames: 'full' | 'short'
  labels: SlideLabels
  /** The message labels' size on screen, in CSS pixels. */
  labelPx: number
  /** Every row fits the frame's height; false when even the tightest layout needs more room. */
  fits: boolean
}

/** The grid lines start at the top of a row's plot; air below the last lane. */
const marginTop = 12
const marginBottom = 8

/**
 * The layout that makes a diagram look the same in every 16:9 frame: at 900 CSS px wide the zoom is
 * 1, so a 1920 px frame draws it 2.1 times larger and an 800 px one at 0.89.
 */
const referenceWidth = 900
/** Below this zoom a label is under 8 px on screen: then rows scroll rather than shrink further. */
const minZoom = 0.75

/** Lane gaps in layout pixels: the comparison view's compact spacing at most, a label's line at least. */
const comfortableGap = 21
const tightestGap = 14
/** The server-client gap holds the handshake's labels in both directions: about two lines. */
const handshakeShare = 2.2

/** Below this gap a "waits 130 ms" caption would sit on the next lane's arrows. */
const waitCaptionsFrom = 18
/** Below this gap leak words crowd the message labels: the eye alone says it. */
const leakWordsFrom = 16
/** Short lane names where the diagram is narrower than this, or the lanes are tight. */
const fullNamesFrom = 760

/** Layout height of one diagram with lane gap `gap`: head, axis, lanes and the gap to the next. */
export function slideRowHeight(lanes: number, gap: number): number {
  const gaps = lanes < 2 ? 0 : handshakeShare + (lanes - 2)
  return slideHeadHeight + slideRowGap + marginTop + marginBottom + gaps * gap
}

function spacingFor(gap: number): LaneSpacing {
  return { marginTop, marginBottom, handshakeGap: Math.floor(gap * handshakeShare), gap }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}

/**
 * Frame size and row count → zoom, lane spacing, which words show and the lane names. Largest type
 * first: the zoom grows until the lanes are comfortable or the diagram would be narrower than a
 * horizontal plot needs; where the rows need more height, the lanes close up to the gap that still
 * holds the leak words, then the zoom shrinks (never below the presenter's minimum font or 0.75),
 * and only at that floor do the lanes close further.
 */
export function slideLayout(frame: SlideFrame): SlideLayout {
  const rows = Math.max(1, Math.floor(frame.rows))
  const lanes = Math.max(2, Math.floor(frame.lanes))
  const width = Math.max(0, frame.width)
  const height = Math.max(0, frame.height)
  const fontFloor = (frame.minFontPx ?? 0) / slideLabelFont
  const zoomFloor = Math.max(minZoom, fontFloor)
  const zoomCeiling = width / minPlotWidth
  if (zoomCeiling < zoomFloor) {
    // Too narrow for rows at a legible size: the vertical sequence chart, which scrolls down.
    return {
      orientation: 'vertical',
      zoom: 1,
      width: Math.floor(width),
      spacing: spacingFor(comfortableGap),
      laneNames: 'short',
      labels: { waits: true, leaks: true },
      labelPx: slideLabelFont,
      fits: false,
    }
  }
  /** The zoom at which `rows` diagrams with lane gap `gap` fill the height exactly. */
  const zoomFilling = (gap: number) => height / (slideAxisHeight + rows * slideRowHeight(lanes, gap))
  let zoom = clamp(width / referenceWidth, zoomFloor, zoomCeiling)
  // Room to spare at comfortable gaps: larger type, as far as the width allows.
  zoom = Math.max(zoom, Math.min(zoomFilling(comfortableGap), zoomCeiling))
  // Too tall with every word shown: smaller type, down to the floor; only there the lanes close
  // up further (and drop the leak words) before the rows have to scroll.
  zoom = Math.max(zoomFloor, Math.min(zoom, zoomFilling(leakWordsFrom)))
  const perRow = (height / zoom - slideAxisHeight) / rows
  const fixed = slideRowHeight(lanes, 0)
  // Whole pixels (1e-6: the gap the zoom was solved for comes back as 15.999...).
  const gap = Math.floor(
    clamp((perRow - fixed) / (slideRowHeight(lanes, 1) - fixed), tightestGap, comfortableGap) + 1e-6,
  )
  // 1e-6 again: at the width ceiling width / zoom is minPlotWidth, which floats back as 559.999...
  const layoutWidth = Math.floor(width / zoom + 1e-6)
  return {
    orientation: 'horizontal',
    zoom,
    width: layoutWidth,
    spacing: spacingFor(gap),
    laneNames: layoutWidth >= fullNamesFrom && gap >= waitCaptionsFrom ? 'full' : 'short',
    labels: { waits: gap >= waitCaptionsFrom, leaks: gap >= leakWordsFrom },
    labelPx: slideLabelFont * zoom,
    fits: (slideAxisHeight + rows * slideRowHeight(lanes, gap)) * zoom <= height + 0.5,
  }
}
