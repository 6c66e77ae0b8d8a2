import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createClock,
  maxFrameMs,
  nextMoment,
  pause,
  play,
  realMsPerSimMs,
  reload,
  restart,
  seek,
  setMode,
  setSpeed,
  step,
  stepBack,
  stepCadenceMs,
  tick,
  toggle,
} from '../../../src/lib/viz/clock.ts'

const moments = [0, 25, 50, 75, 100, 230]

describe('the playback clock', () => {
  it('at 1x advances one simulated ms per 10 real ms', () => {
    const c = tick(createClock(255), 100, moments)
    expect(realMsPerSimMs).toBe(10)
    expect(c.time).toBeCloseTo(10)
    expect(c.playing).toBe(true)
  })

  it('scales the advance by the speed', () => {
    const fast = tick(setSpeed(createClock(255), 4), 100, moments)
    const slow = tick(setSpeed(createClock(255), 0.25), 100, moments)
    expect(fast.time).toBeCloseTo(40)
    expect(slow.time).toBeCloseTo(2.5)
  })

  it('stops by itself at the end and restarts from zero when played again', () => {
    let c = createClock(50)
    for (let i = 0; i < 10; i++) c = tick(c, 100, moments)
    expect(c.time).toBe(50)
    expect(c.playing).toBe(false)
    c = play(c)
    expect(c.time).toBe(0)
    expect(c.playing).toBe(true)
  })

  it('does not move while paused, and a toggle resumes where it stopped', () => {
    let c = tick(createClock(255), 200, moments)
    c = toggle(c)
    const frozen = tick(c, 1000, moments)
    expect(frozen.time).toBe(c.time)
    expect(toggle(frozen).time).toBe(c.time)
    expect(toggle(frozen).playing).toBe(true)
  })

  it('cuts a long frame so a background tab does not jump to the end', () => {
    const c = tick(createClock(10_000), 60_000, moments)
    expect(c.time).toBeCloseTo(maxFrameMs / realMsPerSimMs)
  })

  it('steps to the next moment and pauses; at the last moment a step goes to the end', () => {
    let c = step(createClock(255), moments)
    expect(c.time).toBe(25)
    expect(c.playing).toBe(false)
    c = step(seek(c, 230), moments)
    expect(c.time).toBe(255)
    expect(stepBack(c, moments).time).toBe(230)
    expect(stepBack(seek(c, 0), moments).time).toBe(0)
  })

  it('in stepped mode jumps from moment to moment at the step cadence, never in between', () => {
    let c = setMode(createClock(255), 'stepped')
    const frames = (ms: number) => {
      for (let left = ms; left > 0; left -= 100) c = tick(c, Math.min(100, left), moments)
    }
    frames(stepCadenceMs - 100)
    expect(c.time).toBe(0)
    frames(100)
    expect(c.time).toBe(25)
    frames(stepCadenceMs / 2)
    expect(c.time).toBe(25)
    frames(stepCadenceMs / 2)
    expect(c.time).toBe(50)
  })

  it('seeks within [0, end] and restart plays from zero', () => {
    const c = createClock(100)
    expect(seek(c, -5).time).toBe(0)
    expect(seek(c, 500).time).toBe(100)
    expect(seek(c, Number.NaN).time).toBe(0)
    const r = restart(pause(seek(c, 70)))
    expect(r.time).toBe(0)
    expect(r.playing).toBe(true)
  })

  it('a new scenario keeps speed and mode, and plays from the start', () => {
    const c = reload(setMode(setSpeed(seek(createClock(100), 80), 2), 'stepped'), 400)
    expect(c).toMatchObject({ time: 0, end: 400, speed: 2, mode: 'stepped', playing: true })
  })

  it('never leaves [0, end] whatever happens', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), ms: fc.double({ min: -100, max: 5000, noNaN: true }) }),
      fc.record({ kind: fc.constant('step' as const) }),
      fc.record({ kind: fc.constant('back' as const) }),
      fc.record({ kind: fc.constant('seek' as const), to: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }),
      fc.record({ kind: fc.constant('toggle' as const) }),
      fc.record({ kind: fc.constant('mode' as const), stepped: fc.boolean() }),
    )
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.array(action), (end, actions) => {
        let c = createClock(end)
        for (const a of actions) {
          if (a.kind === 'tick') c = tick(c, a.ms, moments)
          else if (a.kind === 'step') c = step(c, moments)
          else if (a.kind === 'back') c = stepBack(c, moments)
          else if (a.kind === 'seek') c = seek(c, a.to)
          else if (a.kind === 'toggle') c = toggle(c)
          else c = setMode(c, a.stepped ? 'stepped' : 'continuous')
          expect(c.time).toBeGreaterThanOrEqual(0)
          expect(c.time).toBeLessThanOrEqual(c.end)
        }
      }),
    )
  })

  it('finds the next moment in unsorted, repeated moments', () => {
    expect(nextMoment([50, 10, 10, 30], 10)).toBe(30)
    expect(nextMoment([50], 50)).toBeNull()
  })
})
