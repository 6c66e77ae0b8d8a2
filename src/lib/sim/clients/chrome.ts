/**
 * Chrome and Edge in 2026: no online OCSP, a pushed CRLSet, a stapled response for the leaf checked,
 * must-staple ignored.
 *
 * Chromium net/cert/internal/revocation_checker.cc, CheckRevocationOfCert: "Check using stapled OCSP,
 * if available": a stapled REVOKED marks the certificate revoked, GOOD ends the check, anything else
 * (an expired or unusable response) falls through; then `if (!policy.check_revocation) return;`,
 * and Chrome's default policy does not check online ("online (i.e. OCSP and CRL) checks are not
 * generally performed by Chrome", chromium.org/Home/chromium-security/crlsets).
 */
import { accept, fromValidStaple, reject, type ClientPolicy } from '../clientPolicies.ts'
import type { Staple } from '../staple.ts'
import type { ComparisonRow } from '../types.ts'
import { clientLabels } from '../../labels.ts'
import { modeRow, type ClientProfile } from './profile.ts'

const crlSetNote =
  'Its CRLSet, pushed with updates, lists only a small set of important revocations; this model takes it not to list this certificate.'

function withoutStaple(row: ComparisonRow, staple: Staple | null): string {
  const what =
    staple === null
      ? 'No staple'
      : staple.kind === 'error'
        ? `A stapled ${staple.status} error response`
        : 'A staple past its nextUpdate'
  switch (row) {
    case 'plain-ocsp':
      return `${what}: Chrome never asks the OCSP responder itself, although the certificate names one. ${crlSetNote}`
    case 'must-staple':
      return `${what}: Chrome ignores must-staple and goes on. ${crlSetNote}`
    default:
      return `${what}: Chrome goes on without a revocation check. ${crlSetNote}`
  }
}

function chromePolicy(row: ComparisonRow): ClientPolicy {
  return {
    name: `chrome/${row}`,
    source: 'Chromium net/cert/internal/revocation_checker.cc; chromium.org CRLSets',
    onStaple(staple) {
      const decided = fromValidStaple(staple)
      if (decided?.kind === 'reject')
        return reject(
          'revoked',
          'Chrome checks the stapled response for the leaf: it says revoked, so Chrome refuses.',
          'staple',
        )
      return decided ?? accept('none', withoutStaple(row, staple))
    },
    onFetch: () => accept('none'),
  }
}

export const chrome: ClientProfile = {
  id: 'chrome',
  name: clientLabels.chrome,
  holdsFor: 'Chrome and Edge 2026 (Chromium’s own certificate verifier)',
  falseStart: true,
  behaviours: [
    {
      says: 'Never fetches OCSP itself, even when the certificate names a responder.',
      source: 'chromium.org/Home/chromium-security/crlsets: online checks "not generally performed"',
    },
    {
      says: 'Checks a stapled response for the leaf: a stapled revoked fails the connection, a stapled good ends the check.',
      source: 'Chromium net/cert/internal/revocation_checker.cc, CheckRevocationOfCert',
    },
    {
      says: 'A staple past its nextUpdate or an error staple is ignored, and Chrome goes on.',
      source: 'revocation_checker.cc: an UNKNOWN result falls through to the (disabled) online check',
    },
    {
      says: 'Ignores must-staple.',
      source:
        'Chung et al., IMC 2018; APNIC blog 2019: only Firefox rejected a must-staple certificate without a staple',
    },
    {
      says: 'Blocks revoked certificates only through its CRLSet, a small list pushed with updates.',
      source: 'chromium.org/Home/chromium-security/crlsets',
    },
    {
      says: 'TLS 1.2: False Start sends data after one round trip.',
      source: 'RFC 7918',
    },
  ],
  policy: (mode) => chromePolicy(modeRow(mode)),
}
