/**
 * An element's width as the browser lays it out, told by a ResizeObserver after each layout.
 * bind:clientWidth reads clientWidth as the element mounts (Svelte 5.57,
 * src/internal/client/dom/elements/bindings/size.js: `untrack(() => set(element[type]))`), which
 * forces a layout of the whole page inside the task that mounts the view: on a year's days view
 * that was a third of the mount task. An observer waits for the layout the next frame does anyway,
 * and reports before that frame is painted (HTML Standard, "update the rendering": resize
 * observations are broadcast after layout, before paint), so the chart is never seen at the
 * default width.
 */
import type { Attachment } from 'svelte/attachments'

export function laidOutWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1]
      // The content box, rounded as clientWidth is: these containers have no padding or border.
      if (entry) set(Math.round(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }
}
