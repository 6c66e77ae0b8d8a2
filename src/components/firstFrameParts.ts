/**
 * The prerendered first frame (src/build/firstFrame.ts), handed over to the app part by part. The
 * app mounts in steps, one task each, so no start-up task holds the page for long (issue 14: none
 * over 100 ms): the page's frame first, then the playback and share bars, the controls and the
 * panels (chunks of their own, to keep the first screen small), then one diagram per task. Until a
 * live part is drawn, its prerendered part stays where it will be: moved into the live layout, not
 * copied, so the page never shows a part twice and nothing jumps when the live one takes its place.
 */
import type { Attachment } from 'svelte/attachments'
import {
  firstFrameClass,
  firstFrameId,
  firstFramePartsClass,
  showFirstFrameClass,
} from '../build/firstFrame.ts'
import type { ComparisonRow } from '../lib/sim/index.ts'

/** A part of the first frame a live component replaces: a diagram's cell, a bar, the controls, the panels. */
export type FirstFramePart = `diagram:${ComparisonRow}` | 'playback' | 'share' | 'controls' | 'panels'

const parts = new Map<FirstFramePart, HTMLElement>()

/**
 * Empties #app for the mount, keeping the frame's parts that stand in for the live ones: where the
 * route check showed the frame, all of them; on the default link at any other width (a phone), the
 * parts above the diagrams, whose chunks load after the diagrams go live (the diagrams themselves are
 * drawn at another width there, and the panels below them push nothing when they arrive). Called
 * once, by main.ts, before the app mounts.
 */
export function takeFirstFrame(app: HTMLElement): void {
  const frame = app.querySelector<HTMLElement>(`#${firstFrameId}`)
  const html = document.documentElement.classList
  const whole = html.contains(showFirstFrameClass)
  if (frame && (whole || html.contains(firstFramePartsClass))) {
    if (whole)
      for (const cell of frame.querySelectorAll<HTMLElement>('.diagrams .cell[data-row]')) {
        parts.set(`diagram:${cell.dataset.row as ComparisonRow}`, cell)
      }
    for (const [name, selector] of [
      ['playback', '[role="group"][aria-label="Playback"]'],
      ['share', '.share'],
      ['controls', '.scenario-controls'],
      ...(whole ? ([['panels', '.panels']] as const) : []),
    ] as const) {
      const part = frame.querySelector<HTMLElement>(selector)
      if (part) parts.set(name, part)
    }
  }
  app.replaceChildren()
}

/** The prerendered part, once: the caller shows it until its live part is drawn. */
export function takeFirstFramePart(name: FirstFramePart): HTMLElement | undefined {
  const part = parts.get(name)
  parts.delete(name)
  return part
}

/**
 * Shows a taken part inside the element it is attached to (a wrapper with the frame's class, so its
 * rules still apply, and inert and aria-hidden, as the whole frame was), and removes it when the live
 * part replaces it.
 */
export function showFirstFramePart(part: HTMLElement): Attachment<HTMLElement> {
  return (wrapper) => {
    wrapper.classList.add(firstFrameClass)
    wrapper.inert = true
    wrapper.setAttribute('aria-hidden', 'true')
    wrapper.append(part)
    return () => part.remove()
  }
}

/**
 * Resolves in a later task, after the page has laid out and painted, so a live part drawn next
 * measures its real width (bind:clientWidth reports after layout, before paint): the task after the
 * next animation frame. A hidden tab gets no frames (HTML, "update the rendering" skips it) and
 * paints nothing, so there it waits 50 ms instead.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const next = () => setTimeout(resolve, 0)
    if (document.visibilityState === 'hidden') setTimeout(next, 50)
    else requestAnimationFrame(next)
  })
}

/**
 * Resolves in a later task, with no paint in between required: a place to split start-up work so
 * that no one task holds the page (issue 14: none over 100 ms). `scheduler.yield()` where the
 * browser has it (Chromium 129: the continuation runs before other queued tasks of its priority,
 * so the start-up keeps its turn), else a message to a channel of our own (a task, without
 * setTimeout's clamping of nested timers to 4 ms, HTML "timer initialisation steps").
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
