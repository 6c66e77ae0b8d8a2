/**
 * An element's clientWidth and clientHeight as the browser lays it out, told by a ResizeObserver
 * after each layout. bind:clientWidth also reads the size as the element mounts (Svelte 5.57,
 * src/internal/client/dom/elements/bindings/size.js: `untrack(() => set(element[type]))`), which
 * forces a style recalculation and layout of the whole page inside the task that mounts the view:
 * on a cold #/compare load, about 40 ms of the start-up task's CPU (a Chromium trace of the built
 * page at 1280 px). An observer waits for the layout the next frame does anyway and reports before
 * that frame is painted (HTML Standard, "update the rendering": resize observations are broadcast
 * after layout, before paint), so what depends on the size is never seen at its default.
 * Where there is no ResizeObserver (component tests), the size stays at the caller's default.
 */
import type { Attachment } from 'svelte/attachments'

export function laidOutSize(set: (size: { width: number; height: number }) => void): Attachment<HTMLElement> {
  return (element) => {
    if (typeof ResizeObserver === 'undefined') return
    // Read in the observer's callback, layout is fresh: clientWidth/Height cost nothing there, and
    // keep what bind:clientWidth gave (padding in, scrollbar out).
    const observer = new ResizeObserver(() =>
      set({ width: element.clientWidth, height: element.clientHeight }),
    )
    observer.observe(element)
    return () => observer.disconnect()
  }
}
