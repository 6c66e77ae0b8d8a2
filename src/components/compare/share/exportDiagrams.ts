/**
 * The diagrams as a standalone SVG file, and as a PNG drawn from it.
 *
 * The page styles its SVG with CSS variables (theme, party colours), which a file opened elsewhere
 * would not have: each element's computed paint is written onto its clone as SVG presentation
 * attributes (fill="...", SVG 2 6.6), so the file looks like the page in the theme it was exported
 * from. Not as style="" attributes: the page's CSP has no style-src 'unsafe-inline', and setting
 * one, even on a detached clone, is a violation. The PNG is that SVG drawn on
 * a canvas through a blob: URL (allowed by the CSP's img-src), then canvas.toBlob.
 */

/**
 * The computed properties that change how SVG paints, each also a presentation attribute of the
 * same name; everything else is left to defaults. (font-variant-numeric has no presentation
 * attribute: an exported file draws its numbers in the font's default figures.)
 */
const paintProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const

const svgNs = 'http://www.w3.org/2000/svg'

/** Not inherited: compared with their initial value rather than the parent's. */
const initialValues: Partial<Record<(typeof paintProperties)[number], string>> = {
  opacity: '1',
  display: 'inline',
}

/**
 * Copy computed paint onto the clone, leaving out what the element would inherit anyway (or what
 * is the initial value), so the file stays a fraction of the size of a full dump.
 */
function inlineStyles(original: Element, clone: Element, parent: CSSStyleDeclaration | null = null): void {
  const computed = getComputedStyle(original)
  for (const p of paintProperties) {
    const value = computed.getPropertyValue(p)
    const initial = initialValues[p]
    const differs =
      initial !== undefined ? value !== initial : parent === null || parent.getPropertyValue(p) !== value
    // A presentation attribute ranks below any style rule, so none is left on the clone.
    if (differs) clone.setAttribute(p, value)
  }
  for (const name of [
    'tabindex',
    'role',
    'aria-label',
    'aria-labelledby',
    'aria-description',
    'class',
    'style',
  ])
    clone.removeAttribute(name)
  const a = original.children
  const b = clone.children
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!, computed)
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export interface ExportedSvg {
  text: string
  width: number
  height: number
}

export interface DiagramPart {
  /** The comparison row the diagram shows (its cell's data-row), or null outside the grid. */
  row: string | null
  title: string
  verdict: string
  svg: SVGSVGElement
}

/** Find each rendered diagram under `root`: its row, its title, its verdict and its <svg>. */
export function diagramParts(root: ParentNode): DiagramPart[] {
  return [...root.querySelectorAll<HTMLElement>('figure.diagram')].flatMap((figure) => {
    const svg = figure.querySelector<SVGSVGElement>('svg[role="group"]')
    if (!svg) return []
    const row = figure.closest<HTMLElement>('[data-row]')?.dataset.row ?? null
    const title = figure.querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    const verdict = figure.querySelector('.verdict')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    return [{ row, title, verdict, svg }]
  })
}

/**
 * An upper estimate of a line's width in the system UI font, without a canvas: about 0.55 em a
 * character for regular text and 0.6 em for bold (Helvetica/Arial/DejaVu Sans average widths).
 */
function roughTextWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.6 : 0.55)
}

/**
 * A theme colour as the page draws it now, as rgb(): app.css declares each one as
 * light-dark(light, dark), which a file opened elsewhere would not resolve.
 */
export function themeColor(name: `--${string}`, fallback: string): string {
  const probe = document.createElement('span')
  probe.style.color = `var(${name})`
  document.body.append(probe)
  const color = getComputedStyle(probe).color
  probe.remove()
  return color || fallback
}

export function composeSvg(parts: readonly DiagramPart[], heading: string, caption: string): ExportedSvg {
  const pad = 16
  const headerHeight = 22
  const titleHeight = 52
  const rootStyle = getComputedStyle(document.documentElement)
  const bg = themeColor('--bg', '#ffffff')
  const fg = themeColor('--fg', '#1b1d21')
  const muted = themeColor('--fg-muted', '#5a606b')
  const font = rootStyle.getPropertyValue('--font-ui').trim() || 'sans-serif'

  // Wide enough for the text lines too: a narrow page's vertical charts are slimmer than the
  // heading, which would otherwise be cut at the file's edge.
  const textWidth = Math.max(
    roughTextWidth(heading, 18, true),
    roughTextWidth(caption, 12),
    ...parts.map((p) => roughTextWidth(p.title, 14, true) + 12 + roughTextWidth(p.verdict, 12.5)),
  )
  const width = Math.ceil(Math.max(320, textWidth, ...parts.map((p) => p.svg.width.baseVal.value))) + pad * 2
  let y = pad + titleHeight
  const blocks: string[] = []
  for (const part of parts) {
    const clone = part.svg.cloneNode(true) as SVGSVGElement
    inlineStyles(part.svg, clone)
    clone.querySelectorAll('[data-export="skip"]').forEach((n) => n.remove())
    // The pinned lane names follow the page's sideways scroll; in a file they sit at the left.
    clone.querySelectorAll('[data-gutter]').forEach((g) => g.setAttribute('transform', 'translate(0,0)'))
    const h = part.svg.height.baseVal.value
    clone.setAttribute('x', String(pad))
    clone.setAttribute('y', String(y + headerHeight))
    blocks.push(
      `<text x="${pad}" y="${y + 15}" fill="${fg}" font-size="14" font-weight="700">${escapeText(part.title)}` +
        `<tspan dx="12" fill="${muted}" font-size="12.5" font-weight="400">${escapeText(part.verdict)}</tspan></text>`,
    )
    blocks.push(new XMLSerializer().serializeToString(clone))
    y += headerHeight + h + 14
  }
  const height = Math.ceil(y + pad)
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${svgNs}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeText(font).replace(/"/g, "'")}">` +
    `<rect width="100%" height="100%" fill="${bg}"/>` +
    `<text x="${pad}" y="${pad + 18}" fill="${fg}" font-size="18" font-weight="700">${escapeText(heading)}</text>` +
    `<text x="${pad}" y="${pad + 38}" fill="${muted}" font-size="12">${escapeText(caption)}</text>` +
    blocks.join('') +
    `</svg>`
  return { text, width, height }
}

export type PngResult =
  { ok: true; blob: Blob } | { ok: false; error: { code: 'png-failed'; message: string } }

/** Draw the SVG on a canvas at `scale` and encode it as PNG. */
export function svgToPng(svg: ExportedSvg, scale = 2): Promise<PngResult> {
  const fail = (message: string): PngResult => ({ ok: false, error: { code: 'png-failed', message } })
  return new Promise((resolve) => {
    const reject = (e: Error) => resolve(fail(`PNG export: ${e.message}`))
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }))
    const image = new Image()
    image.onload = () => {
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(svg.width * scale)
      canvas.height = Math.round(svg.height * scale)
      const context = canvas.getContext('2d')
      if (!context) {
        URL.revokeObjectURL(url)
        reject(new Error('no 2d canvas'))
        return
      }
      context.scale(scale, scale)
      context.drawImage(image, 0, 0, svg.width, svg.height)
      URL.revokeObjectURL(url)
      canvas.toBlob(
        (blob) => (blob ? resolve({ ok: true, blob }) : reject(new Error('canvas.toBlob gave nothing'))),
        'image/png',
      )
    }
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('the SVG could not be drawn'))
    }
    image.src = url
  })
}
