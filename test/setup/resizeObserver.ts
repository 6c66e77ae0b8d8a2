/**
 * happy-dom lays nothing out, and its ResizeObserver never reports (happy-dom's ResizeObserver.js:
 * observe() is "Not implemented"). Components that wait for the first layout's size before they
 * draw (src/components/laidOutSize.ts) would draw nothing in a component test. This observer
 * reports each element once when it is observed, in a microtask, at the size happy-dom gives it
 * (0 × 0), as a browser reports each observed element after the layout that follows observe().
 */
if (typeof window !== 'undefined' && 'happyDOM' in window) {
  class ReportingResizeObserver {
    #callback: ResizeObserverCallback
    #observed = new Set<Element>()
    constructor(callback: ResizeObserverCallback) {
      this.#callback = callback
    }
    observe(target: Element): void {
      this.#observed.add(target)
      queueMicrotask(() => {
        if (!this.#observed.has(target)) return
        const box = [{ inlineSize: 0, blockSize: 0 }]
        const entry = {
          target,
          contentRect: new DOMRectReadOnly(0, 0, 0, 0),
          borderBoxSize: box,
          contentBoxSize: box,
          devicePixelContentBoxSize: box,
        } as unknown as ResizeObserverEntry
        this.#callback([entry], this as unknown as ResizeObserver)
      })
    }
    unobserve(target: Element): void {
      this.#observed.delete(target)
    }
    disconnect(): void {
      this.#observed.clear()
    }
  }
  window.ResizeObserver = ReportingResizeObserver
  globalThis.ResizeObserver = ReportingResizeObserver
}
