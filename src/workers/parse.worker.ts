/**
 * The parse worker: every byte a user drops is parsed here, off the main thread, so a hostile file
 * can at worst make this worker slow (the client then terminates it), never freeze the page. The
 * parser and its crypto load only in this bundle, not in the page's first load. The objects stay
 * here (handlers.ts): each message adds or removes some and gets the whole analysis back.
 */
import { createHandlers } from './handlers'
import type { WorkerReply, WorkerRequest } from './protocol'

const handlers = createHandlers()

// The DOM lib types `self` as a Window; in a dedicated worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null
  postMessage(message: WorkerReply): void
}

scope.onmessage = (event) => {
  const { id, call, args } = event.data
  const handler = handlers[call] as (args: unknown) => Promise<unknown>
  handler(args).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (error: unknown) => {
      // One line, no stack: the message becomes an error card's text.
      const text = error instanceof Error ? error.message : String(error)
      scope.postMessage({ id, ok: false, message: text.split('\n')[0].slice(0, 300) })
    },
  )
}
