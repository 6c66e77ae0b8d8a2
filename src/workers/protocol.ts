/**
 * The messages between the page and the parse worker. Everything here is plain data: it crosses
 * the boundary by structured clone, so DER arrives as a Uint8Array and models as plain objects.
 *
 * One round trip per user action: a drop, a paste, a removal or a new clock-skew allowance is one
 * `analyse` message, and its answer is the whole analysis (the new objects, the chain, every
 * checklist). The worker keeps what was loaded (lib/inspection/loadedSet.ts), so nothing parsed
 * is sent back to be parsed again.
 */
import type { Analysis, AnalysisRequest, LoadInput } from '../lib/inspection/loadedSet'
import type { Asn1Node, Result } from '../lib/pki/types'

export type { Analysis, AnalysisRequest, LoadInput }
export type { KeyedObject, LoadedInput } from '../lib/inspection/loadedSet'

/**
 * A chosen or dropped file, posted as it is (a File is a handle: structured clone copies no byte)
 * and read in the worker: the page's main thread neither waits for nor touches the bytes.
 */
export interface FileInput {
  key: string
  source: string
  file: Blob
}

/** What the page sends: bytes it has (a paste, the demo CA), or a file for the worker to read. */
export type PageInput = LoadInput | FileInput

/**
 * After the worker was stopped (a hostile input ran past the time limit) the next one starts
 * empty: `restore` gives it again, silently, every object the page still shows.
 */
export interface AnalyseArgs extends Omit<AnalysisRequest, 'add'> {
  add: PageInput[]
  restore?: LoadInput[]
}

/**
 * At most this many objects of one drop are parsed and sent to the page; the rest are counted.
 * Measured in Chromium before the limit: 10,000 PEM blocks blocked the main thread 12 s and 4,657
 * certificates 145 s, both in cloning and rendering; a hundred cards render in short tasks.
 */
export const maxObjectsPerInput = 100

/** The warm-up's calls: the built-in chain's PEM (parsed and chained), then its OCSP response (checked). */
export const warmUpSteps = 2

/**
 * The warm-up's steps are run this many times: V8 compiles the reader's busiest functions again,
 * on a background thread, once they have run often enough, and after one reading that happened
 * during the page's second drop (warmUpRender.ts, warmUpDraws, has the measurements).
 */
export const warmUpRounds = 3

/** Each call the worker answers: what it takes and what it gives back. */
export interface WorkerCalls {
  hello: { args: Record<string, never>; value: { maxInputBytes: number } }
  analyse: { args: AnalyseArgs; value: Analysis }
  /** The ASN.1 tree of one object's DER, built when its tab opens (InspectedObject.asn1OnDemand). */
  asn1Tree: { args: { der: Uint8Array<ArrayBuffer>; allowTrailing: boolean }; value: Result<Asn1Node> }
  /**
   * One step of the warm-up (handlers.ts): a built-in chain read apart from the page's set, so the
   * first drop finds the parser compiled. Answers the step's analysis (the page draws it once, off
   * screen, to warm its own code) and how many signatures the warm-up has checked so far.
   */
  warmUp: { args: { step: number; at: Date }; value: Analysis & { signaturesVerified: number } }
}

export type CallName = keyof WorkerCalls

export interface WorkerRequest<K extends CallName = CallName> {
  id: number
  call: K
  args: WorkerCalls[K]['args']
}

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }
