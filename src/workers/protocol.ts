/**
 * The messages between the page and the parse worker. Everything here is plain data: it crosses
 * the boundary by structured clone, so DER arrives as a Uint8Array and models as plain objects.
 */
import type { CertificateInfo, Check, InspectedObject } from '../lib/pki/types'

/** One certificate for chain building: its DER and the model the inspector already made of it. */
export interface ChainInput {
  der: Uint8Array<ArrayBuffer>
  info: CertificateInfo
}

/** One link of a built chain, leaf first: the certificate and whether its signature verifies. */
export interface ChainLinkView {
  info: CertificateInfo
  /** How the link's signature fared against the next certificate up (or itself, for a root). */
  signature: { status: 'pass' | 'fail' | 'skip'; detail: string }
  /** Position of the certificate in the input list, when the parser reports it. */
  inputIndex?: number
}

export interface OcspCheckInput {
  responseDer: Uint8Array<ArrayBuffer>
  certDer?: Uint8Array<ArrayBuffer>
  issuerDer?: Uint8Array<ArrayBuffer>
  /** ISO time to check freshness at; now when absent. */
  at?: string
  skewSeconds?: number
  requestNonceHex?: string
}

/** Each call the worker answers: what it takes and what it gives back. */
export interface WorkerCalls {
  hello: { args: Record<string, never>; value: { maxInputBytes: number } }
  inspect: { args: { source: string; bytes: Uint8Array<ArrayBuffer> }; value: InspectedObject[] }
  chain: { args: { certs: ChainInput[] }; value: ChainLinkView[] }
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
