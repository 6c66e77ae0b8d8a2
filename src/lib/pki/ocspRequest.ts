/**
 * OCSPRequest (RFC 6960 4.1.1) read in place over der.ts's tree into the model, naming the field
 * and byte of anything that breaks its ASN.1 definition.
 */
import { nonceOf, readCertId } from './certId.ts'
import { nonceOid } from './oids.ts'
import type { DerNode } from './der.ts'
import { generalName } from './extensions.ts'
import { extensionsOf, Fields, TAG } from './fields.ts'
import type { OcspRequestInfo } from './types.ts'

const what = 'OCSP request'

export function readOcspRequest(bytes: Uint8Array<ArrayBuffer>, node: DerNode): OcspRequestInfo {
  const r = new Fields(bytes, node, what, '')
  const tbs = r.child(r.next(TAG.SEQUENCE, 'tbsRequest'), 'tbsRequest')
  const signed = r.optional(0) !== undefined
  tbs.optional(0)
  const requestorNode = tbs.optional(1)
  const list = tbs.next(TAG.SEQUENCE, 'requestList')
  // SEQUENCE OF without SIZE (1..MAX) in RFC 6960 4.1.1: empty is valid DER, and openssl reads it.
  if (list.children.length === 0)
    r.note(
      'empty-request-list',
      list.offset,
      'the requestList is empty: the request asks about no certificate',
    )
  const requests = list.children.map((n, i) => {
    const q = tbs.child(n, `requestList[${i}]`)
    const certId = readCertId(q, q.next(TAG.SEQUENCE, 'reqCert'), 'reqCert')
    const ext = q.optional(0)
    const extensions = ext
      ? extensionsOf(
          q,
          q.child(ext, 'singleRequestExtensions').next(TAG.SEQUENCE, 'extensions'),
          'extensions',
        )
      : []
    return { certId, extensions: extensions.map((p) => p.ext) }
  })
  const extNode = tbs.optional(2)
  const pairs = extNode
    ? extensionsOf(
        tbs,
        tbs.child(extNode, 'requestExtensions').next(TAG.SEQUENCE, 'requestExtensions'),
        'requestExtensions',
      )
    : []
  const info: OcspRequestInfo = {
    kind: 'ocspRequest',
    requests,
    extensions: pairs.filter((p) => p.ext.oid !== nonceOid).map((p) => p.ext),
    signed,
  }
  const nonce = nonceOf(tbs, pairs)
  if (nonce !== undefined) info.nonce = nonce
  const requestor = requestorNode?.children[0]
  if (requestor) info.requestorName = generalName(bytes, requestor)
  if (r.notes.length) info.notes = r.notes
  return info
}
