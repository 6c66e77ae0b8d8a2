/**
 * A real client as data: what it does on each comparison row, and where that is written. The engine
 * asks the profile for the row's policy; the same behaviours in words, for which versions and dates,
 * are its description (descriptions.ts), which the page lists in its "what this client does" panel
 * and docs/model.md ("Client profiles") repeats.
 */
import type { ClientPolicy } from '../clientPolicies.ts'
import type { Client, ComparisonRow, Mode, Scenario } from '../types.ts'

export interface ClientBehaviour {
  /** One sentence a learner can check against the diagram. */
  says: string
  /** Where it is written: a source file with its version, or a document with its date. */
  source: string
}

export interface ClientProfile {
  id: Client
  /** Short display name, e.g. "Chrome / Edge". */
  name: string
  /**
   * TLS 1.2 False Start (RFC 7918): the client sends application data after its own Finished,
   * without waiting for the server's, when the cipher suite is ECDHE with an AEAD.
   */
  falseStart: boolean
  /** The client's policy on a mode's row: what it does with what that certificate and server offer. */
  policy(mode: Mode, s: Scenario): ClientPolicy
}

/** The comparison row a mode belongs to (both plain-OCSP modes share one row). */
export function modeRow(mode: Mode): ComparisonRow {
  return mode === 'ocsp-soft-fail' || mode === 'ocsp-hard-fail' ? 'plain-ocsp' : mode
}

/**
 * What each row means for a named client: what the certificate and server offer. The `none` row is a
 * certificate that names no OCSP responder, served without a staple: since 2025-05-07 every new Let's
 * Encrypt certificate (letsencrypt.org/2024/12/05/ending-ocsp).
 */
export const rowOffers: Record<ComparisonRow, string> = {
  none: 'a certificate without an OCSP URL, no staple',
  'plain-ocsp': 'a certificate with an OCSP URL, no staple',
  stapling: 'a certificate with an OCSP URL, stapled by the server',
  'must-staple': 'a must-staple certificate, stapled by the server',
}
