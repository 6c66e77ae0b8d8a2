/**
 * What the parse worker answers to each call, apart from the messaging itself, so the same code
 * runs in the worker and, in the tests, in node behind an in-process stand-in. Each set of
 * handlers keeps its own loaded set: one per worker.
 */
import { maxInputBytes, parseAsn1Tree } from '../lib/pki/index'
import { defaultSkewSeconds } from '../lib/pki/freshness'
import { notReadOverLimit } from '../lib/pki/limits'
import { LoadedSet, type LoadInput } from '../lib/inspection/loadedSet'
import { measureSince } from '../lib/inspection/timing'
import { warmUpSteps, type CallName, type FileInput, type PageInput, type WorkerCalls } from './protocol'
import { warmUpChainPem, warmUpResponseBase64 } from './warmUpSample'

/** The warm-up's inputs, one per step: the PEM chain (parsed, then chained), then its response (checked). */
function warmUpInputs(): LoadInput[] {
  const response = Uint8Array.from(atob(warmUpResponseBase64), (c) => c.charCodeAt(0))
  return [
    { key: 'warm-up-chain', source: 'warm-up', bytes: new TextEncoder().encode(warmUpChainPem) },
    { key: 'warm-up-response', source: 'warm-up', bytes: response },
  ]
}

type Unreadable = { key: string; source: string; refused: string }

const isFileInput = (input: PageInput): input is FileInput => 'file' in input
const isLoadInput = (input: LoadInput | Unreadable): input is LoadInput => 'bytes' in input

/**
 * A file's bytes, read here; one over the size limit, or that cannot be read (gone from disk, no
 * permission), is refused alone. The size is read here too, before the bytes, so the page reads
 * nothing of a file: posting it is the one look-up of its metadata the page pays (Chromium 156,
 * measured: 2-4 ms of the change event's task for four chosen files, whether it is their sizes or
 * the message that asks first).
 */
async function readInput(input: PageInput): Promise<LoadInput | Unreadable> {
  if (!isFileInput(input)) return input
  const { key, source, file } = input
  if (file.size > maxInputBytes) return { key, source, refused: notReadOverLimit(file.size) }
  try {
    return { key, source, bytes: new Uint8Array(await file.arrayBuffer()) }
  } catch {
    return { key, source, refused: 'the browser could not read this file' }
  }
}

export type Handlers = { [K in CallName]: (args: WorkerCalls[K]['args']) => Promise<WorkerCalls[K]['value']> }

export function createHandlers(): Handlers {
  let loaded = new LoadedSet()
  /** The warm-up's own set, apart from the page's: what it loads is never shown or kept. */
  let warming: LoadedSet | undefined
  return {
    hello: async () => ({ maxInputBytes }),
    analyse: async ({ restore, add, ...request }) => {
      if (restore) {
        loaded = new LoadedSet()
        await loaded.restore(restore)
      }
      const reading = performance.now()
      const read = await Promise.all(add.map(readInput))
      if (add.some(isFileInput)) measureSince('read files', reading)
      const analysis = await loaded.analyse({ ...request, add: read.filter(isLoadInput) })
      // Each input's answer in the order sent, an unreadable file's among them.
      const answers = new Map(analysis.inputs.map((input) => [input.key, input]))
      const inputs = read.map((input) =>
        isLoadInput(input) ? answers.get(input.key)! : { ...input, objects: [], notShown: 0 },
      )
      return { ...analysis, inputs }
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
