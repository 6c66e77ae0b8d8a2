/**
 * A view whose code is its own chunk, loaded the first time it is asked for. Once loaded, the
 * component is at hand synchronously (`loaded`), so LazyView draws it in the same task instead of
 * showing "Loading…" for a microtask: main.ts loads the route's view before it mounts the app, and
 * the prerendered first frame (src/build/firstFrame.ts) gives way to the live view in one task.
 */
import type { Component } from 'svelte'

export interface LazyComponent {
  /** The component, once its chunk has loaded. */
  readonly loaded: Component | undefined
  /** Load the chunk (once; a failed load is tried again on the next call). */
  load(): Promise<Component>
}

export function lazyComponent(importChunk: () => Promise<{ default: Component }>): LazyComponent {
  let loaded: Component | undefined
  let loading: Promise<Component> | undefined
  return {
    get loaded() {
      return loaded
    },
    load() {
      loading ??= importChunk().then(
        (module) => (loaded = module.default),
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
  }
}
