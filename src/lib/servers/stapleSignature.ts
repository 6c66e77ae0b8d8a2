/**
 * Whether a stapled OCSP response is signed by someone allowed to answer for the leaf: its
 * signature checked with WebCrypto against the issuer found in the chain the server sent (or a
 * delegated responder certificate embedded in the response), RFC 6960 4.2.2.2. The checks are the
 * inspector's (checkOcspResponse): a fact the probe prints is the fact the page shows.
 */
import { checkOcspResponse } from '../pki/ocspCheck.ts'
import type { CertificateInfo } from '../pki/types.ts'

export type StapleSignatureStatus = 'verified' | 'failed' | 'unchecked'

export interface StapleSignature {
  status: StapleSignatureStatus
  /** One line: who signed and why it passes, fails, or could not be checked. */
  detail: string
}

export interface SentCertificate {
  info: CertificateInfo
  der: Uint8Array
}

export async function checkStapleSignature(
  stapleDer: Uint8Array,
  chain: readonly SentCertificate[],
  at: Date,
): Promise<StapleSignature> {
  const leaf = chain[0]
  if (!leaf)
    return { status: 'unchecked', detail: 'the server sent no certificate to check the staple against' }
  // The issuer as the server sent it: the first later certificate whose subject is the leaf's issuer.
  const issuer = chain.slice(1).find((c) => c.info.subject === leaf.info.issuer)
  const checks = await checkOcspResponse({
    responseDer: stapleDer,
    certDer: leaf.der,
    issuerDer: issuer?.der,
    at,
  })
  const signature = checks.find((c) => c.id === 'signature')
  const signer = checks.find((c) => c.id === 'signer')
  if (!signature) {
    const why = checks.find((c) => c.status === 'fail')?.detail ?? 'the response carries no signature'
    return { status: 'unchecked', detail: why }
  }
  if (signature.status === 'fail') return { status: 'failed', detail: signature.detail }
  if (signer?.status === 'fail') return { status: 'failed', detail: signer.detail }
  if (signature.status === 'skip')
    return {
      status: 'unchecked',
      detail: issuer ? signature.detail : `${signature.detail} (the server did not send the leaf's issuer)`,
    }
  if (signer?.status === 'pass')
    return { status: 'verified', detail: `${signature.detail}, ${signer.detail}` }
  return { status: 'unchecked', detail: `${signature.detail}; ${signer?.detail ?? 'the signer is unknown'}` }
}
