/**
 * Who signed an OCSP response, whether the signature verifies, and whether that signer may answer
 * for the certificate's CA (RFC 6960 4.2.2.2): the CA itself, or a delegated responder certificate
 * the CA issued with id-kp-OCSPSigning. pkijs's BasicOCSPResponse.verify() throws for an
 * unauthorized signer (PR #502); here it is a failed check with its reason.
 */
import { readCertificate, sha, type CertificateParts } from './certificate.ts'
import { readDer } from './der.ts'
import { decodeInput } from './pem.ts'
import type { OcspResponseParts } from './ocspResponse.ts'
import type { Check } from './types.ts'
import { toHex } from './values.ts'
import { verifySignature, type Verifier } from './verify.ts'
import { nameText } from './shownName.ts'

export type OcspCheckId =
  'parse' | 'response-status' | 'cert-id' | 'cert-status' | 'signature' | 'signer' | 'freshness' | 'nonce'

const labels: Record<OcspCheckId, string> = {
  parse: 'Response parses',
  'response-status': 'Response status',
  'cert-id': 'CertID matches the certificate and issuer',
  'cert-status': 'Certificate status',
  signature: 'Signature verifies',
  signer: 'Signer is authorized',
  freshness: 'Fresh at the checked time',
  nonce: 'Nonce matches the request',
}

export const check = (id: OcspCheckId, status: Check['status'], detail: string): Check => ({
  id,
  label: labels[id],
  status,
  detail,
})

/** A certificate given as DER, or as PEM or base64 (the first object), for the checks. */
export function readCert(bytes: Uint8Array | undefined): CertificateParts | string | undefined {
  if (!bytes) return undefined
  const [chunk] = decodeInput(bytes)
  if (chunk.error) return chunk.error.message
  const copy = chunk.der
  const read = readDer(copy)
  if (!read.ok) return read.error.message
  try {
    return readCertificate(copy, read.node)
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

export async function signerChecks(
  basic: NonNullable<OcspResponseParts['basic']>,
  cert: CertificateParts | undefined,
  issuer: CertificateParts | undefined,
  others: Uint8Array[],
  verify: Verifier = verifySignature,
): Promise<Check[]> {
  const embedded = [...basic.certificatesDer, ...others]
    .map((d) => readCert(d))
    .filter((c): c is CertificateParts => typeof c === 'object')
  const candidates = [...embedded, ...(issuer ? [issuer] : [])]
  const id = basic.info.responderId
  const named: CertificateParts[] = []
  for (const c of candidates) {
    if (
      id.type === 'byName' ? c.subject === id.name : (await sha('SHA-1', c.subjectPublicKey)) === id.keyHash
    )
      named.push(c)
  }
  const who = id.type === 'byName' ? nameText(id.name) : `key hash ${id.keyHash}`
  if (named.length === 0) {
    const detail = `the responder (${who}) is not embedded in the response, nor the issuer or another certificate given: its key is unknown`
    return [check('signature', 'skip', detail), check('signer', 'skip', 'the signer is unknown')]
  }
  const signer = named[0]
  const outcome = await verify({
    spki: signer.spki,
    algorithmOid: basic.signatureAlgorithm.oid,
    parameters: basic.signatureAlgorithm.parameters,
    paramsBytes: basic.tbs,
    signature: basic.signature,
    data: basic.tbs,
  })
  const sig = outcome.ok
    ? check(
        'signature',
        'pass',
        `${basic.signatureAlgorithm.name} signature verified with the key of ${nameText(signer.subject)}`,
      )
    : check(
        'signature',
        outcome.unsupported ? 'skip' : 'fail',
        `not verified with the key of ${nameText(signer.subject)}: ${outcome.reason}`,
      )
  return [sig, await authorize(signer, cert, issuer, verify)]
}

/** RFC 6960 4.2.2.2: the CA itself, or a certificate it issued with id-kp-OCSPSigning. */
async function authorize(
  signer: CertificateParts,
  cert: CertificateParts | undefined,
  issuer: CertificateParts | undefined,
  verify: Verifier,
): Promise<Check> {
  const caName = issuer?.subject ?? cert?.issuer
  if (!caName)
    return check(
      'signer',
      'skip',
      `signed by ${nameText(signer.subject)}; give the certificate or its issuer to check the signer is allowed`,
    )
  if (issuer && signer.subject === issuer.subject && toHex(signer.spki) === toHex(issuer.spki)) {
    return check('signer', 'pass', 'signed by the issuing CA itself')
  }
  if (!issuer && signer.subject === caName)
    return check(
      'signer',
      'pass',
      'signed by the issuing CA itself (by name; give the issuer to compare keys)',
    )
  if (signer.issuer !== caName) {
    return check(
      'signer',
      'fail',
      `the signer ${nameText(signer.subject)} was issued by ${nameText(signer.issuer)}, not by the certificate's CA ${nameText(caName)}: it may not answer for it (RFC 6960 4.2.2.2)`,
    )
  }
  const ext = signer.extensionValues.find((e) => e.ext.oid === '2.5.29.37')
  const ekus =
    ext?.value.children[0]?.children.map((k) =>
      toHex(signer.der.subarray(k.offset + k.headerLength, k.offset + k.headerLength + k.length)),
    ) ?? []
  // id-kp-OCSPSigning 1.3.6.1.5.5.7.3.9
  if (!ekus.includes('2b06010505070309')) {
    return check(
      'signer',
      'fail',
      `the signer ${nameText(signer.subject)} was issued by the CA but lacks id-kp-OCSPSigning in its extended key usage: it may not sign OCSP responses (RFC 6960 4.2.2.2)`,
    )
  }
  const nocheck = signer.extensions.some((e) => e.oid === '1.3.6.1.5.5.7.48.1.5')
  const nocheckText = nocheck
    ? 'it has id-pkix-ocsp-nocheck, so clients do not check its own revocation'
    : 'it lacks id-pkix-ocsp-nocheck, so a client should check its revocation too (RFC 6960 4.2.2.2.1)'
  if (issuer) {
    const v = await verify({
      spki: issuer.spki,
      algorithmOid: signer.signatureAlgorithm.oid,
      parameters: signer.signatureAlgorithm.parameters,
      paramsBytes: signer.der,
      signature: signer.signature,
      data: signer.tbs,
    })
    if (!v.ok)
      return check(
        'signer',
        'fail',
        `the delegated responder certificate ${nameText(signer.subject)} is not signed by ${nameText(issuer.subject)}: ${v.reason}`,
      )
  }
  return check(
    'signer',
    'pass',
    `a delegated responder with id-kp-OCSPSigning, issued by ${nameText(caName)}; ${nocheckText}`,
  )
}
