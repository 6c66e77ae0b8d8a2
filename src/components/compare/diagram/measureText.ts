/**
 * Text widths in the page's own UI font, measured on a canvas, so label boxes are the size the SVG
 * draws them (DejaVu Sans, the usual Linux system-ui, is ~10% wider than an average-width font).
 * Where no canvas exists (component tests), the estimate from the character count stands in.
 */
import { estimateTextWidth, type TextMeasure } from '../../../lib/viz/labels.ts'

/**
 * `from`: the element whose --font-ui applies (inside <staple-lab-diagram> that is the element's
 * shadow root, not the host page, whose root may not define it).
 */
export function canvasTextMeasure(from?: Element): TextMeasure {
  if (typeof document === 'undefined') return estimateTextWidth
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
