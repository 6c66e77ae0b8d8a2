/**
 * The encoding side of an animated export, in node: one GIF frame written by GifWriter (gifenc's
 * palette mapping and LZW) at the slide sizes, and a WebM file muxed from a few hundred frames.
 * Rates are set against zlib's deflate of the same pixels in the same process (what a PNG encoder
 * spends on that frame), so the ratio means something on any machine. The frames are drawn like a
 * diagram: a light background, grid lines and slanted lines in the party colours with blended
 * edges (the quantiser's real work is those edge shades).
 */
import { deflateSync } from 'node:zlib'
import { GifWriter } from '../../src/lib/export/gif.ts'
import { muxWebm } from '../../src/lib/export/webm.ts'
import { formatRate, opsPerSecond } from './_timing.ts'

export const name = 'animation export: GIF frames and WebM muxing'

const partyColours = [
  [0, 114, 178],
  [0, 158, 115],
  [230, 159, 0],
  [86, 180, 233],
  [213, 94, 0],
] as const

function diagramLikeFrame(width: number, height: number, k: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < rgba.length; i += 4) rgba.set([255, 255, 255, 255], i)
  const blend = (x: number, y: number, colour: readonly number[], alpha: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return
    const i = (y * width + x) * 4
    for (let c = 0; c < 3; c++) rgba[i + c] = rgba[i + c]! * (1 - alpha) + colour[c]! * alpha
  }
  for (let x = 0; x < width; x += Math.round(width / 13))
    for (let y = 0; y < height; y++) blend(x, y, [215, 219, 225], 1)
  partyColours.forEach((colour, p) => {
    const y0 = Math.round(((p + 1) * height) / 7)
    for (let x = 0; x < Math.min(width, (k + 1) * 40); x++) {
      const y = y0 + ((x * 0.37) % (height / 7))
      const floor = Math.floor(y)
      blend(x, floor, colour, 1 - (y - floor))
      blend(x, floor + 1, colour, 1)
      blend(x, floor + 2, colour, y - floor)
    }
  })
  return rgba
}

export async function run(): Promise<void> {
  for (const [width, height] of [
    [800, 450],
    [1280, 720],
  ] as const) {
    const frames = Array.from({ length: 8 }, (_, k) => diagramLikeFrame(width, height, k))
    let k = 0
    const reference = opsPerSecond(() => deflateSync(frames[k++ % frames.length]!, { level: 6 }), {
      minMs: 800,
    })
    const gif = new GifWriter(width, height)
    gif.choosePalette([frames.at(-1)!])
    k = 0
    const gifRate = opsPerSecond(() => gif.addFrame(frames[k++ % frames.length]!, 10), { minMs: 800 })
    console.log(
      `GIF frame ${width}x${height}: ${formatRate(gifRate)}/s, ${(1000 / gifRate).toFixed(1)} ms each ` +
        `(${(gifRate / reference).toFixed(2)}x zlib deflate of the same pixels: ${formatRate(reference)}/s)`,
    )
  }
  // 300 frames of a typical VP8 size for these pictures (a key frame every 60).
  const encoded = Array.from({ length: 300 }, (_, i) => ({
    data: new Uint8Array(i % 60 === 0 ? 40_000 : 3_000).fill(i % 251),
    startMs: i * 33,
    durationMs: 33,
    key: i % 60 === 0,
  }))
  const bytes = encoded.reduce((n, f) => n + f.data.length, 0)
  const copyRate = opsPerSecond(() => {
    const out = new Uint8Array(bytes)
    let at = 0
    for (const f of encoded) {
      out.set(f.data, at)
      at += f.data.length
    }
    return out
  })
  const muxRate = opsPerSecond(() => muxWebm({ codec: 'V_VP8', width: 1280, height: 720, frames: encoded }))
  console.log(
    `WebM mux of 300 frames (${(bytes / 1e6).toFixed(1)} MB): ${formatRate(muxRate)}/s, ${(1000 / muxRate).toFixed(1)} ms each ` +
      `(${(muxRate / copyRate).toFixed(2)}x one plain copy of the same bytes: ${formatRate(copyRate)}/s)`,
  )
}
