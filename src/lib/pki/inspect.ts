/**
 * inspectBytes: one input (a file or a paste) to the objects it holds, each classified, parsed
 * into our models and given its ASN.1 tree. Never throws: every failure is a value on the object.
 */
import { toAsn1Node } from './asn1Tree.ts'
import { readCertificate, type CertificateParts } from './certificate.ts'
import { classify, describeShape, privateKeyFromLabel } from './classify.ts'
import { findInvalidOid, readDer, type DerNode } from './der.ts'
import { Malformed } from './fields.ts'
import { readOcspRequest } from './ocspRequest.ts'
import { certificateModel, ocspResponseModel } from './models.ts'
import { readOcspResponse, type OcspResponseParts } from './ocspResponse.ts'
import { decodeInput, type Chunk } from './pem.ts'
import type { InspectedObject, ObjectInfo, PkiError, Result } from './types.ts'
import { invalidOidText } from './values.ts'

const noBytes = () => new Uint8Array(0)

function failure(error: PkiError): { ok: false; error: PkiError } {
  return { ok: false, error }
}

type ParsedKind = 'certificate' | 'ocspResponse' | 'ocspRequest'

/**
 * What the field walk read of a certificate or an OCSP response: the signed bytes, the key, the
 * names' DER. The parse worker's loaded set keeps it beside the model, so building the chain and
 * checking a response never walk those bytes again (lib/inspection/loadedSet.ts).
 */
export type Walked =
  { kind: 'certificate'; parts: CertificateParts } | { kind: 'ocspResponse'; parts: OcspResponseParts }

/** An object, with its walk when it is a certificate or an OCSP response that parsed. */
export interface WalkedObject {
  object: InspectedObject
  walked?: Walked
}

const kindNames: Record<ParsedKind, string> = {
  certificate: 'certificate',
  ocspResponse: 'OCSP response',
  ocspRequest: 'OCSP request',
}

/**
 * The in-place field walk (certificate.ts, ocspResponse.ts, ocspRequest.ts) reads every field the
 * models carry and is strict where asn1js was lenient (a UTCTime with month 13 or a 31 February is
 * an error, not a date rolled over), naming the field and the byte. An OCSP response's embedded
 * certificates are walked in place, so their errors name the byte in the response's file. It
 * throws Malformed; models.ts adds the digests. Every OID is checked first, so that a hostile one
 * (an arc of 100 kB) is refused with its byte wherever it sits, not only in the fields we read.
 */
async function parse(
  kind: ParsedKind,
  der: Uint8Array<ArrayBuffer>,
  node: DerNode,
): Promise<{ info: ObjectInfo; walked?: Walked }> {
  const oid = findInvalidOid(der, node)
  if (oid) {
    const content = der.subarray(oid.offset + oid.headerLength, oid.offset + oid.headerLength + oid.length)
    throw new Malformed(
      `malformed ${kindNames[kind]}: the OBJECT IDENTIFIER at byte ${oid.offset} is not valid (${invalidOidText(content)})`,
      oid.offset,
    )
  }
  switch (kind) {
    case 'certificate': {
      const parts = readCertificate(der, node)
      return { info: await certificateModel(der, parts), walked: { kind, parts } }
    }
    case 'ocspRequest':
      return { info: readOcspRequest(der, node) }
    case 'ocspResponse': {
      const parts = readOcspResponse(der, node)
      const embedded = (parts.basic?.certificateNodes ?? []).map((c) => readCertificate(der, c))
      return { info: await ocspResponseModel(parts, embedded), walked: { kind, parts } }
    }
  }
}

/** Build each object's ASN.1 tree now, or leave it to be built when its view opens (InspectedObject.asn1OnDemand). */
export type TreeWhen = 'now' | 'on-demand'

