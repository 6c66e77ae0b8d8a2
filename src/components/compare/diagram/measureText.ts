/**
 * Text widths in the page's own UI font, measured on a canvas, so label boxes are the size the SVG
 * draws them (DejaVu Sans, the usual Linux system-ui, is ~10% wider than an average-width font).
 * Where no canvas exists (component tests), the estimate from the character count stands in.
 */
import { estimateTextWidth, type TextMeasure } from '../../../lib/viz/labels.ts'

/**
 * `from`: the element whose --font-ui applies (inside <staple-lab-diagram> that is the element's
 * shadow root, not the host page, whose root may not define it).
 *
 * The canvas and the font are found at the first measurement, not when the measure is made: the
 * font is a computed style, and reading one while the page's DOM is being built forces a style
 * recalculation of the whole document inside that task (on a cold #/compare load, in the task that
 * mounts the view, before any label is placed). Labels are placed later, once a diagram is drawn.
 */
export function canvasTextMeasure(from?: Element): TextMeasure {
  if (typeof document === 'undefined') return estimateTextWidth
  let measureText: TextMeasure | undefined
  return (text, fontSize, bold = false) => {
    measureText ??= canvasMeasure(from)
    return measureText(text, fontSize, bold)
  }
}

function canvasMeasure(from: Element | undefined): TextMeasure {
  let context: CanvasRenderingContext2D | null
  try {
    context = document.createElement('canvas').getContext('2d')
  } catch {
    context = null
  }
  if (!context || typeof context.measureText !== 'function') return estimateTextWidth
  const family =
    getComputedStyle(from ?? document.documentElement)
      .getPropertyValue('--font-ui')
      .trim() || 'sans-serif'
  const widths = new Map<string, number>()
  const ctx = context
  return (text, fontSize, bold = false) => {
    const key = `${bold ? 'b' : 'n'}${fontSize}|${text}`
    let width = widths.get(key)
    if (width === undefined) {
      ctx.font = `${bold ? 700 : 400} ${fontSize}px ${family}`
      // One pixel of air: the halo (paint-order stroke) and sub-pixel rounding.
      width = Math.ceil(ctx.measureText(text).width) + 1
      widths.set(key, width)
    }
    return width
  }
}
