/**
 * The messages between the page and the parse worker. Everything here is plain data: it crosses
 * the boundary by structured clone, so DER arrives as a Uint8Array and models as plain objects.
 */
import type { InspectedInput, OcspCheckInput } from '../lib/pki/index'
import type { CertificateInfo, ChainLink, Check } from '../lib/pki/types'

export type { ChainLink, InspectedInput, OcspCheckInput }

/**
 * At most this many objects of one input are parsed and sent to the page; the rest are counted.
 * Measured in Chromium before the limit: 10,000 PEM blocks blocked the main thread 12 s and 4,657
 * certificates 145 s, both in cloning and rendering; a hundred cards render in short tasks.
 */
export const maxObjectsPerInput = 100

/** One certificate for chain building: its DER and the model the inspector already made of it. */
export interface ChainInput {
  der: Uint8Array<ArrayBuffer>
  info: CertificateInfo
}

/** Each call the worker answers: what it takes and what it gives back. */
export interface WorkerCalls {
  hello: { args: Record<string, never>; value: { maxInputBytes: number } }
  inspect: {
    args: { source: string; bytes: Uint8Array<ArrayBuffer>; maxObjects: number }
    value: InspectedInput
  }
  chain: { args: { certs: ChainInput[] }; value: ChainLink[] }
  checkOcsp: { args: OcspCheckInput; value: Check[] }
}

export type CallName = keyof WorkerCalls

export interface WorkerRequest<K extends CallName = CallName> {
  id: number
  call: K
  args: WorkerCalls[K]['args']
}

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }
