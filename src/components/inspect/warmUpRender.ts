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

/** Draw `sample` as cards and a chain in a detached element, then take them down again. */
export function renderOffScreen(sample: WarmUpSample, now: Date): void {
  if (drawn.has(sample)) return
  drawn.add(sample)
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
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 })
  else setTimeout(work, 50)
}
