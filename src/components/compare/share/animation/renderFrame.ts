/**
 * One frame of an animated export, drawn in the page: the clock is set to the frame's time (the
 * diagrams redraw at once, motion.ts writes the DOM synchronously on a seek), the diagrams are
 * serialised with their paint written in (exportDiagrams.ts, the same file the SVG export gives),
 * and that SVG is drawn on a canvas of the export's size through an <img> from a blob: URL (the
 * CSP's img-src allows blob:; nothing is fetched).
 */
import { fitInside, type PixelSize } from '../../../../lib/export/frameSize.ts'
import type { PlaybackDriver } from '../../../../lib/viz/driver.ts'
import { composeSvg, diagramParts, themeColor, type ExportedSvg } from '../exportDiagrams.ts'

export interface FrameSource {
  /** The element holding the rendered diagrams. */
  root: HTMLElement
  driver: PlaybackDriver
  /** The rows to show (data-row values); all when empty. */
  rows: readonly string[]
  heading: string
  caption: string
}

/** The diagrams at simulated time `time`, as a standalone SVG. */
export function svgAt(source: FrameSource, time: number): ExportedSvg | null {
  source.driver.seek(time)
  const parts = diagramParts(source.root).filter(
    (p) => source.rows.length === 0 || (p.row !== null && source.rows.includes(p.row)),
  )
  if (parts.length === 0) return null
  return composeSvg(parts, source.heading, source.caption)
}

async function loadSvgImage(svg: ExportedSvg): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }))
  try {
    const image = new Image(svg.width, svg.height)
    image.src = url
    await image.decode()
    return image
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** A canvas of the export's size that frames are drawn on, one after the other. */
export class FrameCanvas {
  readonly size: PixelSize
  readonly canvas: HTMLCanvasElement
  readonly #context: CanvasRenderingContext2D

  constructor(size: PixelSize) {
    this.size = size
    this.canvas = document.createElement('canvas')
    this.canvas.width = size.width
    this.canvas.height = size.height
    // Read back every frame for the GIF: a CPU-side canvas makes getImageData cheap.
    const context = this.canvas.getContext('2d', { willReadFrequently: true, alpha: false })
    if (!context) throw new Error('this browser gives no 2D canvas')
    this.#context = context
  }

  /** Draw the SVG scaled to fit and centred on the page's background colour. */
  async draw(svg: ExportedSvg): Promise<void> {
    const image = await loadSvgImage(svg)
    const background = themeColor('--bg', '#ffffff')
    const place = fitInside(svg, this.size)
    this.#context.fillStyle = background
    this.#context.fillRect(0, 0, this.size.width, this.size.height)
    this.#context.imageSmoothingQuality = 'high'
    this.#context.drawImage(image, place.x, place.y, place.width, place.height)
  }

  pixels(): Uint8ClampedArray {
    return this.#context.getImageData(0, 0, this.size.width, this.size.height).data
  }

  /** Let the canvas's memory go now rather than at the next collection. */
  release(): void {
    this.canvas.width = 0
    this.canvas.height = 0
  }
}
