/**
 * WebM video: each canvas becomes a VideoFrame with the schedule's timestamp and duration, encoded
 * by the browser's WebCodecs VideoEncoder (VP8, or VP9 where VP8 is missing), and the encoded
 * chunks are muxed into a WebM file (lib/export/webm.ts). WebCodecs rather than MediaRecorder on a
 * captured stream: the encoder gets exactly one frame per scheduled frame, at its time, however
 * long a frame takes to draw, so the file has the schedule's frame count and plays at the chosen
 * speed.
 */
import type { PixelSize } from '../../../../lib/export/frameSize.ts'
import { muxWebm, type EncodedFrame, type WebmCodec } from '../../../../lib/export/webm.ts'
import type { FrameCanvas } from './renderFrame.ts'
import { mimeTypes, type SinkResult } from './frameSink.ts'

/** A key frame every two seconds of video: players can seek, and the file stays small. */
const keyFrameEveryMs = 2000

/** Frames waiting in the encoder before the loop waits for it (bounds memory on slow machines). */
const maxQueued = 4

const candidates: { config: string; muxed: WebmCodec }[] = [
  { config: 'vp8', muxed: 'V_VP8' },
  { config: 'vp09.00.10.08', muxed: 'V_VP9' },
]

export async function createWebmSink(
  size: PixelSize,
  canvas: FrameCanvas,
  fps: number,
  timestamps: readonly { startMs: number; durationMs: number }[],
): Promise<SinkResult> {
  if (typeof VideoEncoder === 'undefined') {
    return {
      ok: false,
      error: {
        code: 'video-unsupported',
        message: 'This browser cannot encode video (no WebCodecs): export a GIF instead.',
      },
    }
  }
  // A sharp diagram on a flat background: about 0.1 bit per pixel per frame is plenty.
  const bitrate = Math.round(Math.min(8_000_000, Math.max(400_000, size.width * size.height * fps * 0.1)))
  let chosen: { config: VideoEncoderConfig; muxed: WebmCodec } | null = null
  for (const candidate of candidates) {
    const config: VideoEncoderConfig = {
      codec: candidate.config,
      width: size.width,
      height: size.height,
      bitrate,
      framerate: fps,
      latencyMode: 'quality',
    }
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null)
    if (support?.supported) {
      chosen = { config, muxed: candidate.muxed }
      break
    }
  }
  if (!chosen) {
    return {
      ok: false,
      error: {
        code: 'video-unsupported',
        message: `This browser cannot encode VP8 or VP9 video at ${size.width} × ${size.height}: export a GIF instead.`,
      },
    }
  }

  const chunks: EncodedFrame[] = []
  let failure: Error | null = null
  const encoder = new VideoEncoder({
    output(chunk) {
      const data = new Uint8Array(chunk.byteLength)
      chunk.copyTo(data)
      // Chunks come out in the order frames went in: the k-th is frame k of the schedule.
      const at = timestamps[chunks.length] ?? { startMs: chunk.timestamp / 1000, durationMs: 0 }
      chunks.push({ data, startMs: at.startMs, durationMs: at.durationMs, key: chunk.type === 'key' })
    },
    error(e) {
      failure = e
    },
  })
  encoder.configure(chosen.config)
  let lastKeyMs = -Infinity
  const muxed = chosen.muxed

  const drain = async () => {
    while (encoder.encodeQueueSize > maxQueued && !failure) {
      await new Promise<void>((resolve) =>
        encoder.addEventListener('dequeue', () => resolve(), { once: true }),
      )
    }
  }

  return {
    ok: true,
    sink: {
      async add(k) {
        if (failure) throw failure
        const at = timestamps[k]!
        const key = at.startMs - lastKeyMs >= keyFrameEveryMs || k === timestamps.length - 1
        if (key) lastKeyMs = at.startMs
        const frame = new VideoFrame(canvas.canvas, {
          timestamp: at.startMs * 1000,
          duration: at.durationMs * 1000,
        })
        try {
          encoder.encode(frame, { keyFrame: key })
        } finally {
          frame.close()
        }
        await drain()
      },
      async finish() {
        await encoder.flush()
        if (failure) throw failure
        if (chunks.length !== timestamps.length) {
          throw new Error(`the encoder gave ${chunks.length} frames for ${timestamps.length}`)
        }
        const bytes = muxWebm({ codec: muxed, width: size.width, height: size.height, frames: chunks })
        return new Blob([bytes], { type: mimeTypes.webm })
      },
      close() {
        if (encoder.state !== 'closed') encoder.close()
        chunks.length = 0
      },
    },
  }
}
