/**
 * The OCSP response verification checklist a careful client runs (RFC 6960 3.2 and 4.2.2.2),
 * one Check per step, each with the reason in one sentence. Signatures are checked with
 * WebCrypto here (verify.ts), so an unauthorized signer is a failed check with its reason, not an
 * exception (pkijs's BasicOCSPResponse.verify() throws for it since PR #502).
 */
import type { CertificateParts } from './certificate.ts'
import { readDer } from './der.ts'
import { decodeInput } from './pem.ts'
import { formatDurationFromMilliseconds as formatDuration } from '../format.ts'
import { responseStatusMeaning } from './describe.ts'
import { formatUtc } from './utc.ts'
import { defaultSkewSeconds, judgeFreshness } from './freshness.ts'
import { Malformed } from './fields.ts'
import { readOcspResponse, type OcspResponseParts } from './ocspResponse.ts'
import { check, readCert, signerChecks, type OcspCheckId } from './ocspSigner.ts'
import type { Check, SingleResponse } from './types.ts'
import { hashLabel, isComputableHash } from './oids.ts'
import type { Verifier } from './verify.ts'
import { toHex } from './values.ts'
import { nameText } from './shownName.ts'

export type { OcspCheckId }

export interface OcspCheckInput {
  responseDer: Uint8Array
  /** The certificate the response is about (DER; PEM or base64 also accepted, as for the response). */
  certDer?: Uint8Array
  /** Its issuer (the CA), needed for the CertID hashes and to authorize a delegated signer. */
  issuerDer?: Uint8Array
  /** When to judge freshness: the caller's clock (the page's, the CLI's, a test's fixed one). */
  at: Date
  /** Allowed clock difference; default defaultSkewSeconds (300 s), a common client allowance. */
  skewSeconds?: number
  /** The nonce sent in the request, lowercase hex (RFC 8954). */
  requestNonceHex?: string
  /**
   * Other certificates the client already holds (DER), e.g. a delegated responder's certificate
   * when the response does not embed it (as `openssl ocsp -verify_other` supplies it).
   */
  otherCertsDer?: Uint8Array[]
  /**
   * The walks of the response, the certificate and the issuer, when the caller kept them from
   * parsing (the inspector's loaded set): then they are not read again from the DER above.
   */
  walked?: { response?: OcspResponseParts; cert?: CertificateParts; issuer?: CertificateParts }
  /** How signatures are checked: verifySignature, or a rememberingVerifier across calls. */
  verify?: Verifier
}

const hashNames = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const

async function digest(alg: keyof typeof hashNames, data: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest(hashNames[alg], data)))
}

