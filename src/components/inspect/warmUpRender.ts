/**
 * The first drop's cards are the first time the page runs the card components, and V8 compiles
 * each function on its first call: a cold drop's longest task took 63-67 ms of CPU against 27-47 ms
 * warm (scripts/bench/inspect.ts, trace). Drawing the worker's warm-up chain once, into an element
 * that is never attached to the document (no style, layout or paint; nothing a reader or a screen
 * reader can meet), compiles that code while the page is idle.
 */
import { flushSync, mount, unmount } from 'svelte'
import ChainView from './ChainView.svelte'
import type { WarmUpSample } from './inspector.svelte'
import ObjectCard from './ObjectCard.svelte'

const noop = (): void => {}

/** Samples already drawn: coming back to the view does not draw its sample again. */
const drawn = new WeakSet<WarmUpSample>()

/**
 * How many times the sample is drawn. V8 compiles a function again (Maglev, then TurboFan, on a
 * background thread) once it has run often enough: drawn once, the page's second drop was when much
 * of the card code got there, and those compiles ran beside the drop on a 2-core machine. Three
 * draws here and three readings in the worker (protocol.ts, warmUpRounds) move them to idle time.
 * Measured together on the bench's warm drop (fresh pages, A/B, traced, medians of 12 and 16 pages):
 * the renderer's background CPU 23.3 -> 18.6 and 23.8 -> 21.2 ms, the drop 80 -> 76 and 95 -> 84 ms,
 * the cold drop 201 -> 177 and 198 -> 185 ms.
 */
export const warmUpDraws = 3

/**
 * Draw `sample` off screen `warmUpDraws` times, each when the page is idle, while `stillIdle()`
 * holds (nothing was loaded meanwhile, whose cards compile the same code).
 */
export function warmUpWhenIdle(sample: WarmUpSample, stillIdle: () => boolean): void {
  if (drawn.has(sample)) return
  drawn.add(sample)
  let left = warmUpDraws
  const next = (): void =>
    whenIdle(() => {
      if (!stillIdle()) return
      renderOffScreen(sample, new Date())
      if (--left > 0) next()
    })
  next()
}

/** Draw `sample` as cards and a chain in a detached element, then take them down again. */
function renderOffScreen(sample: WarmUpSample, now: Date): void {
  const target = document.createElement('div')
  const [leaf, issuer] = sample.objects
  const mounted = [
    mount(ChainView, { target, props: { chain: { state: 'built', links: sample.chain } } }),
    ...sample.objects.map(({ key, object }) =>
      mount(ObjectCard, {
        target,
        props: {
          cardKey: `warm-up-${key}`,
          object,
          now,
          checks: sample.checks[key],
          onremove: noop,
          oninspect: noop,
          // The leaf's actions too ("Simulate with this", "Build the OCSP request"), as on a drop.
          ...(key === leaf?.key ? { onsimulate: noop, issuerDer: issuer?.object.der } : {}),
          skewSeconds: 300,
          onskew: noop,
        },
      }),
    ),
  ]
  flushSync()
  for (const component of mounted) void unmount(component)
}

/** Run `work` when the page is idle (requestIdleCallback), or after a moment where there is none. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 })
  else setTimeout(work, 50)
}
