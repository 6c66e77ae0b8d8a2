/**
 * createOcspResponse: a successful OCSPResponse (RFC 6960 4.2.1) about the demo leaf, whose
 * BasicOCSPResponse is signed by the intermediate itself or by its delegated responder.
 */
import type { CRLReason } from '../types.ts'
import { nonceOid } from '../oids.ts'
import { makeCertId } from './certId.ts'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { derOf, type Der } from './encoding.ts'
import { extension } from './extensions.ts'
import { signatureAlgorithmOf, signWith } from './keys.ts'
import { why, wholeSeconds } from './pki.ts'
import type { DemoCaResult, DemoPki, OcspResponseOptions } from './types.ts'

/** CRLReason values, RFC 5280 5.3.1 (7 is not used). */
export const crlReasonCodes: Record<CRLReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
}

/** Ten years: enough for a sample that stays fresh; anything longer is a typo. */
export const maxValidityHours = 87_600

const hour = 3600 * 1000

function badOption(message: string): { ok: false; error: { code: 'bad-option'; message: string } } {
  return { ok: false, error: { code: 'bad-option', message } }
}

function checkOptions(pki: DemoPki, o: OcspResponseOptions): string | undefined {
  if (!Number.isFinite(o.validityHours) || o.validityHours <= 0 || o.validityHours > maxValidityHours)
    return `validityHours is ${o.validityHours}; it must be above 0 and at most ${maxValidityHours}`
  if (Number.isNaN(o.thisUpdate.getTime())) return 'thisUpdate is not a valid date'
  if (o.revocationTime !== undefined && Number.isNaN(o.revocationTime.getTime()))
    return 'revocationTime is not a valid date'
  if (o.revocationReason !== undefined && !(o.revocationReason in crlReasonCodes))
    return `revocationReason "${String(o.revocationReason)}" is not an RFC 5280 CRLReason`
  if (o.nonceHex !== undefined) {
    // RFC 8954 2.1: a nonce of 1 to 32 octets.
    if (!/^([0-9a-fA-F]{2}){1,32}$/.test(o.nonceHex))
      return 'nonceHex must be 1 to 32 bytes written as hex digits (RFC 8954)'
  }
  if (o.status !== 'good' && o.status !== 'revoked' && o.status !== 'unknown')
    return `status "${String(o.status)}" is not good, revoked or unknown`
  if (!pki.signingKeys?.intermediate) return 'this demo PKI has no signing key'
  return undefined
}

function fromHexDigits(hex: string): Der {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** A context-specific [n] element: IMPLICIT on a primitive (empty here), or EXPLICIT / IMPLICIT SEQUENCE content. */
function tagged(n: number, value?: asn1js.AsnType[]): asn1js.AsnType {
  const idBlock = { tagClass: 3, tagNumber: n }
  return value === undefined ? new asn1js.Primitive({ idBlock }) : new asn1js.Constructed({ idBlock, value })
}

/**
 * CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo,
 * unknown [2] IMPLICIT UnknownInfo }; RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime,
 * revocationReason [0] EXPLICIT CRLReason OPTIONAL }. pkijs's SingleResponse takes certStatus as
 * an asn1js element (it has no CertStatus or RevokedInfo class), so these are asn1js primitives.
 */
function certStatus(o: OcspResponseOptions, revocationTime: Date): asn1js.AsnType {
  if (o.status === 'good') return tagged(0)
  if (o.status === 'unknown') return tagged(2)
  const reason =
    o.revocationReason === undefined
      ? []
      : [tagged(0, [new asn1js.Enumerated({ value: crlReasonCodes[o.revocationReason] })])]
  return tagged(1, [new asn1js.GeneralizedTime({ valueDate: revocationTime }), ...reason])
}

/** The serial INTEGER's contents of a certificate, byte for byte. */
export function serialContentOf(certDer: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return pkijs.Certificate.fromBER(certDer).serialNumber.valueBlock.valueHexView.slice()
}

export async function createOcspResponse(
  pki: DemoPki,
  options: OcspResponseOptions,
): Promise<DemoCaResult<Uint8Array<ArrayBuffer>>> {
  const problem = checkOptions(pki, options)
  if (problem) return badOption(problem)
  const thisUpdate = wholeSeconds(options.thisUpdate)
  const nextUpdate = new Date(thisUpdate.getTime() + Math.round(options.validityHours * 3600) * 1000)
  const revocationTime = wholeSeconds(
    options.revocationTime ??
      new Date(Math.max(pki.leaf.notBefore.getTime(), thisUpdate.getTime() - hour / 2)),
  )
  const delegated = options.signer === 'delegated'
  const signer = delegated ? pki.responder : pki.intermediate
  const key = delegated ? pki.signingKeys.responder : pki.signingKeys.intermediate
  const includeSignerCert = options.includeSignerCert ?? delegated

  try {
    const certId = await makeCertId({
      hashAlgorithm: options.hashAlgorithm ?? 'sha1',
      issuerNameDer: pki.intermediate.subjectNameDer,
      issuerKeyBits: pki.intermediate.publicKeyBits,
      serialContent: serialContentOf(pki.leaf.der),
    })
    const singleResponse = new pkijs.SingleResponse({
      certID: certId.certId,
      certStatus: certStatus(options, revocationTime),
      thisUpdate,
      nextUpdate,
    })
    // ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }, both EXPLICIT (RFC 6960 4.2.1
    // module is EXPLICIT TAGS): pkijs writes [1] for a Name and [2] for anything else. KeyHash is
    // the SHA-1 of the signer's subjectPublicKey bits.
    const responderID =
      (options.responderId ?? 'byName') === 'byName'
        ? pkijs.RelativeDistinguishedNames.fromBER(signer.subjectNameDer)
        : new asn1js.OctetString({ valueHex: signer.keyId })
    const nonce =
      options.nonceHex === undefined
        ? {}
        : {
            responseExtensions: [
              extension(
                nonceOid,
                false,
                new asn1js.OctetString({ valueHex: fromHexDigits(options.nonceHex) }),
              ),
            ],
          }
    // No version: [0] DEFAULT v1 is left out, as DER requires for a default value.
    const tbsResponseData = new pkijs.ResponseData({
      responderID,
      producedAt: thisUpdate,
      responses: [singleResponse],
      ...nonce,
    })
    // Signed here rather than with basic.sign(), for the same RSA NULL parameters as certificates
    // (see pki.ts); toSchema() then reuses these exact tbs bytes.
    const tbs = derOf(tbsResponseData.toSchema(true))
    tbsResponseData.tbsView = tbs
    const signature = await signWith(pki.keyAlgorithm, key, tbs)
    const basic = new pkijs.BasicOCSPResponse({
      tbsResponseData,
      signatureAlgorithm: signatureAlgorithmOf(pki.keyAlgorithm),
      signature: new asn1js.BitString({ valueHex: signature }),
      ...(includeSignerCert ? { certs: [pkijs.Certificate.fromBER(signer.der)] } : {}),
    })
    const response = new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }), // successful
      responseBytes: new pkijs.ResponseBytes({
        responseType: pkijs.id_PKIX_OCSP_Basic,
        response: new asn1js.OctetString({ valueHex: derOf(basic.toSchema()) }),
      }),
    })
    return {
      ok: true,
      value: derOf(response.toSchema()),
    }
  } catch (e) {
    return { ok: false, error: { code: 'crypto', message: `signing the OCSP response failed: ${why(e)}` } }
  }
}
