/**
 * What the parse worker answers to each call, apart from the messaging itself, so the same code
 * runs in the worker and, in the tests, in node behind an in-process stand-in. Each set of
 * handlers keeps its own loaded set: one per worker.
 */
import { maxInputBytes, parseAsn1Tree } from '../lib/pki/index'
import { defaultSkewSeconds } from '../lib/pki/freshness'
import { LoadedSet, type LoadInput } from '../lib/inspection/loadedSet'
import { warmUpSteps, type CallName, type WorkerCalls } from './protocol'
import { warmUpChainPem, warmUpResponseBase64 } from './warmUpSample'

/** The warm-up's inputs, one per step: the PEM chain (parsed, then chained), then its response (checked). */
function warmUpInputs(): LoadInput[] {
  const response = Uint8Array.from(atob(warmUpResponseBase64), (c) => c.charCodeAt(0))
  return [
    { key: 'warm-up-chain', source: 'warm-up', bytes: new TextEncoder().encode(warmUpChainPem) },
    { key: 'warm-up-response', source: 'warm-up', bytes: response },
  ]
}

export type Handlers = { [K in CallName]: (args: WorkerCalls[K]['args']) => Promise<WorkerCalls[K]['value']> }

export function createHandlers(): Handlers {
  let loaded = new LoadedSet()
  /** The warm-up's own set, apart from the page's: what it loads is never shown or kept. */
  let warming: LoadedSet | undefined
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
    warmUp: async ({ step, at }) => {
      const input = warmUpInputs()[step]
      if (!input) return { inputs: [], chain: [], checks: {}, signaturesVerified: 0 }
      if (step === 0 || !warming) warming = new LoadedSet({ timed: false })
      const set = warming
      const analysis = await set.analyse({
        remove: [],
        add: [input],
        maxObjects: 10,
        at,
        skewSeconds: defaultSkewSeconds,
      })
      if (step === warmUpSteps - 1) warming = undefined
      return { ...analysis, signaturesVerified: set.signaturesVerified }
    },
  }
}
