/**
 * OCSPResponse and BasicOCSPResponse (RFC 6960 4.2.1), read in place over der.ts's tree for the
 * verifier (tbsResponseData's bytes, the signature, the embedded certificates' DER, the responder
 * ID's raw bytes) and for the model, naming the field and byte of anything that breaks RFC 6960. The
 * OcspResponseInfo model is built from this walk (models.ts).
 */
import { nonceOf, readCertId } from './certId.ts'
import { nonceOid } from './oids.ts'
import { contentOf, contentStart, readDer, wholeOf, type DerNode } from './der.ts'
import {
  algorithmOf,
  extensionsOf,
  fail,
  Fields,
  Malformed,
  nameOf,
  TAG,
  timeOf,
  type AlgorithmIdentifier,
} from './fields.ts'
import { rfc4514 } from './names.ts'
import type {
  BasicOcspResponseInfo,
  CertStatus,
  CRLReason,
  ParseNote,
  ResponderID,
  ResponseStatus,
  SingleResponse,
} from './types.ts'
import { integerValue, toHex } from './values.ts'

const what = 'OCSP response'

/** RFC 6960 4.2.1 OCSPResponseStatus values (4 is not used). */
export const responseStatuses: Record<number, ResponseStatus> = {
  0: 'successful',
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
}

/** RFC 5280 5.3.1 CRLReason values (7 is not used). */
const crlReasons: Record<number, CRLReason> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
}

export interface BasicOcspParts {
  /** tbsResponseData's DER: what the signature covers. */
  tbs: Uint8Array<ArrayBuffer>
  signatureAlgorithm: AlgorithmIdentifier
  signature: Uint8Array<ArrayBuffer>
  /** byName: the Name's DER; byKey: the SHA-1 key hash. */
  responderIdRaw: Uint8Array<ArrayBuffer>
  certificatesDer: Uint8Array<ArrayBuffer>[]
  /** The same certificates as nodes of the response's own tree (offsets in the response). */
  certificateNodes: DerNode[]
  info: Omit<BasicOcspResponseInfo, 'certificates' | 'certificatesDer'>
}

export interface OcspResponseParts {
  responseStatus: ResponseStatus
  basic?: BasicOcspParts
  /** What the response breaks but is shown with, at its byte (see fields.ts). */
  notes: ParseNote[]
}

function readSingle(f: Fields, n: DerNode, field: string): SingleResponse {
  const s = f.child(n, field)
  const certId = readCertId(s, s.next(TAG.SEQUENCE, 'certID'), 'certID')
  const statusNode = s.node.children[1]
  if (!statusNode || statusNode.tagClass !== 'context' || statusNode.tagNumber > 2) {
    fail(
      what,
      `${s.path}.certStatus`,
      statusNode?.offset ?? n.offset,
      'should be good [0], revoked [1] or unknown [2]',
    )
  }
  s.optional(statusNode.tagNumber)
  const certStatus: CertStatus = (['good', 'revoked', 'unknown'] as const)[statusNode.tagNumber]
  const out: SingleResponse = { certId, certStatus, thisUpdate: '', extensions: [] }
  if (certStatus === 'revoked') {
    // RevokedInfo, IMPLICIT-tagged: the [1]'s children are its fields.
    const r = s.child(statusNode, 'certStatus.revoked')
    out.revocationTime = timeOf(r, r.next(TAG.GENERALIZED_TIME, 'revocationTime'), 'revocationTime')
    const reasonNode = r.optional(0)
    if (reasonNode) {
      const e = r.child(reasonNode, 'revocationReason').next(TAG.ENUMERATED, 'revocationReason')
      const reason = crlReasons[integerValue(r.content(e)) ?? -1]
      if (!reason) fail(what, `${r.path}.revocationReason`, e.offset, 'is not a CRLReason of RFC 5280 5.3.1')
      out.revocationReason = reason
    }
  }
  out.thisUpdate = timeOf(s, s.next(TAG.GENERALIZED_TIME, 'thisUpdate'), 'thisUpdate')
  const next = s.optional(0)
  if (next)
    out.nextUpdate = timeOf(
      s,
      s.child(next, 'nextUpdate').next(TAG.GENERALIZED_TIME, 'nextUpdate'),
      'nextUpdate',
    )
  const ext = s.optional(1)
  if (ext)
    out.extensions = extensionsOf(
      s,
      s.child(ext, 'singleExtensions').next(TAG.SEQUENCE, 'singleExtensions'),
      'singleExtensions',
    ).map((p) => p.ext)
  return out
}

function readBasic(bytes: Uint8Array<ArrayBuffer>, node: DerNode, notes: ParseNote[]): BasicOcspParts {
  const b = new Fields(bytes, node, what, 'BasicOCSPResponse', notes)
  const tbsNode = b.next(TAG.SEQUENCE, 'tbsResponseData')
  const signatureAlgorithm = algorithmOf(b, b.next(TAG.SEQUENCE, 'signatureAlgorithm'), 'signatureAlgorithm')
  const signature = contentOf(bytes, b.next(TAG.BIT_STRING, 'signature')).subarray(1)
  const certsNode = b.optional(0)
  const certificatesDer: Uint8Array<ArrayBuffer>[] = []
  const certificateNodes: DerNode[] = []
  if (certsNode) {
    const list = b.child(certsNode, 'certs').next(TAG.SEQUENCE, 'certs')
    for (const c of list.children) {
      certificatesDer.push(wholeOf(bytes, c).slice())
      certificateNodes.push(c)
    }
  }

  const t = b.child(tbsNode, 'tbsResponseData')
  t.optional(0)
  let responderId: ResponderID
  let responderIdRaw: Uint8Array<ArrayBuffer>
  const byName = t.optional(1)
  const byKey = byName ? undefined : t.optional(2)
  if (byName) {
    const by = t.child(byName, 'responderID.byName')
    const name = nameOf(by, by.next(TAG.SEQUENCE, 'Name'), 'Name')
    responderId = { type: 'byName', name: rfc4514(bytes, name) }
    responderIdRaw = wholeOf(bytes, name)
  } else if (byKey) {
    const hash = t.child(byKey, 'responderID.byKey').next(TAG.OCTET_STRING, 'KeyHash')
    responderIdRaw = contentOf(bytes, hash)
    responderId = { type: 'byKey', keyHash: toHex(responderIdRaw) }
  } else {
    const at = t.node.children[0]?.offset ?? t.node.offset
    fail(what, 'tbsResponseData.responderID', at, 'should be byName [1] or byKey [2]')
  }
  const producedAt = timeOf(t, t.next(TAG.GENERALIZED_TIME, 'producedAt'), 'producedAt')
  const responsesNode = t.next(TAG.SEQUENCE, 'responses')
  const responses = responsesNode.children.map((n, i) => readSingle(t, n, `responses[${i}]`))
  // SEQUENCE OF without SIZE (1..MAX) in RFC 6960 4.2.1: valid DER, and openssl reads it.
  if (responses.length === 0)
    t.note(
      'empty-responses',
      responsesNode.offset,
      'the responses list is empty: the response gives the status of no certificate',
    )
  const extNode = t.optional(1)
  const pairs = extNode
    ? extensionsOf(
        t,
        t.child(extNode, 'responseExtensions').next(TAG.SEQUENCE, 'responseExtensions'),
        'responseExtensions',
      )
    : []
  const nonce = nonceOf(t, pairs)
  const info: BasicOcspParts['info'] = {
    producedAt,
    responderId,
    responses,
    extensions: pairs.filter((p) => p.ext.oid !== nonceOid).map((p) => p.ext),
    signatureAlgorithm: signatureAlgorithm.name,
  }
  if (nonce !== undefined) info.nonce = nonce
  return {
    tbs: wholeOf(bytes, tbsNode),
    signatureAlgorithm,
    signature,
    responderIdRaw,
    certificatesDer,
    certificateNodes,
    info,
  }
}

export function readOcspResponse(bytes: Uint8Array<ArrayBuffer>, node: DerNode): OcspResponseParts {
  const r = new Fields(bytes, node, what, '')
  const notes = r.notes
  const statusNode = r.next(TAG.ENUMERATED, 'responseStatus')
  const responseStatus = responseStatuses[integerValue(r.content(statusNode)) ?? -1]
  if (!responseStatus) fail(what, 'responseStatus', statusNode.offset, 'is not a status of RFC 6960 4.2.1')
  const bytesNode = r.optional(0)
  if (responseStatus !== 'successful') return { responseStatus, notes }
  if (!bytesNode) fail(what, 'responseBytes', node.offset, 'is missing from a successful response')
  const rb = r.child(r.child(bytesNode, 'responseBytes').next(TAG.SEQUENCE, 'responseBytes'), 'responseBytes')
  const typeNode = rb.next(TAG.OID, 'responseType')
  const type = contentOf(bytes, typeNode)
  // id-pkix-ocsp-basic 1.3.6.1.5.5.7.48.1.1, the only response type RFC 6960 defines
  if (toHex(type) !== '2b0601050507300101')
    fail(what, 'responseBytes.responseType', typeNode.offset, 'is not id-pkix-ocsp-basic')
  const octets = rb.next(TAG.OCTET_STRING, 'response')
  const basicNode = octets.children[0]
  if (!basicNode) {
    // der.ts reads an OCTET STRING's content as DER when it can; say why it could not.
    const start = contentStart(octets)
    const inner = readDer(contentOf(bytes, octets))
    const why = inner.ok
      ? 'nested too deeply'
      : inner.error.message.replace(/byte (\d+)/g, (_, n: string) => `byte ${start + Number(n)}`)
    const at = start + (inner.ok ? 0 : (inner.error.offset ?? 0))
    throw new Malformed(`malformed ${what}: the BasicOCSPResponse at byte ${start} is ${why}`, at)
  }
  return { responseStatus, basic: readBasic(bytes, basicNode, notes), notes }
}
