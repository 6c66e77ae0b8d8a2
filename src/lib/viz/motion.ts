/**
 * The per-frame work of a diagram, as a Svelte action on its <svg>. Svelte renders the static
 * picture once per scenario; on every clock tick this moves only what time changes: each arrow's
 * tip (x2/y2), which flights, crosses, labels and outcome are shown, how far each waiting span has
 * grown along the time axis (its width on a row, its height in a column), and the "now" cursor. Attributes are written only when their value changes, so a paused
 * or finished diagram costs nothing and a playing one touches a few dozen attributes per frame.
 *
 * The elements are found by data attributes the component renders:
 *   [data-flight=i] > .shaft (one or more), .cross   [data-wait=i]   [data-wait-caption=i]   [data-leak=i]   [data-outcome]   [data-now]
 * Flights and leaks get data-state="pending" and a description saying so until they happen (the
 * component hides their drawing) rather than visibility="hidden", which would take them out of the
 * tab order while they wait.
 */
import { arrowAt, spanEndAt } from './arrow.ts'
import type { ClockState } from './clock.ts'
import type { DiagramModel } from './diagram.ts'
import type { PlaybackDriver } from './driver.ts'
import type { TimeScale } from './timeScale.ts'

export interface MotionParams {
  driver: PlaybackDriver
  model: DiagramModel
  /** The shared time scale: x in a horizontal diagram, y in a vertical one. */
  time: TimeScale
}

interface FlightNodes {
  group: SVGGElement
  shafts: SVGLineElement[]
  cross: SVGElement | null
}

/** Sets an attribute only when it changes (the DOM write is the expensive part). */
class AttributeCache {
  #values = new WeakMap<Element, Map<string, string>>()
  set(el: Element | null, name: string, value: string): void {
    if (!el) return
    let map = this.#values.get(el)
    if (!map) {
      map = new Map()
      this.#values.set(el, map)
    }
    if (map.get(name) === value) return
    map.set(name, value)
    el.setAttribute(name, value)
  }
}

const round = (n: number) => String(Math.round(n * 10) / 10)

/** Said after a pending mark's name (aria-description: its role, img, allows no aria-disabled). */
const notYet = 'Not happened yet at this point of the playback.'

export function diagramMotion(svg: SVGSVGElement, initial: MotionParams) {
  let params = initial
  let flights: FlightNodes[] = []
  let waits: (SVGRectElement | null)[] = []
  let captions: (SVGElement | null)[] = []
  let leaks: (SVGElement | null)[] = []
  let outcome: SVGElement | null = null
  let cursor: SVGLineElement | null = null
  let cache = new AttributeCache()
  let unsubscribe: () => void = () => {}

  function collect(): void {
    cache = new AttributeCache()
    flights = params.model.flights.map((f) => {
      const group = svg.querySelector<SVGGElement>(`[data-flight="${f.id}"]`)
      return {
        group: group as SVGGElement,
        shafts: group ? [...group.querySelectorAll<SVGLineElement>('.shaft')] : [],
        cross: group?.querySelector<SVGElement>('.cross') ?? null,
      }
    })
    waits = params.model.waits.map((_, i) => svg.querySelector<SVGRectElement>(`[data-wait="${i}"]`))
    captions = params.model.waits.map((_, i) => svg.querySelector<SVGElement>(`[data-wait-caption="${i}"]`))
    leaks = params.model.leaks.map((_, i) => svg.querySelector<SVGElement>(`[data-leak="${i}"]`))
    outcome = svg.querySelector<SVGElement>('[data-outcome]')
    cursor = svg.querySelector<SVGLineElement>('[data-now]')
  }

  function draw(state: ClockState): void {
    const stepped = state.mode === 'stepped'
    const now = state.time
    const { model, time } = params
    const horizontal = model.orientation === 'horizontal'
    model.flights.forEach((f, i) => {
      const nodes = flights[i]
      if (!nodes?.group) return
      const frame = arrowAt(f.geometry, now, stepped)
      // A message not sent yet stays in the tab order, marked pending (its drawing hidden by CSS):
      // the set of focusable messages is the same before, during and after playback.
      cache.set(nodes.group, 'data-state', !frame.visible ? 'pending' : frame.done ? 'done' : 'flying')
      cache.set(nodes.group, 'aria-description', frame.visible ? '' : notYet)
      if (!frame.visible) return
      for (const shaft of nodes.shafts) {
        cache.set(shaft, 'x2', round(frame.x))
        cache.set(shaft, 'y2', round(frame.y))
      }
      cache.set(nodes.cross, 'visibility', frame.done && !f.delivered ? 'inherit' : 'hidden')
    })
    model.waits.forEach((w, i) => {
      const end = spanEndAt(w.start, w.end, now)
      const grown = round(Math.max(0, time(end) - (horizontal ? w.x : w.y)))
      cache.set(waits[i] ?? null, horizontal ? 'width' : 'height', grown)
      cache.set(captions[i] ?? null, 'visibility', now >= w.end ? 'visible' : 'hidden')
    })
    model.leaks.forEach((l, i) => {
      cache.set(leaks[i] ?? null, 'data-state', now >= l.at ? 'shown' : 'pending')
      cache.set(leaks[i] ?? null, 'aria-description', now >= l.at ? '' : notYet)
    })
    cache.set(outcome, 'visibility', now >= model.outcome.at ? 'visible' : 'hidden')
    const at = round(time(now))
    cache.set(cursor, horizontal ? 'x1' : 'y1', at)
    cache.set(cursor, horizontal ? 'x2' : 'y2', at)
    cache.set(cursor, 'visibility', state.time > 0 && state.time < state.end ? 'visible' : 'hidden')
  }

  function connect(): void {
    unsubscribe()
    collect()
    unsubscribe = params.driver.subscribe(draw)
  }

  connect()

  return {
    update(next: MotionParams) {
      params = next
      connect()
    },
    destroy() {
      unsubscribe()
    },
  }
}
