/**
 * A view's parts drawn a frame at a time: a count that climbs to its target one step per frame,
 * so no task builds the whole days view and no frame lays it all out at once (issue 14: no task
 * over 50 ms on a year's link). The parts themselves are the view's; this only says how many show.
 */
import { untrack } from 'svelte'
import { nextTask, type Later } from '../../lib/days/slices.ts'

/**
 * After the next frame is drawn: a task posted from a requestAnimationFrame callback runs after
 * that frame's style, layout and paint (HTML Standard, "update the rendering": the animation frame
 * callbacks run first, then the rendering), so what it adds is laid out by the following frame on
 * its own, not with everything added before it.
 */
export const afterNextFrame: Later = (task) => {
  if (typeof requestAnimationFrame === 'undefined') return nextTask(task)
  let drop: (() => void) | null = null
  const id = requestAnimationFrame(() => (drop = nextTask(task)))
  return () => {
    cancelAnimationFrame(id)
    drop?.()
  }
}

export class FrameReveal {
  /** How many parts show. */
  shown = $state(0)
  /** How many parts are wanted: while `shown` is below it, more are on their way. */
  target = $state(0)
  #drop: (() => void) | null = null
  readonly #later: Later

  constructor(later: Later = afterNextFrame) {
    this.#later = later
  }

  /** Every wanted part shows. */
  get done(): boolean {
    return this.shown >= this.target
  }

  /**
   * Show `target` parts: at once when that is no more than show now (new lanes for the same chart
   * replace the old ones in one go), else one more per frame, the first of them in this task when
   * `firstNow` (the first lane, as soon as the lanes are in) or after the next frame.
   */
  to(target: number, { firstNow = true }: { firstNow?: boolean } = {}): void {
    untrack(() => {
      this.target = target
      if (target <= this.shown) {
        this.#drop?.()
        this.#drop = null
        this.shown = target
        return
      }
      if (this.#drop) return
      if (firstNow) this.shown++
      this.#next()
    })
  }

  cancel(): void {
    this.#drop?.()
    this.#drop = null
  }

  #next(): void {
    if (this.shown >= this.target) return
    this.#drop = this.#later(() => {
      this.#drop = null
      this.shown++
      this.#next()
    })
  }
}
