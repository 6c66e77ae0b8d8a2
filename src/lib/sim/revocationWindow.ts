/**
 * The revocation window: how long after a revocation a client can still be shown a valid `good`
 * OCSP response, and what shortens it. OCSP responses are pre-produced without a nonce, so a good
 * response fetched just before the revocation can be replayed (by an attacker with the stolen key,
 * or served by a server that keeps its last good response) until its nextUpdate: "precomputed
 * responses allow replay attacks" (RFC 6960 section 5). Must-staple does not close it (the staple is
 * valid); only the response's expiry does, or a check that does not rely on the staple.
 */

/** Firefox downloads CRLite "every 12 hours" (hacks.mozilla.org, 2025-08-19). */
export const crliteUpdateHours = 12
/** Let's Encrypt's "shortlived" profile: certificates valid 160 hours (six days and 16 hours). */
export const shortLivedCertificateHours = 160

export interface RevocationWindowInput {
  /** When the CA revokes the certificate, in hours since the start. */
  revokedAtHour: number
  /** thisUpdate to nextUpdate of each response (CA/B Forum BR 4.9.10: 8 hours to 10 days). */
  validityHours: number
  /** How old the newest pre-produced response already is when it is fetched. */
  responseAgeHours: number
}

export type WindowId = 'replayed-staple' | 'pushed-list' | 'short-lived-certificate'

export interface WindowSpan {
  id: WindowId
  /** What this span is, sentence-ready. */
  label: string
  startHour: number
  endHour: number
  source: string
}

/**
 * Three spans from the revocation: the replay window of a good response fetched just before it
 * (the worst case: validity minus the response's age at fetch), the same window for a client that
 * checks a pushed list instead (CRLite: until its next download, at most the replay window), and a
 * 6-day certificate's own remaining life (the worst case: issued just before the revocation).
 */
export function revocationWindow(input: RevocationWindowInput): WindowSpan[] {
  const start = input.revokedAtHour
  const replay = Math.max(0, input.validityHours - Math.min(input.responseAgeHours, input.validityHours))
  return [
    {
      id: 'replayed-staple',
      label: `A good response fetched just before the revocation is valid ${replay} h more: every client that trusts the staple, must-staple included, accepts the revoked certificate until then.`,
      startHour: start,
      endHour: start + replay,
      source: 'RFC 6960 section 5; CA/B Forum Baseline Requirements 4.9.10',
    },
    {
      id: 'pushed-list',
      label: `A client that checks a pushed list (Firefox’s CRLite) refuses it from its next download: at most ${Math.min(crliteUpdateHours, replay)} h.`,
      startHour: start,
      endHour: start + Math.min(crliteUpdateHours, replay),
      source: 'hacks.mozilla.org, August 2025: CRLite updated every 12 hours',
    },
    {
      id: 'short-lived-certificate',
      label: `A 6-day certificate needs no revocation at all (SC-063): it expires at most ${shortLivedCertificateHours} h after the revocation.`,
      startHour: start,
      endHour: start + shortLivedCertificateHours,
      source: 'CA/B Forum ballot SC-063; Let’s Encrypt shortlived profile (160 hours)',
    },
  ]
}
