/** Display formatting for the inspector's views: times, sizes, hex. Pure, no DOM. (Names: lib/pki/shownName.ts.) */
import { formatUtc } from '../../lib/pki/utc.ts'
import type { ObjectKind } from '../../lib/pki/types'
import { shownHex } from '../../lib/pki/values'

/** "2026-11-23T19:00:00Z" as "2026-11-23 19:00:00 UTC": a field shows its instant to the second. */
export const formatTime = (iso: string): string => formatUtc(iso, 'seconds')

/**
 * "ab12cd34" as "ab:12:cd:34", the way browsers and openssl show serials and fingerprints; a
 * negative serial keeps its sign ("-04:31:66:93:ed"), a hostile 1 MB one is cut (values.ts shownHex).
 */
export function colonHex(hex: string): string {
  return shownHex(hex, ':')
}

export const kindLabels: Record<ObjectKind, string> = {
  certificate: 'Certificate',
  ocspResponse: 'OCSP response',
  ocspRequest: 'OCSP request',
  csr: 'Certificate signing request',
  crl: 'Certificate revocation list',
  pkcs7: 'PKCS #7 bundle',
  privateKey: 'Private key',
  unknown: 'Unknown object',
}

export const encodingLabels = { der: 'DER', pem: 'PEM', base64: 'base64' } as const

export type ValidityStatus = 'valid' | 'expired' | 'notYetValid'

/** Which side of its validity window a certificate is on, for colour and the short tag. */
export function validityStatus(notBefore: string, notAfter: string, now: Date): ValidityStatus {
  const t = now.getTime()
  if (t < Date.parse(notBefore)) return 'notYetValid'
  return t > Date.parse(notAfter) ? 'expired' : 'valid'
}

export const validityLabels: Record<ValidityStatus, string> = {
  valid: 'valid now',
  expired: 'expired',
  notYetValid: 'not yet valid',
}
