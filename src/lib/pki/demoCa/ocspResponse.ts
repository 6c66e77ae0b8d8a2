/**
 * createOcspResponse: a successful OCSPResponse (RFC 6960 4.2.1) about the demo leaf, whose
 * BasicOCSPResponse is signed by the intermediate itself or by its delegated responder.
 */
import type { CRLReason } from '../types.ts'
import { makeCertId, nonceOid } from './certId.ts'
import {
  bitString,
  concat,
  elementAt,
  enumerated,
  explicit,
  generalizedTime,
  implicitConstructed,
  implicitPrimitive,
  octetString,
  oid,
  sequence,
  type Der,
} from './der.ts'
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
  if (o.thisUpdate !== undefined && Number.isNaN(o.thisUpdate.getTime()))
    return 'thisUpdate is not a valid date'
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

/**
 * CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo,
 * unknown [2] IMPLICIT UnknownInfo }; RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime,
 * revocationReason [0] EXPLICIT CRLReason OPTIONAL }.
 */
function certStatus(o: OcspResponseOptions, revocationTime: Date): Der {
  if (o.status === 'good') return implicitPrimitive(0, new Uint8Array(0))
  if (o.status === 'unknown') return implicitPrimitive(2, new Uint8Array(0))
  const reason =
    o.revocationReason === undefined ? undefined : explicit(0, enumerated(crlReasonCodes[o.revocationReason]))
  return implicitConstructed(1, concat([generalizedTime(revocationTime), ...(reason ? [reason] : [])]))
}

/** The serial INTEGER's contents of a certificate DER: Certificate > TBSCertificate > [0] version > serialNumber. */
export function serialContentOf(certDer: Uint8Array): Uint8Array {
  const cert = elementAt(certDer, 0)
  const tbs = elementAt(certDer, cert.contentStart)
  let at = tbs.contentStart
  const first = elementAt(certDer, at)
  if (first.tag === 0xa0) at = first.end
  const serial = elementAt(certDer, at)
  return certDer.subarray(serial.contentStart, serial.end)
}

export async function createOcspResponse(
  pki: DemoPki,
  options: OcspResponseOptions,
): Promise<DemoCaResult<Uint8Array<ArrayBuffer>>> {
  const problem = checkOptions(pki, options)
  if (problem) return badOption(problem)
  const thisUpdate = wholeSeconds(options.thisUpdate ?? new Date())
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
    const singleResponse = sequence(
      certId.der,
      certStatus(options, revocationTime),
      generalizedTime(thisUpdate),
      explicit(0, generalizedTime(nextUpdate)),
    )
    // ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }, both EXPLICIT (RFC 6960 4.2.1
    // module is EXPLICIT TAGS); KeyHash is the SHA-1 of the signer's subjectPublicKey bits.
    const responderId =
      (options.responderId ?? 'byName') === 'byName'
        ? explicit(1, signer.subjectNameDer)
        : explicit(2, octetString(signer.keyId))
    const nonce =
      options.nonceHex === undefined
        ? undefined
        : explicit(1, sequence(extension(nonceOid, false, octetString(fromHexDigits(options.nonceHex)))))
    // version [0] DEFAULT v1 is left out, as DER requires for a default value.
    const tbsResponseData = sequence(
      responderId,
      generalizedTime(thisUpdate),
      sequence(singleResponse),
      nonce,
    )
    const signature = await signWith(pki.keyAlgorithm, key, tbsResponseData)
    const basic = sequence(
      tbsResponseData,
      signatureAlgorithmOf(pki.keyAlgorithm),
      bitString(signature),
      includeSignerCert ? explicit(0, sequence(signer.der)) : undefined,
    )
    return {
      ok: true,
      value: sequence(
        enumerated(0), // successful
        explicit(0, sequence(oid('1.3.6.1.5.5.7.48.1.1'), octetString(basic))), // id-pkix-ocsp-basic
      ),
    }
  } catch (e) {
    return { ok: false, error: { code: 'crypto', message: `signing the OCSP response failed: ${why(e)}` } }
  }
}
