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
  falseStart: true,
  policy: (mode) => chromePolicy(modeRow(mode)),
}
