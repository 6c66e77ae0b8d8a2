/**
 * How a certificate's revocation can be checked, said plainly: can a server staple it at all, and
 * if not, what checks it instead. Stapling needs an OCSP URL in the Authority Information Access
 * extension (RFC 6960 section 4.4.1 / RFC 5280 4.2.2.1): without one a server has nothing to fetch.
 * Let's Encrypt dropped that URL from every certificate issued since 2025-05-07
 * (letsencrypt.org/2024/12/05/ending-ocsp), so this is now the common case.
 */
import type { CertificateInfo } from './types.ts'

/** CA/B Forum ballot SC-063: a certificate valid this long or less needs no OCSP and no CRL. */
const shortLivedMs = 7 * 24 * 3600 * 1000

export type RevocationRoute =
  | { kind: 'stapleable'; ocspUrl: string }
  | { kind: 'no-ocsp-url'; sentence: string }
  | { kind: 'ca'; sentence: string }

type RouteFields = Pick<CertificateInfo, 'ocspUrls' | 'crlUrls' | 'isCA' | 'notBefore' | 'notAfter'>

export function revocationRoute(c: RouteFields): RevocationRoute {
  if (c.isCA)
    return {
      kind: 'ca',
      sentence:
        'A CA certificate: stapling covers only the server’s own certificate (RFC 6066 section 8); browsers check CAs against their own lists.',
    }
  const [ocspUrl] = c.ocspUrls
  if (ocspUrl !== undefined) return { kind: 'stapleable', ocspUrl }
  const lifetime = Date.parse(c.notAfter) - Date.parse(c.notBefore)
  const shortLived = lifetime <= shortLivedMs
  const crl = c.crlUrls[0]
  const parts = [
    'No OCSP URL, so this certificate cannot be stapled: a server has nothing to fetch (nginx logs "ssl_stapling" ignored, no OCSP responder URL; openssl s_client -status shows "OCSP response: no response sent").',
    shortLived
      ? 'It is valid 7 days or less, so under CA/B Forum ballot SC-063 it needs no OCSP or CRL at all: it simply expires.'
      : `Browsers check it against lists they download ahead of time (Firefox’s CRLite, Chrome’s CRLSet, Apple’s list)${crl ? `, built from CRLs such as ${crl}` : ''}.`,
  ]
  return { kind: 'no-ocsp-url', sentence: parts.join(' ') }
}
