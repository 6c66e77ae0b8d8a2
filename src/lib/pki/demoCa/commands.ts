/**
 * File names and the exact openssl commands that check the demo objects once downloaded. The
 * tests run these very strings, so what the page shows is what was verified.
 */
import type { DemoPki, HashName, ResponseChoices, OcspSigner } from './types.ts'

/** The certificates' download names (PEM; the DER twin is the same stem with .der). */
export const certificateFileNames = {
  root: 'root.pem',
  intermediate: 'int.pem',
  leaf: 'leaf.pem',
  responder: 'responder.pem',
  /** Intermediate + delegated responder in one PEM file, for openssl's -verify_other. */
  verifyOther: 'verify-other.pem',
} as const

/**
 * The -verify_other bundle. openssl looks for the signer there and builds the signer's chain from
 * those certificates and the response's own: a delegated responder whose certificate is not
 * embedded needs both itself and its issuer in the file (-issuer is not used for the chain then).
 */
export function verifyOtherPem(pki: DemoPki): string {
  return pki.intermediate.pem + pki.responder.pem
}

/** `openssl verify`: the leaf chains to the root through the intermediate. */
export function chainVerifyCommand(): string {
  return `openssl verify -CAfile ${certificateFileNames.root} -untrusted ${certificateFileNames.intermediate} ${certificateFileNames.leaf}`
}

/** Shows the leaf's TLS Feature extension (must-staple: "status_request"). */
export function tlsFeatureCommand(): string {
  return `openssl x509 -in ${certificateFileNames.leaf} -noout -ext tlsfeature`
}

export interface OcspVerifyCommandOptions {
  hashAlgorithm: HashName
  signer: OcspSigner
  includeSignerCert: boolean
}

/**
 * `openssl ocsp -respin`: checks the signature and the signer's authority, and prints the leaf's
 * status. Order matters: openssl builds the CertID when it reads -cert, with the -issuer and the
 * digest given before it, and only finds the response's SingleResponse when both use the same hash.
 * -no_nonce: without it openssl puts a random nonce in its own request and then complains that
 * the (pre-produced) response does not echo it.
 */
export function ocspVerifyCommand(responseFile: string, o: OcspVerifyCommandOptions): string {
  const parts = [
    'openssl ocsp',
    `-respin ${responseFile}`,
    `-CAfile ${certificateFileNames.root}`,
    `-issuer ${certificateFileNames.intermediate}`,
    ...(o.hashAlgorithm === 'sha256' ? ['-sha256'] : []),
    `-cert ${certificateFileNames.leaf}`,
    // A delegated responder's certificate not embedded in the response must be supplied.
    ...(o.signer === 'delegated' && !o.includeSignerCert
      ? [`-verify_other ${certificateFileNames.verifyOther}`]
      : []),
    '-no_nonce',
  ]
  return parts.join(' ')
}

/** A download name that says what the response is: ocsp-revoked-keyCompromise-delegated.der. */
export function responseFileName(o: ResponseChoices, sequenceNumber = 1): string {
  const parts = ['ocsp', o.status]
  if (o.status === 'revoked' && o.revocationReason) parts.push(o.revocationReason)
  if (o.signer === 'delegated') parts.push('delegated')
  parts.push(o.hashAlgorithm ?? 'sha1')
  if (sequenceNumber > 1) parts.push(String(sequenceNumber))
  return `${parts.join('-')}.der`
}
