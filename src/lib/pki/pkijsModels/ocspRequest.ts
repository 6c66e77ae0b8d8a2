/** OCSPRequest (RFC 6960 4.1.1) to OcspRequestInfo, read by pkijs. */
import * as pkijs from 'pkijs'
import type { OcspRequestInfo, ParseNote } from '../types.ts'
import { extensionList, fromPkijs, fromSchema, generalNameString, certIdOf, nonceOf } from './common.ts'
import { nonceOid } from '../oids.ts'

const what = 'OCSP request'

/** `notes` come from ocspRequest.ts's walk of the same bytes (with their byte offsets). */
export function ocspRequestModel(der: Uint8Array<ArrayBuffer>, notes: ParseNote[]): OcspRequestInfo {
  const req = fromSchema(what, der, (schema) => new pkijs.OCSPRequest({ schema }))
  return fromPkijs(what, () => {
    const tbs = req.tbsRequest
    const info: OcspRequestInfo = {
      kind: 'ocspRequest',
      requests: tbs.requestList.map((r) => ({
        certId: certIdOf(r.reqCert),
        extensions: extensionList(r.singleRequestExtensions),
      })),
      extensions: extensionList(tbs.requestExtensions?.filter((e) => e.extnID !== nonceOid)),
      signed: req.optionalSignature !== undefined,
    }
    const nonce = nonceOf(tbs.requestExtensions)
    if (nonce !== undefined) info.nonce = nonce
    if (tbs.requestorName) info.requestorName = generalNameString(tbs.requestorName)
    if (notes.length) info.notes = notes
    return info
  })
}
