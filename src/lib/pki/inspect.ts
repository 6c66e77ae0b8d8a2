/**
 * inspectBytes: one input (a file or a paste) to the objects it holds, each classified, parsed
 * into our models and given its ASN.1 tree. Never throws: every failure is a value on the object.
 */
import { toAsn1Node } from './asn1Tree.ts'
import { readCertificate } from './certificate.ts'
import { classify, describeShape, privateKeyFromLabel } from './classify.ts'
import { findInvalidOid, readDer, type DerNode } from './der.ts'
import { Malformed } from './fields.ts'
import { readOcspRequest } from './ocspRequest.ts'
import { certificateModel, ocspResponseModel } from './models.ts'
import { readOcspResponse } from './ocspResponse.ts'
import { decodeInput, type Chunk } from './pem.ts'
import type { InspectedObject, ObjectInfo, PkiError, Result } from './types.ts'
import { invalidOidText } from './values.ts'

const noBytes = () => new Uint8Array(0)

function failure(error: PkiError): { ok: false; error: PkiError } {
  return { ok: false, error }
}

type ParsedKind = 'certificate' | 'ocspResponse' | 'ocspRequest'

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
async function parse(kind: ParsedKind, der: Uint8Array<ArrayBuffer>, node: DerNode): Promise<ObjectInfo> {
  const oid = findInvalidOid(der, node)
  if (oid) {
    const content = der.subarray(oid.offset + oid.headerLength, oid.offset + oid.headerLength + oid.length)
    throw new Malformed(
      `malformed ${kindNames[kind]}: the OBJECT IDENTIFIER at byte ${oid.offset} is not valid (${invalidOidText(content)})`,
      oid.offset,
    )
  }
  switch (kind) {
    case 'certificate':
      return certificateModel(der, readCertificate(der, node))
    case 'ocspRequest':
      return readOcspRequest(der, node)
    case 'ocspResponse': {
      const walked = readOcspResponse(der, node)
      const embedded = (walked.basic?.certificateNodes ?? []).map((c) => readCertificate(der, c))
      return ocspResponseModel(walked, embedded)
    }
  }
}

async function inspectChunk(source: string, index: number, chunk: Chunk): Promise<InspectedObject> {
  const base = {
    source,
    index,
    encoding: chunk.encoding,
    ...(chunk.pemLabel !== undefined ? { pemLabel: chunk.pemLabel } : {}),
  }
  if (chunk.error) return { ...base, der: noBytes(), result: failure(chunk.error) }
  if (chunk.privateKey) {
    const { summary = '' } = privateKeyFromLabel(chunk.pemLabel ?? '')
    return { ...base, der: noBytes(), result: { ok: true, value: { kind: 'privateKey', summary } } }
  }
  const der = chunk.der
  // OpenSSL's TRUSTED CERTIFICATE appends its trust settings after the certificate.
  const read = readDer(der, { allowTrailing: chunk.pemLabel === 'TRUSTED CERTIFICATE' })
  if (!read.ok) return { ...base, der, result: read }
  const node = read.node
  const what = classify(der, node)
  if (what.kind === 'privateKey') {
    // Drop the key bytes and build no tree: nothing of the key is kept or shown.
    return {
      ...base,
      der: noBytes(),
      result: { ok: true, value: { kind: 'privateKey', summary: what.summary ?? '' } },
    }
  }
  const asn1 = toAsn1Node(der, node)
  let result: Result<ObjectInfo>
  if (what.kind === 'csr' || what.kind === 'crl' || what.kind === 'pkcs7') {
    result = { ok: true, value: { kind: what.kind, summary: what.summary ?? '' } }
  } else if (what.kind === 'unknown') {
    result = failure({
      code: 'unsupported',
      message: `valid DER, but not a certificate, OCSP response or OCSP request: ${describeShape(node)}`,
    })
  } else {
    try {
      result = { ok: true, value: await parse(what.kind, der, node) }
    } catch (e) {
      if (e instanceof Malformed)
        result = failure({ code: 'malformed', message: e.message, offset: e.offset })
      else result = failure({ code: 'malformed', message: `malformed ${what.kind}: ${String(e)}` })
    }
  }
  return { ...base, der, result, asn1 }
}

/** What one input holds: the objects parsed, and how many more it held past the limit. */
export interface InspectedInput {
  objects: InspectedObject[]
  /** Objects found after the first `maxObjects`: counted, not parsed. */
  notParsed: number
}

/**
 * Detect the encoding (DER, PEM with any blocks, bare base64), split, classify and parse every
 * object in one input, or the first `maxObjects` of them (the page shows about a hundred cards per
 * input: 4,657 certificates took 145 s of one main-thread task to show). An input that is entirely
 * bad yields one object whose result is an error.
 */
export async function inspectInput(
  source: string,
  bytes: Uint8Array,
  maxObjects = Number.POSITIVE_INFINITY,
): Promise<InspectedInput> {
  try {
    const chunks = decodeInput(bytes)
    const out: InspectedObject[] = []
    for (const [i, chunk] of chunks.entries()) {
      if (i >= maxObjects) break
      out.push(await inspectChunk(source, i, chunk))
    }
    return { objects: out, notParsed: chunks.length - out.length }
  } catch (e) {
    // A bug of ours, not the input's: still a value, never a throw across the boundary.
    const message = `internal error while reading the input: ${e instanceof Error ? e.message : String(e)}`
    return {
      objects: [
        {
          source,
          index: 0,
          encoding: 'der',
          der: noBytes(),
          result: failure({ code: 'malformed', message }),
        },
      ],
      notParsed: 0,
    }
  }
}

/** Every object in one input (the CLI's reading: a file is read to its end, however many objects). */
export async function inspectBytes(source: string, bytes: Uint8Array): Promise<InspectedObject[]> {
  return (await inspectInput(source, bytes)).objects
}
