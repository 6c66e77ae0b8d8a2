/** OCSPResponse and BasicOCSPResponse (RFC 6960 4.2.1) to OcspResponseInfo, read by pkijs. */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { CertificateParts } from '../certificate.ts'
import { crlReasons, type OcspResponseParts } from '../ocspResponse.ts'
import { nonceOid, signatureAlgorithms } from '../oids.ts'
import type { CertStatus, OcspResponseInfo, ResponderID, SingleResponse } from '../types.ts'
import { toHex } from '../values.ts'
import { certificateModel } from './certificate.ts'
import { asn1Of, bad, certIdOf, extensionList, fromPkijs, fromSchema, nameString, nonceOf } from './common.ts'

const what = 'OCSP response'
const statuses: CertStatus[] = ['good', 'revoked', 'unknown']

/** `walked`: ocspResponse.ts's reading of the same SingleResponse, for its times (see certificate.ts). */
function single(s: pkijs.SingleResponse, i: number, walked: SingleResponse | undefined): SingleResponse {
  if (!walked) bad(what, `BasicOCSPResponse.tbsResponseData.responses[${i}]`, 'could not be read')
  const field = `BasicOCSPResponse.tbsResponseData.responses[${i}]`
  const status: unknown = s.certStatus
  // certStatus CHOICE: good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL
  const tag = status instanceof asn1js.BaseBlock ? status.idBlock.tagNumber : -1
  const certStatus = statuses[tag]
  if (!certStatus) bad(what, `${field}.certStatus`, 'should be good [0], revoked [1] or unknown [2]')
  const out: SingleResponse = {
    certId: certIdOf(s.certID),
    certStatus,
    thisUpdate: walked.thisUpdate,
    extensions: extensionList(s.singleExtensions),
  }
  if (certStatus === 'revoked' && status instanceof asn1js.Constructed) {
    // RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
    const reason = status.valueBlock.value[1]
    if (walked.revocationTime !== undefined) out.revocationTime = walked.revocationTime
    if (reason instanceof asn1js.Constructed) {
      const e = reason.valueBlock.value[0]
      const name = e instanceof asn1js.Enumerated ? crlReasons[e.valueBlock.valueDec] : undefined
      if (!name)
        bad(what, `${field}.certStatus.revoked.revocationReason`, 'is not a CRLReason of RFC 5280 5.3.1')
      out.revocationReason = name
    }
  }
  if (walked.nextUpdate !== undefined) out.nextUpdate = walked.nextUpdate
  return out
}

/**
 * `walked` is ocspResponse.ts's walk of the same bytes: the times (see certificate.ts) and the
 * notes come from it, with their byte offsets; `embedded` is its in-place walk of each embedded
 * certificate.
 */
export async function ocspResponseModel(
  der: Uint8Array<ArrayBuffer>,
  walked: OcspResponseParts,
  embedded: CertificateParts[],
): Promise<OcspResponseInfo> {
  const out: OcspResponseInfo = { kind: 'ocspResponse', responseStatus: walked.responseStatus }
  if (walked.notes.length) out.notes = walked.notes
  const w = walked.basic
  if (walked.responseStatus !== 'successful' || !w) return out
  if (w.info.responses.length === 0) {
    // pkijs 4's ResponseData throws a TypeError on an empty `responses` (Array.from(undefined)),
    // yet the SEQUENCE OF has no SIZE constraint (RFC 6960 4.2.1) and openssl reads it: the walk
    // has every field, so it is the model.
    const certificates = []
    for (const [i, c] of w.certificatesDer.entries()) {
      certificates.push(
        await certificateModel(c, embedded[i] ?? bad(what, `certs[${i}]`, 'could not be read')),
      )
    }
    out.basic = { ...w.info, certificates, certificatesDer: w.certificatesDer }
    return out
  }
  const resp = fromSchema(what, der, (schema) => new pkijs.OCSPResponse({ schema }))
  const read = fromPkijs(what, () => {
    const rb = resp.responseBytes
    if (!rb) bad(what, 'responseBytes', 'is missing from a successful response')
    // der.ts has checked the inner bytes are DER (the walk).
    const asn1 = asn1Of(rb.response.valueBlock.valueHexView)
    if (asn1.offset === -1) bad(what, 'responseBytes.response', `is not DER (${asn1.result.error})`)
    const basic = new pkijs.BasicOCSPResponse({ schema: asn1.result })
    const tbs = basic.tbsResponseData
    const rid: unknown = tbs.responderID
    let responderId: ResponderID
    if (rid instanceof pkijs.RelativeDistinguishedNames)
      responderId = { type: 'byName', name: nameString(what, 'tbsResponseData.responderID', rid) }
    else if (rid instanceof asn1js.OctetString)
      responderId = { type: 'byKey', keyHash: toHex(rid.valueBlock.valueHexView) }
    else bad(what, 'tbsResponseData.responderID', 'should be byName [1] or byKey [2]')
    const sigOid = basic.signatureAlgorithm.algorithmId
    const nonce = nonceOf(tbs.responseExtensions)
    const info = {
      producedAt: w.info.producedAt,
      responderId,
      responses: tbs.responses.map((s, i) => single(s, i, w.info.responses[i])),
      extensions: extensionList(tbs.responseExtensions?.filter((e) => e.extnID !== nonceOid)),
      signatureAlgorithm: signatureAlgorithms[sigOid] ?? sigOid,
      ...(nonce !== undefined ? { nonce } : {}),
    }
    const certs = basic.certs ?? []
    if (certs.length !== w.certificatesDer.length) bad(what, 'BasicOCSPResponse.certs', 'could not be read')
    return { info, certs }
  })
  const certificates = []
  for (const [i, c] of w.certificatesDer.entries()) {
    const walkedCert = embedded[i] ?? bad(what, `BasicOCSPResponse.certs[${i}]`, 'could not be read')
    certificates.push(await certificateModel(c, walkedCert, read.certs[i]))
  }
  out.basic = { ...read.info, certificates, certificatesDer: w.certificatesDer }
  return out
}
