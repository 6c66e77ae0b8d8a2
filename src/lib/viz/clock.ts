/**
 * The playback clock as a pure state machine: simulated time in milliseconds, advanced by real time.
 * One clock drives every diagram (the driver in driver.ts feeds it d3-timer frames), so the four
 * modes always show the same simulated instant.
 *
 * Two ways to advance:
 * - continuous: a message's flight on screen lasts its one-way delay times `realMsPerSimMs / speed`,
 *   so motion carries the delay it depicts;
 * - stepped (prefers-reduced-motion): nothing flies; the clock jumps from one moment (a message
 *   sent) to the next every `stepCadenceMs / speed` real milliseconds, or on demand.
 */

/** Playback speeds offered to the user (0.25x to 4x). */
export const speeds = [0.25, 0.5, 1, 2, 4] as const
export type Speed = (typeof speeds)[number]

/**
 * 1x is not real time: a whole handshake takes a few hundred milliseconds, too fast to follow.
 * At 1x one simulated millisecond lasts 10 real milliseconds ("1x = 10x slower than real time").
 */
export const realMsPerSimMs = 10

/** Stepped mode at 1x: one moment every 1.2 s of real time, slow enough to read each label. */
export const stepCadenceMs = 1200

/**
 * A long frame (a background tab, a debugger pause) is cut to this before it advances the clock,
 * so the animation resumes where it was instead of jumping to the end.
 */
export const maxFrameMs = 250

export type ClockMode = 'continuous' | 'stepped'

export interface ClockState {
  /** Simulated milliseconds since the client's first packet. */
  readonly time: number
  /** Where playback stops: the last thing that happens in any diagram. */
  readonly end: number
  readonly playing: boolean
  readonly speed: Speed
  readonly mode: ClockMode
  /** Stepped mode: real milliseconds accumulated toward the next step. */
  readonly sinceStep: number
}

export function isSpeed(value: number): value is Speed {
  return (speeds as readonly number[]).includes(value)
}

export function createClock(
  end: number,
  options: { speed?: Speed; mode?: ClockMode; playing?: boolean } = {},
): ClockState {
  return {
    time: 0,
    end: Math.max(0, end),
    playing: options.playing ?? true,
    speed: options.speed ?? 1,
    mode: options.mode ?? 'continuous',
    sinceStep: 0,
  }
}

function clamp(t: number, end: number): number {
  return Math.min(Math.max(t, 0), end)
}

/**
 * The first moment strictly after `time` (moments need not be sorted or unique), or null.
 * A tolerance of a microsecond keeps float noise from making a step stand still.
 */
export function nextMoment(moments: readonly number[], time: number): number | null {
  let best: number | null = null
  for (const m of moments) {
    if (m > time + 1e-6 && (best === null || m < best)) best = m
  }
  return best
}

/** The last moment strictly before `time`, or null. */
export function previousMoment(moments: readonly number[], time: number): number | null {
  let best: number | null = null
  for (const m of moments) {
    if (m < time - 1e-6 && (best === null || m > best)) best = m
  }
  return best
}

/** Advance by `realDeltaMs` of wall-clock time. Playback stops by itself at the end. */
export function tick(state: ClockState, realDeltaMs: number, moments: readonly number[]): ClockState {
  if (!state.playing) return state
  const delta = Math.min(Math.max(realDeltaMs, 0), maxFrameMs)
  if (state.mode === 'continuous') {
    const time = clamp(state.time + (delta * state.speed) / realMsPerSimMs, state.end)
    return { ...state, time, playing: time < state.end }
  }
  let sinceStep = state.sinceStep + delta * state.speed
  let time = state.time
  while (sinceStep >= stepCadenceMs && time < state.end) {
    sinceStep -= stepCadenceMs
    time = clamp(nextMoment(moments, time) ?? state.end, state.end)
  }
  return { ...state, time, sinceStep, playing: time < state.end }
}

/** Play; from the end, play starts over. */
export function play(state: ClockState): ClockState {
  const atEnd = state.time >= state.end
  return { ...state, playing: true, time: atEnd ? 0 : state.time, sinceStep: 0 }
}

export function pause(state: ClockState): ClockState {
  return { ...state, playing: false }
}

export function toggle(state: ClockState): ClockState {
  return state.playing ? pause(state) : play(state)
}

/** Pause and jump to the next moment (the end when none is left). */
export function step(state: ClockState, moments: readonly number[]): ClockState {
  const time = clamp(nextMoment(moments, state.time) ?? state.end, state.end)
  return { ...state, time, playing: false, sinceStep: 0 }
}

/** Pause and jump back to the previous moment (the start when none is left). */
export function stepBack(state: ClockState, moments: readonly number[]): ClockState {
  const time = clamp(previousMoment(moments, state.time) ?? 0, state.end)
  return { ...state, time, playing: false, sinceStep: 0 }
}

export function seek(state: ClockState, time: number): ClockState {
  return { ...state, time: clamp(Number.isFinite(time) ? time : 0, state.end), sinceStep: 0 }
}

/** Back to the start and play. */
export function restart(state: ClockState): ClockState {
  return { ...state, time: 0, playing: true, sinceStep: 0 }
}

export function setSpeed(state: ClockState, speed: Speed): ClockState {
  return { ...state, speed }
}

export function setMode(state: ClockState, mode: ClockMode): ClockState {
  return { ...state, mode, sinceStep: 0 }
}

/** A new scenario: same speed and mode, a new end, from the start, playing. */
export function reload(state: ClockState, end: number): ClockState {
  return { ...state, end: Math.max(0, end), time: 0, playing: true, sinceStep: 0 }
}
