/** OCSPResponse and BasicOCSPResponse (RFC 6960 4.2.1) to OcspResponseInfo, read by pkijs. */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { readDer } from '../der.ts'
import { crlReasons, responseStatuses } from '../ocspResponse.ts'
import { nonceOid, signatureAlgorithms } from '../oids.ts'
import type { CertStatus, OcspResponseInfo, ResponderID, SingleResponse } from '../types.ts'
import { toHex } from '../values.ts'
import { certificateModel } from './certificate.ts'
import {
  bad,
  extensionList,
  fromPkijs,
  fromSchema,
  hashAlgorithmOf,
  isoTime,
  nameString,
  nonceOf,
} from './common.ts'

const what = 'OCSP response'
/** id-pkix-ocsp-basic, the only response type RFC 6960 defines. */
const basicType = '1.3.6.1.5.5.7.48.1.1'
const statuses: CertStatus[] = ['good', 'revoked', 'unknown']

function single(s: pkijs.SingleResponse, i: number): SingleResponse {
  const field = `BasicOCSPResponse.tbsResponseData.responses[${i}]`
  const status: unknown = s.certStatus
  // certStatus CHOICE: good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL
  const tag = status instanceof asn1js.BaseBlock ? status.idBlock.tagNumber : -1
  const certStatus = statuses[tag]
  if (!certStatus) bad(what, `${field}.certStatus`, 'should be good [0], revoked [1] or unknown [2]')
  const out: SingleResponse = {
    certId: hashAlgorithmOf(what, `${field}.certID`, s.certID),
    certStatus,
    thisUpdate: isoTime(what, `${field}.thisUpdate`, s.thisUpdate),
    extensions: extensionList(s.singleExtensions),
  }
  if (certStatus === 'revoked' && status instanceof asn1js.Constructed) {
    // RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
    const [time, reason] = status.valueBlock.value
    const date = time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined
    out.revocationTime = isoTime(what, `${field}.certStatus.revoked.revocationTime`, date)
    if (reason instanceof asn1js.Constructed) {
      const e = reason.valueBlock.value[0]
      const name = e instanceof asn1js.Enumerated ? crlReasons[e.valueBlock.valueDec] : undefined
      if (!name)
        bad(what, `${field}.certStatus.revoked.revocationReason`, 'is not a CRLReason of RFC 5280 5.3.1')
      out.revocationReason = name
    }
  }
  if (s.nextUpdate) out.nextUpdate = isoTime(what, `${field}.nextUpdate`, s.nextUpdate)
  return out
}

/** The original DER of each embedded certificate: pkijs's Certificate keeps only its tbs bytes. */
function embeddedCertsDer(basic: asn1js.AsnType): Uint8Array<ArrayBuffer>[] {
  if (!(basic instanceof asn1js.Sequence)) return []
  const tagged = basic.valueBlock.value.find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0)
  const list = tagged instanceof asn1js.Constructed ? tagged.valueBlock.value[0] : undefined
  if (!(list instanceof asn1js.Sequence)) return []
  return list.valueBlock.value.map((c) => new Uint8Array(c.valueBeforeDecodeView))
}

export async function ocspResponseModel(der: Uint8Array<ArrayBuffer>): Promise<OcspResponseInfo> {
  const resp = fromSchema(what, der, (schema) => new pkijs.OCSPResponse({ schema }))
  const read = fromPkijs(what, () => {
    const responseStatus = responseStatuses[resp.responseStatus.valueBlock.valueDec]
    if (!responseStatus) bad(what, 'responseStatus', 'is not a status of RFC 6960 4.2.1')
    if (responseStatus !== 'successful')
      return { responseStatus, info: undefined, certificatesDer: undefined, certs: undefined }
    const rb = resp.responseBytes
    if (!rb) bad(what, 'responseBytes', 'is missing from a successful response')
    if (rb.responseType !== basicType) bad(what, 'responseBytes.responseType', 'is not id-pkix-ocsp-basic')
    const bytes = rb.response.valueBlock.valueHexView
    // der.ts, not asn1js, decides whether the inner bytes are DER (asn1js also reads BER).
    const inner = readDer(bytes)
    if (!inner.ok) bad(what, 'responseBytes.response', `is not DER (${inner.error.message})`)
    // asn1js already read the OCTET STRING's content as BER when it is one whole element.
    const parsed: unknown = rb.response.valueBlock.value[0]
    const asn1 = parsed instanceof asn1js.BaseBlock ? { result: parsed, offset: 0 } : asn1js.fromBER(bytes)
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
      producedAt: isoTime(what, 'tbsResponseData.producedAt', tbs.producedAt),
      responderId,
      responses: tbs.responses.map(single),
      extensions: extensionList(tbs.responseExtensions?.filter((e) => e.extnID !== nonceOid)),
      signatureAlgorithm: signatureAlgorithms[sigOid] ?? sigOid,
      ...(nonce !== undefined ? { nonce } : {}),
    }
    const certificatesDer = embeddedCertsDer(asn1.result)
    const certs = basic.certs ?? []
    if (certs.length !== certificatesDer.length) bad(what, 'BasicOCSPResponse.certs', 'could not be read')
    return { responseStatus, info, certificatesDer, certs }
  })
  const out: OcspResponseInfo = { kind: 'ocspResponse', responseStatus: read.responseStatus }
  if (read.info && read.certificatesDer && read.certs) {
    const certificates = []
    for (const [i, c] of read.certificatesDer.entries()) {
      const check = readDer(c)
      if (!check.ok) bad(what, `BasicOCSPResponse.certs[${i}]`, `is ${check.error.message}`)
      certificates.push(await certificateModel(c, read.certs[i]))
    }
    out.basic = { ...read.info, certificates, certificatesDer: read.certificatesDer }
  }
  return out
}
