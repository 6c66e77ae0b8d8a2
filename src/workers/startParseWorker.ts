/**
 * Starts the parse worker from its own file next to the page (dist/assets/parse.worker-*.js).
 * The single-file build swaps this module for startParseWorker.inline.ts (vite.single.config.ts).
 */
export function startParseWorker(): Worker {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), {
    type: 'module',
    name: 'staple-lab-parser',
  })
}
