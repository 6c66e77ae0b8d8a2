/**
 * The one animation clock of the page: a single d3-timer feeds real frame times into the pure clock
 * (clock.ts) and tells every subscriber the new state. Four diagrams subscribe to one driver; there
 * are never four timers. The timer runs only while playing, so a paused page costs nothing.
 */
import { timer, type Timer } from 'd3-timer'
import * as clock from './clock.ts'
import type { ClockMode, ClockState, Speed } from './clock.ts'

export type ClockListener = (state: ClockState) => void

export class PlaybackDriver {
  #state: ClockState
  #moments: readonly number[] = []
  #listeners = new Set<ClockListener>()
  #timer: Timer | null = null
  #last = 0

  constructor(end = 0, options: { speed?: Speed; mode?: ClockMode; playing?: boolean } = {}) {
    this.#state = clock.createClock(end, options)
  }

  get state(): ClockState {
    return this.#state
  }

  get moments(): readonly number[] {
    return this.#moments
  }

  /** Listeners are called at once with the current state, then on every change. */
  subscribe(listener: ClockListener): () => void {
    this.#listeners.add(listener)
    listener(this.#state)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** A new scenario: the moments the step button stops at, the end, and playback from the start. */
  load(end: number, moments: readonly number[], options: { autoplay?: boolean } = {}): void {
    this.#moments = moments
    const next = clock.reload(this.#state, end)
    this.#set(options.autoplay === false ? clock.pause(next) : next)
  }

  setMoments(moments: readonly number[]): void {
    this.#moments = moments
  }

  play(): void {
    this.#set(clock.play(this.#state))
  }
  pause(): void {
    this.#set(clock.pause(this.#state))
  }
  toggle(): void {
    this.#set(clock.toggle(this.#state))
  }
  step(): void {
    this.#set(clock.step(this.#state, this.#moments))
  }
  stepBack(): void {
    this.#set(clock.stepBack(this.#state, this.#moments))
  }
  seek(time: number): void {
    this.#set(clock.seek(this.#state, time))
  }
  restart(): void {
    this.#set(clock.restart(this.#state))
  }
  setSpeed(speed: Speed): void {
    this.#set(clock.setSpeed(this.#state, speed))
  }
  setMode(mode: ClockMode): void {
    this.#set(clock.setMode(this.#state, mode))
  }

  /** Stop the timer and forget every listener (the component that made the driver unmounts). */
  destroy(): void {
    this.#timer?.stop()
    this.#timer = null
    this.#listeners.clear()
  }

  #set(next: ClockState): void {
    const changed = next !== this.#state
    this.#state = next
    if (next.playing && this.#timer === null) this.#start()
    if (!next.playing && this.#timer !== null) {
      this.#timer.stop()
      this.#timer = null
    }
    if (changed) for (const listener of this.#listeners) listener(next)
  }

  #start(): void {
    this.#last = 0
    this.#timer = timer((elapsed) => {
      const delta = elapsed - this.#last
      this.#last = elapsed
      this.#set(clock.tick(this.#state, delta, this.#moments))
    })
  }
}
