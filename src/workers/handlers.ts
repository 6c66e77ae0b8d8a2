/**
 * What the parse worker answers to each call, apart from the messaging itself, so the same code
 * runs in the worker and, in the tests, in node behind an in-process stand-in. Each set of
 * handlers keeps its own loaded set: one per worker.
 */
import { maxInputBytes, parseAsn1Tree } from '../lib/pki/index'
import { LoadedSet } from '../lib/inspection/loadedSet'
import type { CallName, WorkerCalls } from './protocol'

export type Handlers = { [K in CallName]: (args: WorkerCalls[K]['args']) => Promise<WorkerCalls[K]['value']> }

export function createHandlers(): Handlers {
  let loaded = new LoadedSet()
  return {
    hello: async () => ({ maxInputBytes }),
    analyse: async ({ restore, ...request }) => {
      if (restore) {
        loaded = new LoadedSet()
        await loaded.restore(restore)
      }
      return loaded.analyse(request)
    },
    asn1Tree: async ({ der, allowTrailing }) => parseAsn1Tree(der, { allowTrailing }),
  }
}
