/**
 * Starts the parse worker from code carried inside the page: Vite's `?worker&inline` builds the
 * worker into a string and starts it from a blob: URL. The offline single file needs this because
 * a page opened from file:// may not load a worker script from another file
 * (Chromium treats every file:// URL as its own opaque origin).
 */
import ParseWorker from './parse.worker.ts?worker&inline'

export function startParseWorker(): Worker {
  return new ParseWorker({ name: 'staple-lab-parser' })
}
