/**
 * The export loop: for each scheduled frame, set the clock, draw the diagrams on the canvas, hand
 * the canvas to the format's sink; report progress; stop at once when cancelled. The page's
 * playback is paused during the export and put back as it was afterwards (time, mode, playing).
 *
 * Deterministic: frames are chosen by the schedule (lib/export/schedule.ts), not by how fast this
 * machine draws, so the same scenario and options give the same frames.
 */
import { frameSize, type FrameSizeChoice } from '../../../../lib/export/frameSize.ts'
import {
  frameSchedule,
  gifDelaysCs,
  webmTimestampsMs,
  type AnimationFormat,
  type ExportSpeed,
  type FramesPerSecond,
} from '../../../../lib/export/schedule.ts'
import type { ClockMode } from '../../../../lib/viz/clock.ts'
import type { AnimationError, FrameSink, SinkResult } from './frameSink.ts'
import { FrameCanvas, svgAt, type FrameSource } from './renderFrame.ts'

export interface AnimationRequest {
  format: AnimationFormat
  size: FrameSizeChoice
  speed: ExportSpeed
  fps: FramesPerSecond
  mode: ClockMode
}

export type AnimationResult =
  | { ok: true; blob: Blob; frames: number; width: number; height: number }
  | { ok: false; error: AnimationError }

export interface AnimationProgress {
  done: number
  total: number
}

/** Give the page a turn between frames: the progress bar repaints and Cancel can be pressed. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const cancelled: AnimationResult = {
  ok: false,
  error: { code: 'cancelled', message: 'Export cancelled: nothing was saved.' },
}

export async function exportAnimation(
  source: FrameSource,
  request: AnimationRequest,
  onProgress: (progress: AnimationProgress) => void,
  signal: AbortSignal,
): Promise<AnimationResult> {
  const { driver } = source
  const before = driver.state
  driver.pause()
  driver.setMode(request.mode)
  let canvas: FrameCanvas | null = null
  let sink: FrameSink | null = null
  try {
    const schedule = frameSchedule({
      end: driver.state.end,
      moments: driver.moments,
      mode: request.mode,
      speed: request.speed,
      fps: request.fps,
    })
    const total = schedule.length
    onProgress({ done: 0, total })
    const finished = svgAt(source, driver.state.end)
    if (!finished) {
      return { ok: false, error: { code: 'no-diagrams', message: 'No diagram is shown: nothing to export.' } }
    }
    const size = frameSize(request.size, finished)
    canvas = new FrameCanvas(size)

    let created: SinkResult
    if (request.format === 'gif') {
      // The colour table is chosen from the finished picture and one mid-flight (the "now"
      // cursor and half-drawn arrows show only while playing).
      const samples: Uint8ClampedArray[] = []
      await canvas.draw(finished)
      samples.push(canvas.pixels())
      const middle = svgAt(source, schedule[Math.floor(total / 2)]!.time)
      if (middle) {
        await canvas.draw(middle)
        samples.push(canvas.pixels())
      }
      const { createGifSink } = await import('./gifSink.ts')
      created = createGifSink(size, canvas, gifDelaysCs(schedule), samples)
    } else {
      const { createWebmSink } = await import('./webmSink.ts')
      created = await createWebmSink(size, canvas, request.fps, webmTimestampsMs(schedule))
    }
    if (!created.ok) return { ok: false, error: created.error }
    sink = created.sink

    for (let k = 0; k < total; k++) {
      if (signal.aborted) return cancelled
      const svg = svgAt(source, schedule[k]!.time)
      if (!svg)
        return {
          ok: false,
          error: { code: 'no-diagrams', message: 'The diagrams went away during the export.' },
        }
      await canvas.draw(svg)
      if (signal.aborted) return cancelled
      await sink.add(k)
      onProgress({ done: k + 1, total })
      await yieldToPage()
    }
    if (signal.aborted) return cancelled
    const blob = await sink.finish()
    if (signal.aborted) return cancelled
    return { ok: true, blob, frames: total, width: size.width, height: size.height }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      error: {
        code: 'encode-failed',
        message: `The ${request.format.toUpperCase()} export failed: ${reason}`,
      },
    }
  } finally {
    sink?.close()
    canvas?.release()
    driver.setMode(before.mode)
    driver.seek(before.time)
    if (before.playing) driver.play()
  }
}
