/**
 * The page's one playback clock, seen from Svelte: the driver (lib/viz/driver.ts) owns the d3-timer;
 * this mirrors its state into a rune so the playback bar can show it. Diagrams do not read this:
 * they subscribe to the driver directly and move their arrows without a Svelte re-render.
 */
import { onDestroy, untrack } from 'svelte'
import {
  compareModesAs,
  type ClientProfile,
  type ComparisonRow,
  type Run,
  type Scenario,
} from '../../../lib/sim/index.ts'
import { playbackMoments } from '../../../lib/viz/diagram.ts'
import { sharedEnd } from '../../../lib/viz/timeScale.ts'
import { createClock, type ClockState } from '../../../lib/viz/clock.ts'
import { PlaybackDriver } from '../../../lib/viz/driver.ts'

export class Playback {
  readonly driver: PlaybackDriver
  state: ClockState = $state.raw(createClock(0, { playing: false }))
  #unsubscribe: () => void

  constructor(driver = new PlaybackDriver()) {
    this.driver = driver
    this.#unsubscribe = driver.subscribe((s) => {
      this.state = s
    })
  }

  destroy(): void {
    this.#unsubscribe()
    this.driver.destroy()
  }
}

export type PlaybackCommand = 'toggle' | 'step' | 'back' | 'restart'

/** Elements whose own keys (typing, Space on a button, arrows on a slider) must win over shortcuts. */
const ownKeys = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY', 'OPTION'])

export interface KeyLike {
  key: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  target: EventTarget | null
}

/**
 * The playback shortcut a key press means, or null: Space play/pause, → next message,
 * ← previous message, Home restart. Keys typed into a control are left to that control.
 */
export function playbackShortcut(event: KeyLike): PlaybackCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null
  const target = event.target as (HTMLElement & { isContentEditable?: boolean }) | null
  if (target && typeof target.tagName === 'string') {
    if (ownKeys.has(target.tagName.toUpperCase()) || target.isContentEditable) return null
  }
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return 'toggle'
    case 'ArrowRight':
      return 'step'
    case 'ArrowLeft':
      return 'back'
    case 'Home':
      return 'restart'
    default:
      return null
  }
}

export function runCommand(driver: PlaybackDriver, command: PlaybackCommand): void {
  if (command === 'toggle') driver.toggle()
  else if (command === 'step') driver.step()
  else if (command === 'back') driver.stepBack()
  else driver.restart()
}

/**
 * A playback that follows a set of runs, for a view that shows live diagrams (compare, learn):
 * every new set restarts the animation from the start on the shared clock, and
 * prefers-reduced-motion makes messages appear whole, one at a time, instead of flying, and only
 * after the reader presses Play: nothing moves by itself (WCAG 2.2 SC 2.2.2 and 2.3.3).
 * `drawn`: when the diagrams are drawn a few tasks after the view mounts (the comparison hands the
 * first frame over row by row), the first playback starts then, from the start, unless the reader
 * already played, paused or moved the clock meanwhile; until then it waits at 0.
 * Call it while a component initialises: it registers effects and its own clean-up.
 */
export function livePlayback(runs: () => readonly Run[], drawn?: Promise<void>): Playback {
  const playback = new Playback()
  const driver = playback.driver
  onDestroy(() => playback.destroy())
  let waitingToDraw = drawn !== undefined
  let touched = false
  void drawn?.then(() => {
    waitingToDraw = false
    const { playing, time } = driver.state
    if (!touched && !reducedMotion && !playing && time === 0) driver.play()
  })

  let reducedMotion = $state(
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
  )
  // The scenario's end before any effect runs. Svelte's server renderer runs none, and the first
  // frame's playback bar (src/build/firstFrame.ts) read "0 ms / 0 ms", as if there were nothing to play.
  // Only the end: the effect below loads the step moments, and loads the end again as runs change.
  driver.load(sharedEnd(runs()), [], { autoplay: false })
  $effect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)')
    const listen = () => (reducedMotion = query.matches)
    query.addEventListener('change', listen)
    return () => query.removeEventListener('change', listen)
  })
  $effect(() => {
    const list = runs()
    const still = untrack(() => reducedMotion)
    driver.load(sharedEnd(list), playbackMoments(list, still), { autoplay: !still && !waitingToDraw })
  })
  if (drawn) {
    // A press on the playback bar before the diagrams are drawn is the reader's choice: kept. The
    // driver's own state before the first load (a new clock plays, clock.ts) is not a press.
    let subscribing = true
    const unsubscribe = driver.subscribe((state) => {
      if (!subscribing && waitingToDraw && (state.playing || state.time !== 0)) touched = true
    })
    subscribing = false
    onDestroy(unsubscribe)
  }
  $effect(() => {
    const stepped = reducedMotion
    driver.setMode(stepped ? 'stepped' : 'continuous')
    driver.setMoments(playbackMoments(runs(), stepped))
    if (stepped) untrack(() => driver.pause())
  })
  return playback
}

/**
 * The comparison's four runs of one scenario, by row, as the diagrams and panels take them, made by
 * `profile`, the scenario's client (the comparison view has only the textbook one at first:
 * lib/sim/clients/load.ts; other views take it from `clientProfiles`).
 */
export function runsByRow(scenario: Scenario, profile: ClientProfile): Record<ComparisonRow, Run> {
  return Object.fromEntries(compareModesAs(profile, scenario).map((e) => [e.row, e.run])) as Record<
    ComparisonRow,
    Run
  >
}
