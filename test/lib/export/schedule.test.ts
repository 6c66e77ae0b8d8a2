import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  exportSpeeds,
  finalHoldMs,
  frameSchedule,
  framesPerSecond,
  gifDelaysCs,
  scheduleDurationMs,
  webmTimestampsMs,
  type ExportSpeed,
  type FramesPerSecond,
} from '../../../src/lib/export/schedule.ts'
import { createClock, setMode, setSpeed, stepCadenceMs, tick } from '../../../src/lib/viz/clock.ts'
import { compareModes, defaultScenario } from '../../../src/lib/sim/index.ts'
import { sharedEnd } from '../../../src/lib/viz/timeScale.ts'

/** Where the page's own playback is after `realMs` of playing, ticked frame by frame. */
function livePlaybackAt(
  end: number,
  speed: ExportSpeed,
  realMs: number,
  frameMs: number,
  moments: number[] = [],
) {
  let clock = setSpeed(createClock(end), speed)
  for (let t = 0; t + 1e-9 < realMs; t += frameMs) clock = tick(clock, Math.min(frameMs, realMs - t), moments)
  return clock.time
}

describe('the frame schedule of an animated export', () => {
  it('shows in frame k what the page shows k/fps seconds after pressing play, then holds the end', () => {
    const end = 412
    const frames = frameSchedule({ end, moments: [], mode: 'continuous', speed: 1, fps: 10 })
    // 412 simulated ms at 1x play for 4.12 s: 42 frames of 100 ms, then the finished picture.
    expect(frames).toHaveLength(43)
    frames.slice(0, -1).forEach((frame, k) => {
      expect(frame.startMs).toBeCloseTo(k * 100)
      expect(frame.time).toBeCloseTo(livePlaybackAt(end, 1, k * 100, 100 / 6))
    })
    expect(frames.at(-1)).toEqual({ time: end, startMs: 4200, durationMs: finalHoldMs })
  })

  it('plays twice as long at 0.5x and half as long at 2x', () => {
    const count = (speed: ExportSpeed) =>
      frameSchedule({ end: 1000, moments: [], mode: 'continuous', speed, fps: 25 }).length - 1
    expect(count(1)).toBe(250)
    expect(count(0.5)).toBe(500)
    expect(count(2)).toBe(125)
  })

  it('in steps shows each moment once, held as long as stepped playback holds it', () => {
    const moments = [0, 25, 25, 50, 75, 230, 300]
    const frames = frameSchedule({ end: 255, moments, mode: 'stepped', speed: 2, fps: 10, holdMs: 1000 })
    expect(frames.map((f) => f.time)).toEqual([0, 25, 50, 75, 230, 255])
    expect(frames.slice(0, -1).every((f) => f.durationMs === stepCadenceMs / 2)).toBe(true)
    // The page's stepped clock reaches the same moments on the same beat.
    let clock = setSpeed(setMode(createClock(255), 'stepped'), 2)
    const seen = [clock.time]
    while (clock.playing) {
      clock = tick(clock, stepCadenceMs / 2 / 4, moments)
      clock = tick(clock, stepCadenceMs / 2 / 4, moments)
      clock = tick(clock, stepCadenceMs / 2 / 4, moments)
      clock = tick(clock, stepCadenceMs / 2 / 4, moments)
      seen.push(clock.time)
    }
    expect(seen).toEqual(frames.map((f) => f.time))
  })

  it('gives a scenario that takes no time one frame, the finished picture', () => {
    for (const mode of ['continuous', 'stepped'] as const) {
      expect(frameSchedule({ end: 0, moments: [0], mode, speed: 1, fps: 10 })).toEqual([
        { time: 0, startMs: 0, durationMs: finalHoldMs },
      ])
    }
  })

  it('schedules the default scenario in a few hundred frames, not thousands', () => {
    const end = sharedEnd(compareModes(defaultScenario).map((e) => e.run))
    const gif = frameSchedule({ end, moments: [], mode: 'continuous', speed: 1, fps: 10 })
    expect(end).toBeGreaterThan(100)
    expect(gif.length).toBe(Math.ceil((end * 10) / 100) + 1)
    expect(gif.length).toBeLessThan(600)
  })

  it('keeps GIF delays in whole hundredths that add up to the playing time, none under 3 cs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.constantFrom(...exportSpeeds),
        fc.constantFrom(...framesPerSecond.gif, ...framesPerSecond.webm),
        (end, speed, fps: FramesPerSecond) => {
          const frames = frameSchedule({ end, moments: [], mode: 'continuous', speed, fps })
          const delays = gifDelaysCs(frames)
          expect(delays.every((d) => Number.isInteger(d) && d >= 3)).toBe(true)
          expect(delays.reduce((a, b) => a + b, 0)).toBe(Math.round(scheduleDurationMs(frames) / 10))
          // Each frame starts within 5 ms of its scheduled time.
          let at = 0
          frames.forEach((f, k) => {
            expect(Math.abs(at * 10 - f.startMs)).toBeLessThanOrEqual(5)
            at += delays[k]!
          })
          // Times never go backwards and end on the end.
          expect(frames.every((f, k) => k === 0 || f.time >= frames[k - 1]!.time)).toBe(true)
          expect(frames.at(-1)!.time).toBe(end)
        },
      ),
    )
  })

  it('puts WebM frames on a whole-millisecond grid that never repeats a timestamp', () => {
    const frames = frameSchedule({ end: 300, moments: [], mode: 'continuous', speed: 2, fps: 30 })
    const stamps = webmTimestampsMs(frames)
    expect(stamps.slice(0, 4).map((s) => s.startMs)).toEqual([0, 33, 67, 100])
    expect(stamps.every((s, k) => k === 0 || s.startMs > stamps[k - 1]!.startMs)).toBe(true)
    const last = stamps.at(-1)!
    expect(last.startMs + last.durationMs).toBe(Math.round(scheduleDurationMs(frames)))
  })
})
