/**
 * Firefox 142 and later: CRLite decides for every certificate it covers, without OCSP and without
 * looking at a staple; OCSP is no longer fetched for domain-validated certificates.
 *
 * gecko-dev security/certverifier/NSSCertDBTrustDomain.cpp, CheckRevocation: "In Enforce CRLite mode
 * we can return "Revoked" or "Not Revoked" without consulting OCSP" (`if (mCRLiteMode ==
 * CRLiteMode::Enforce) return crliteResult;`), before CheckRevocationByOCSP. CRLite covers the
 * certificates in Certificate Transparency logs, is updated every 12 hours, and is on for desktop
 * from Firefox 137; Firefox 142 stopped fetching OCSP for DV certificates (hacks.mozilla.org,
 * 2025-08-19, "CRLite: fast, private, and comprehensive certificate revocation checking in
 * Firefox"). Must-staple is still checked for presence after verification (CertVerifier.cpp
 * VerifySSLServerCert, CheckTLSFeaturesAreSatisfied).
 */
import { accept, reject, type ClientPolicy, type Verdict } from '../clientPolicies.ts'
import type { Staple } from '../staple.ts'
import type { ComparisonRow, Scenario } from '../types.ts'
import { clientLabels } from '../../labels.ts'
import { modeRow, type ClientProfile } from './profile.ts'

/**
 * The model's assumption: this certificate is in CT (browsers require it) and the revocation, if any,
 * is older than Firefox's last CRLite download (at most 12 hours before).
 */
export function crliteVerdict(s: Scenario): Verdict {
  return s.certStatus === 'revoked'
    ? reject(
        'revoked',
        'CRLite, the revocation list Firefox downloads every 12 hours, lists this certificate: Firefox refuses without asking anyone.',
        'pushed-list',
      )
    : accept(
        'pushed-list',
        'CRLite, the revocation list Firefox downloads every 12 hours, does not list this certificate: no OCSP, no staple needed, and nobody learns anything.',
      )
}

function firefox142Policy(row: ComparisonRow): ClientPolicy {
  return {
    name: `firefox-142/${row}`,
    source: 'gecko-dev NSSCertDBTrustDomain.cpp CheckRevocation (CRLiteMode::Enforce)',
    onStaple(staple: Staple | null, s: Scenario): Verdict {
      const verdict = crliteVerdict(s)
      if (row === 'must-staple' && staple === null && verdict.kind === 'accept')
        return reject(
          'no-staple',
          'Must-staple: CRLite says the certificate is not revoked, but no staple came, so Firefox still refuses (MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING).',
          'pushed-list',
        )
      return verdict
    },
    onFetch: () => accept('none'),
  }
}

export const firefox142: ClientProfile = {
  id: 'firefox-142',
  name: clientLabels['firefox-142'],
  falseStart: true,
  policy: (mode) => firefox142Policy(modeRow(mode)),
}
