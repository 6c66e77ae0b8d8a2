/**
 * The parse worker: every byte a user drops is parsed here, off the main thread, so a hostile file
 * can at worst make this worker slow (the client then terminates it), never freeze the page. The
 * parser and its crypto load only in this bundle, not in the page's first load.
 */
import { buildChain, checkOcspResponse, inspectInput, maxInputBytes } from '../lib/pki/index'
import type { CallName, WorkerCalls, WorkerReply, WorkerRequest } from './protocol'

type Handlers = { [K in CallName]: (args: WorkerCalls[K]['args']) => Promise<WorkerCalls[K]['value']> }

const handlers: Handlers = {
  hello: async () => ({ maxInputBytes }),
  inspect: ({ source, bytes, maxObjects }) => inspectInput(source, bytes, maxObjects),
  chain: ({ certs }) => buildChain(certs),
  checkOcsp: (input) => checkOcspResponse(input),
}

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