/** RFC 6960 4.1.1: issuerNameHash over the issuer's subject DER, issuerKeyHash over its key bits. */
async function matchCertId(
  responses: SingleResponse[],
  cert: CertificateParts | undefined,
  issuer: CertificateParts | undefined,
): Promise<{ check: Check; single?: SingleResponse }> {
  if (!cert && !issuer) {
    // With one SingleResponse there is no doubt which one the other checks are about.
    const single = responses.length === 1 ? responses[0] : undefined
    return {
      check: check('cert-id', 'skip', 'give the certificate and its issuer to match the CertID'),
      single,
    }
  }
  if (responses.length === 0)
    return {
      check: check(
        'cert-id',
        'fail',
        'the response carries no SingleResponse: it answers for no certificate',
      ),
    }
  const bySerial = cert ? responses.filter((r) => r.certId.serialNumber === cert.serialNumber) : responses
  if (cert && bySerial.length === 0) {
    const answered = responses.map((r) => r.certId.serialNumber).join(', ')
    return {
      check: check(
        'cert-id',
        'fail',
        `the response is about serial ${answered}, not the certificate's serial ${cert.serialNumber}`,
      ),
    }
  }
  if (!issuer) {
    const detail = `serial ${cert?.serialNumber} matches; give the issuer certificate to check issuerNameHash and issuerKeyHash`
    return { check: check('cert-id', 'skip', detail), single: bySerial[0] }
  }
  let why = ''
  for (const r of bySerial) {
    const hash = r.certId.hashAlgorithm
    if (!isComputableHash(hash)) {
      // RFC 6960 4.1.1 allows any digest; WebCrypto computes only SHA-1 and SHA-2 256/384/512.
      why = `the CertID is hashed with ${hashLabel(hash)}, which this browser cannot compute (only SHA-1, SHA-256, SHA-384 and SHA-512): the issuer hashes cannot be compared`
      if (bySerial.length === 1) return { check: check('cert-id', 'skip', why), single: r }
      continue
    }
    // Both at once: each digest is a WebCrypto round trip of its own.
    const [nameHash, keyHash] = await Promise.all([
      digest(hash, issuer.subjectDer),
      digest(hash, issuer.subjectPublicKey),
    ])
    const alg = hashNames[hash]
    if (nameHash === r.certId.issuerNameHash && keyHash === r.certId.issuerKeyHash) {
      const serial = cert ? `serial ${cert.serialNumber}, ` : ''
      const detail = `${serial}issuer name and key hashes (${alg}) match ${nameText(issuer.subject)}`
      return { check: check('cert-id', 'pass', detail), single: r }
    }
    why =
      nameHash !== r.certId.issuerNameHash
        ? `issuerNameHash (${alg}) is not the hash of ${nameText(issuer.subject)}'s name: the response is for a certificate of another CA`
        : `issuerKeyHash (${alg}) is not the hash of ${nameText(issuer.subject)}'s public key: another CA key issued the certificate`
  }
  return { check: check('cert-id', 'fail', why) }
}

function statusCheck(single: SingleResponse | undefined): Check {
  if (!single) return check('cert-status', 'skip', 'no SingleResponse matched the certificate')
  if (single.certStatus === 'good')
    return check('cert-status', 'pass', 'good: not revoked when the response was made')
  if (single.certStatus === 'unknown') {
    return check(
      'cert-status',
      'fail',
      'unknown: the responder does not know this certificate (wrong responder, or not issued)',
    )
  }
  const reason = single.revocationReason ? ` (${single.revocationReason})` : ''
  return check('cert-status', 'fail', `revoked on ${formatUtc(single.revocationTime ?? '')}${reason}`)
}

function freshness(
  single: SingleResponse | undefined,
  responses: SingleResponse[],
  at: Date,
  skewSeconds: number,
): Check {
  const s = single ?? responses[0]
  if (!s) return check('freshness', 'skip', 'the response holds no SingleResponse')
  const f = judgeFreshness(s, at, skewSeconds)
  const allowance = `the ${skewSeconds} s allowed for clock skew`
  switch (f.state) {
    case 'not-yet-valid':
      return check(
        'freshness',
        'fail',
        `thisUpdate ${formatUtc(s.thisUpdate)} is ${formatDuration(f.aheadMs)} after the checked time (more than ${allowance})`,
      )
    case 'open':
      return check(
        'freshness',
        'pass',
        `no nextUpdate (RFC 6960 4.2.2.1: newer status may exist at any time); thisUpdate was ${formatDuration(f.sinceMs)} before`,
      )
    case 'stale':
      return check(
        'freshness',
        'fail',
        `stale: nextUpdate ${formatUtc(s.nextUpdate ?? '')} passed ${formatDuration(f.pastMs)} before the checked time (more than ${allowance})`,
      )
    case 'fresh':
      return check(
        'freshness',
        'pass',
        f.leftMs >= 0
          ? `fresh: thisUpdate ${formatUtc(s.thisUpdate)}, nextUpdate ${formatUtc(s.nextUpdate ?? '')} (${formatDuration(f.leftMs)} left)`
          : `fresh within ${allowance}: nextUpdate ${formatUtc(s.nextUpdate ?? '')} passed ${formatDuration(-f.leftMs)} before the checked time`,
      )
  }
}

