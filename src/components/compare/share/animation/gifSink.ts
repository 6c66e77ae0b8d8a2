/**
 * GIF frames: each canvas read back and written by GifWriter (gifenc), with the schedule's delays.
 * The colour table comes from sample frames drawn before the first one (exportAnimation.ts).
 */
import { GifWriter } from '../../../../lib/export/gif.ts'
import type { PixelSize } from '../../../../lib/export/frameSize.ts'
import type { FrameCanvas } from './renderFrame.ts'
import { mimeTypes, type SinkResult } from './frameSink.ts'

export function createGifSink(
  size: PixelSize,
  canvas: FrameCanvas,
  delaysCs: readonly number[],
  paletteSamples: readonly Uint8ClampedArray[],
): SinkResult {
  let writer: GifWriter | null = new GifWriter(size.width, size.height)
  writer.choosePalette(paletteSamples)
  return {
    ok: true,
    sink: {
      async add(k) {
        writer?.addFrame(canvas.pixels(), delaysCs[k] ?? 10)
      },
      async finish() {
        if (!writer) throw new Error('the GIF was closed')
        const bytes = writer.finish()
        return new Blob([bytes.slice().buffer], { type: mimeTypes.gif })
      },
      close() {
        writer = null
      },
    },
  }
}
