/**
 * Which instants of the playback an animated export shows, and for how long each. The export never
 * plays in real time: frame k is the diagram with the clock set to `frames[k].time`, so the file is
 * the same whatever the machine's speed, and it is made faster than it plays.
 *
 * The timing is the page's own (clock.ts): smooth motion lasts `realMsPerSimMs / speed` real
 * milliseconds per simulated millisecond; steps (the reduced-motion playback) hold each moment
 * `stepCadenceMs / speed`. The finished picture is held at the end, so a looping GIF or a video
 * paused on its last frame can be read.
 */
import { realMsPerSimMs, stepCadenceMs, type ClockMode } from '../viz/clock.ts'

export const animationFormats = ['gif', 'webm'] as const
export type AnimationFormat = (typeof animationFormats)[number]

/** The speeds an export offers: the page's 1x, and half and twice that. */
export const exportSpeeds = [0.5, 1, 2] as const
export type ExportSpeed = (typeof exportSpeeds)[number]

/**
 * Frames per second offered per format. GIF delays are whole hundredths of a second, and browsers
 * play a delay of 1 cs or less as 10 cs (WebKit's ImageDecoderCG, "we follow Firefox's behavior",
 * webkit.org/b/36082): at 20 fps or less every delay is 5 cs or more. 10 fps keeps a GIF of a
 * handshake to a few hundred kB; video plays smoothly at 25 or 30.
 */
export const framesPerSecond = {
  gif: [10, 15, 20],
  webm: [25, 30],
} as const satisfies Record<AnimationFormat, readonly number[]>
export type FramesPerSecond = (typeof framesPerSecond)[AnimationFormat][number]

export const defaultFramesPerSecond: Record<AnimationFormat, FramesPerSecond> = { gif: 10, webm: 30 }

/** How long the finished picture stays before a GIF loops or a video ends. */
export const finalHoldMs = 2500

export interface ScheduledFrame {
  /** Simulated milliseconds: where the clock is set for this frame. */
  readonly time: number
  /** When this frame starts in the exported file, in real milliseconds from the first frame. */
  readonly startMs: number
  /** How long it stays on screen, in real milliseconds. */
  readonly durationMs: number
}

export interface ScheduleOptions {
  /** Where playback ends (the clock's `end`), in simulated milliseconds. */
  end: number
  /** The moments stepped playback stops at (message sends), in simulated milliseconds. */
  moments: readonly number[]
  mode: ClockMode
  speed: ExportSpeed
  fps: FramesPerSecond
  holdMs?: number
}

/**
 * The frames of an export: smooth motion sampled `fps` times a second of playback, or one frame per
 * moment in steps; either way ending on the finished picture, held `holdMs`.
 */
export function frameSchedule(options: ScheduleOptions): ScheduledFrame[] {
  const end = Math.max(0, Number.isFinite(options.end) ? options.end : 0)
  const hold = Math.max(0, options.holdMs ?? finalHoldMs)
  const times: number[] = []
  const durations: number[] = []
  if (options.mode === 'continuous') {
    const frameMs = 1000 / options.fps
    const simMsPerFrame = (frameMs * options.speed) / realMsPerSimMs
    for (let k = 0; k * simMsPerFrame < end; k++) {
      times.push(k * simMsPerFrame)
      durations.push(frameMs)
    }
  } else {
    const holdEach = stepCadenceMs / options.speed
    const inside = [...new Set(options.moments.filter((m) => m > 0 && m < end))].sort((a, b) => a - b)
    for (const time of [0, ...inside]) {
      times.push(time)
      durations.push(holdEach)
    }
    if (end === 0) times.length = durations.length = 0
  }
  times.push(end)
  durations.push(hold)
  let startMs = 0
  return times.map((time, k) => {
    const frame = { time, startMs, durationMs: durations[k]! }
    startMs += durations[k]!
    return frame
  })
}

/** The file's playing time in real milliseconds. */
export function scheduleDurationMs(frames: readonly ScheduledFrame[]): number {
  const last = frames.at(-1)
  return last ? last.startMs + last.durationMs : 0
}

/**
 * Each frame's GIF delay in hundredths of a second. Rounding each delay alone would drift (30 fps
 * is 3.33 cs a frame); rounding the running start times keeps every frame within 5 ms of its time.
 */
export function gifDelaysCs(frames: readonly ScheduledFrame[]): number[] {
  return frames.map((f) => Math.round((f.startMs + f.durationMs) / 10) - Math.round(f.startMs / 10))
}

/** Timestamps on the same whole-millisecond grid, for a WebM file (its timestamp scale is 1 ms). */
export function webmTimestampsMs(
  frames: readonly ScheduledFrame[],
): { startMs: number; durationMs: number }[] {
  return frames.map((f) => {
    const startMs = Math.round(f.startMs)
    return { startMs, durationMs: Math.round(f.startMs + f.durationMs) - startMs }
  })
}