function nonceCheck(requestNonce: string | undefined, responseNonce: string | undefined): Check {
  if (requestNonce && responseNonce) {
    return requestNonce.toLowerCase() === responseNonce
      ? check('nonce', 'pass', 'the response echoes the request nonce: it was made for this request')
      : check(
          'nonce',
          'fail',
          'the response nonce differs from the request nonce: it answers another request (replay?)',
        )
  }
  if (requestNonce)
    return check(
      'nonce',
      'skip',
      'the request had a nonce but the response has none: a pre-produced response (RFC 5019), which most clients accept',
    )
  if (responseNonce)
    return check('nonce', 'skip', 'the response has a nonce; give the request nonce to compare')
  return check('nonce', 'skip', 'no nonce: typical of pre-produced, cached responses (RFC 5019)')
}

export async function checkOcspResponse(input: OcspCheckInput): Promise<Check[]> {
  try {
    return await runChecks(input)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return [check('parse', 'fail', `the checks stopped: ${message}`)]
  }
}

/** DER, or an "OCSP RESPONSE" PEM block or base64 (the first object), walked; or why not, as a check. */
function readResponse(
  bytes: Uint8Array,
): { ok: true; parts: OcspResponseParts } | { ok: false; check: Check } {
  const [chunk] = decodeInput(bytes)
  if (chunk.error) return { ok: false, check: check('parse', 'fail', chunk.error.message) }
  const der = chunk.der
  const read = readDer(der)
  if (!read.ok) return { ok: false, check: check('parse', 'fail', read.error.message) }
  try {
    return { ok: true, parts: readOcspResponse(der, read.node) }
  } catch (e) {
    const message = e instanceof Malformed ? e.message : 'not an OCSP response'
    return { ok: false, check: check('parse', 'fail', message) }
  }
}

async function runChecks(input: OcspCheckInput): Promise<Check[]> {
  const read = input.walked?.response
    ? { ok: true as const, parts: input.walked.response }
    : readResponse(input.responseDer)
  if (!read.ok) return [read.check]
  const parts = read.parts
  const checks: Check[] = [check('parse', 'pass', 'a well-formed OCSPResponse (RFC 6960 4.2.1)')]
  const basic = parts.basic
  if (!basic) {
    checks.push(
      check(
        'response-status',
        'fail',
        `${parts.responseStatus}: ${responseStatusMeaning(parts.responseStatus)}`,
      ),
    )
    return checks
  }
  checks.push(check('response-status', 'pass', `successful: ${responseStatusMeaning('successful')}`))

  const cert = input.walked?.cert ?? readCert(input.certDer)
  const issuer = input.walked?.issuer ?? readCert(input.issuerDer)
  if (typeof cert === 'string')
    checks.push(check('cert-id', 'fail', `the certificate could not be read: ${cert}`))
  if (typeof issuer === 'string')
    checks.push(check('cert-id', 'fail', `the issuer certificate could not be read: ${issuer}`))
  const certP = typeof cert === 'string' ? undefined : cert
  const issuerP = typeof issuer === 'string' ? undefined : issuer
  const responses = basic.info.responses
  // The CertID's hashes and the signer's signature are WebCrypto round trips that need nothing of each other.
  const [{ check: idCheck, single }, signer] = await Promise.all([
    matchCertId(responses, certP, issuerP),
    signerChecks(basic, certP, issuerP, input.otherCertsDer ?? [], input.verify),
  ])
  checks.push(idCheck, statusCheck(single))
  checks.push(...signer)
  checks.push(freshness(single, responses, input.at, input.skewSeconds ?? defaultSkewSeconds))
  checks.push(nonceCheck(input.requestNonceHex, basic.info.nonce))
  return checks
}
