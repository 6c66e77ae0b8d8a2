/**
 * An animated GIF (GIF89a) from RGBA frames, with gifenc doing the colour quantisation and the LZW
 * coding. Loaded on demand (the export dialog imports this module dynamically), so gifenc never
 * weighs on the first screen.
 *
 * One global colour table for the whole animation, quantised from sample frames (the finished
 * picture and one mid-flight): a diagram's colours are the page's few party hues, greys and their
 * anti-aliased edges, so 256 colours hold them, and one table means a colour never shifts between
 * frames (per-frame tables flicker) and no frame carries a table of its own (768 bytes each).
 */
import * as gifencModule from 'gifenc'
import type { GifPalette, GifStream } from 'gifenc'

/**
 * gifenc ships an ES module (its "module" field: what Vite and vitest load) and CommonJS ("main":
 * what node loads, e.g. `npm run bench`), whose named exports node cannot see: there they sit on
 * the default export.
 */
const { applyPalette, GIFEncoder, quantize } =
  'GIFEncoder' in gifencModule
    ? gifencModule
    : (gifencModule as unknown as { default: typeof gifencModule }).default

export class GifWriter {
  readonly width: number
  readonly height: number
  #stream: GifStream = GIFEncoder()
  #palette: GifPalette | null = null
  #frames = 0

  constructor(width: number, height: number) {
    this.width = width
    this.height = height
  }

  get frames(): number {
    return this.#frames
  }

  /** Choose the colour table from frames that show every colour the animation uses. */
  choosePalette(samples: readonly Uint8ClampedArray[]): void {
    const all = new Uint8ClampedArray(samples.reduce((n, s) => n + s.length, 0))
    let at = 0
    for (const sample of samples) {
      all.set(sample, at)
      at += sample.length
    }
    this.#palette = quantize(all, 256)
  }

  /** Add a frame shown `delayCs` hundredths of a second; the first frame also writes the table. */
  addFrame(rgba: Uint8ClampedArray, delayCs: number): void {
    if (rgba.length !== this.width * this.height * 4) {
      throw new RangeError(
        `frame has ${rgba.length} bytes, ${this.width}x${this.height} needs ${this.width * this.height * 4}`,
      )
    }
    const palette = this.#palette ?? quantize(rgba, 256)
    this.#palette = palette
    const index = applyPalette(rgba, palette)
    this.#stream.writeFrame(index, this.width, this.height, {
      // gifenc takes milliseconds and writes round(ms / 10): whole hundredths go through unchanged.
      delay: delayCs * 10,
      // The table goes once, with the first frame (the global colour table); then repeat forever.
      ...(this.#frames === 0 ? { palette, repeat: 0 } : {}),
    })
    this.#frames++
  }

  /** The whole file: header, frames and the trailer. The writer is done after this. */
  finish(): Uint8Array {
    this.#stream.finish()
    return this.#stream.bytes()
  }
}