async function inspectChunk(
  source: string,
  index: number,
  chunk: Chunk,
  tree: TreeWhen,
): Promise<WalkedObject> {
  const base = {
    source,
    index,
    encoding: chunk.encoding,
    ...(chunk.pemLabel !== undefined ? { pemLabel: chunk.pemLabel } : {}),
  }
  if (chunk.error) return { object: { ...base, der: noBytes(), result: failure(chunk.error) } }
  if (chunk.privateKey) {
    const { summary = '' } = privateKeyFromLabel(chunk.pemLabel ?? '')
    return {
      object: { ...base, der: noBytes(), result: { ok: true, value: { kind: 'privateKey', summary } } },
    }
  }
  const der = chunk.der
  // OpenSSL's TRUSTED CERTIFICATE appends its trust settings after the certificate.
  const allowTrailing = chunk.pemLabel === 'TRUSTED CERTIFICATE'
  const read = readDer(der, { allowTrailing })
  if (!read.ok) return { object: { ...base, der, result: read } }
  const node = read.node
  const what = classify(der, node)
  if (what.kind === 'privateKey') {
    // Drop the key bytes and build no tree: nothing of the key is kept or shown.
    return {
      object: {
        ...base,
        der: noBytes(),
        result: { ok: true, value: { kind: 'privateKey', summary: what.summary ?? '' } },
      },
    }
  }
  const asn1 = tree === 'now' ? { asn1: toAsn1Node(der, node) } : { asn1OnDemand: { allowTrailing } }
  let result: Result<ObjectInfo>
  let walked: Walked | undefined
  if (what.kind === 'csr' || what.kind === 'crl' || what.kind === 'pkcs7') {
    result = { ok: true, value: { kind: what.kind, summary: what.summary ?? '' } }
  } else if (what.kind === 'unknown') {
    result = failure({
      code: 'unsupported',
      message: `valid DER, but not a certificate, OCSP response or OCSP request: ${describeShape(node)}`,
    })
  } else {
    try {
      const parsed = await parse(what.kind, der, node)
      result = { ok: true, value: parsed.info }
      walked = parsed.walked
    } catch (e) {
      if (e instanceof Malformed)
        result = failure({ code: 'malformed', message: e.message, offset: e.offset })
      else result = failure({ code: 'malformed', message: `malformed ${what.kind}: ${String(e)}` })
    }
  }
  return { object: { ...base, der, result, ...asn1 }, ...(walked ? { walked } : {}) }
}

/** What one input holds: the objects parsed, and how many more it held past the limit. */
export interface InspectedInput {
  objects: InspectedObject[]
  /** Objects found after the first `maxObjects`: counted, not parsed. */
  notParsed: number
}

/**
 * An input split into its objects' encodings (DER, PEM with any blocks, bare base64), none parsed
 * yet: how many objects it holds is known before any is parsed, so several inputs that share one
 * limit can be parsed side by side (lib/inspection/loadedSet.ts).
 */
export type SplitInput = { source: string; chunks: Chunk[] } | { source: string; internalError: string }

const internalError = (e: unknown): string =>
  `internal error while reading the input: ${e instanceof Error ? e.message : String(e)}`

export function splitInput(source: string, bytes: Uint8Array): SplitInput {
  try {
    return { source, chunks: decodeInput(bytes) }
  } catch (e) {
    // A bug of ours, not the input's: still a value, never a throw across the boundary.
    return { source, internalError: internalError(e) }
  }
}

/** How many objects walkSplit gives for `split` under the limit `maxObjects` (an internal error is one). */
export function objectsWalked(split: SplitInput, maxObjects: number): number {
  return 'chunks' in split ? Math.min(split.chunks.length, maxObjects) : 1
}

/**
 * Classify and parse every object of a split input, or the first `maxObjects` of them (the page
 * shows about a hundred cards per input: 4,657 certificates took 145 s of one main-thread task to
 * show), side by side: a certificate's digests are WebCrypto calls, whose answers come a task
 * later, so one after another a drop of four files waited for four rounds of them. An input that
 * is entirely bad yields one object whose result is an error. Each object comes with its walk
 * (Walked), and with its ASN.1 tree or, `tree` 'on-demand', what is needed to build it later.
 */
export async function walkSplit(
  split: SplitInput,
  maxObjects = Number.POSITIVE_INFINITY,
  tree: TreeWhen = 'now',
): Promise<{ objects: WalkedObject[]; notParsed: number }> {
  const { source } = split
  try {
    if ('internalError' in split) return internalFailure(source, split.internalError)
    const { chunks } = split
    const out = await Promise.all(
      chunks.slice(0, maxObjects).map((chunk, i) => inspectChunk(source, i, chunk, tree)),
    )
    return { objects: out, notParsed: chunks.length - out.length }
  } catch (e) {
    return internalFailure(source, internalError(e))
  }
}

function internalFailure(source: string, message: string): { objects: WalkedObject[]; notParsed: number } {
  return {
    objects: [
      {
        object: {
          source,
          index: 0,
          encoding: 'der',
          der: noBytes(),
          result: failure({ code: 'malformed', message }),
        },
      },
    ],
    notParsed: 0,
  }
}

/** One input to the objects it holds, each with its walk: splitInput, then walkSplit. */
export async function walkInput(
  source: string,
  bytes: Uint8Array,
  maxObjects = Number.POSITIVE_INFINITY,
  tree: TreeWhen = 'now',
): Promise<{ objects: WalkedObject[]; notParsed: number }> {
  return walkSplit(splitInput(source, bytes), maxObjects, tree)
}

/** walkInput's objects without their walks: what the CLI and the request builder read. */
export async function inspectInput(
  source: string,
  bytes: Uint8Array,
  maxObjects = Number.POSITIVE_INFINITY,
): Promise<InspectedInput> {
  const { objects, notParsed } = await walkInput(source, bytes, maxObjects)
  return { objects: objects.map((o) => o.object), notParsed }
}

/** Every object in one input (the CLI's reading: a file is read to its end, however many objects). */
export async function inspectBytes(source: string, bytes: Uint8Array): Promise<InspectedObject[]> {
  return (await inspectInput(source, bytes)).objects
}
