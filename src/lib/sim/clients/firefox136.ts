/**
 * Firefox up to 136 (and ESR 128): OCSP for every certificate that names a responder, soft-fail by
 * default, a valid staple used in its place, must-staple checked for presence only.
 *
 * gecko-dev security/certverifier/NSSCertDBTrustDomain.cpp, CheckRevocation: a good stapled response
 * ends the check; an expired one (ERROR_OCSP_OLD_RESPONSE) or a tryLater one is "treated similarly to
 * an expired stapled response": Firefox goes on to its cache and its own fetch, and when that fetch
 * fails HandleOCSPFailure returns the staple's error even in soft-fail mode. Without an OCSP URL
 * ("aiaLocation.IsVoid()") it returns Success. Must-staple: mozilla::pkix pkixcheck.cpp
 * TLSFeaturesSatisfiedInternal fails only `if (!stapledOCSPResponse)`, and CertVerifier::
 * VerifySSLServerCert runs it after VerifyCert, so the revocation fetch happens first.
 */
import {
  accept,
  fromValidStaple,
  ocspHardFail,
  ocspSoftFail,
  reject,
  type ClientPolicy,
  type Verdict,
} from '../clientPolicies.ts'
import type { FetchResult } from '../ocspFetch.ts'
import type { Staple } from '../staple.ts'
import type { ComparisonRow, Mode, Scenario } from '../types.ts'
import { clientLabels } from '../../labels.ts'
import { modeRow, type ClientProfile } from './profile.ts'

/** Firefox's own check (the textbook plain-OCSP policies are modelled on it). */
const ownCheck = (hard: boolean): ClientPolicy => (hard ? ocspHardFail : ocspSoftFail)

/** After a failed fetch an unusable staple's error wins, soft-fail or not (HandleOCSPFailure). */
function failedFetchWithBadStaple(staple: Staple, result: FetchResult): Verdict {
  const why =
    result === 'timeout' || result === 'reset' ? 'its own fetch failed' : `the responder answered ${result}`
  return staple.kind === 'error'
    ? reject(
        'responder-error',
        `Firefox could not use the stapled ${staple.status} response and ${why}: it refuses (NSSCertDBTrustDomain HandleOCSPFailure returns the staple's error, even in soft-fail).`,
      )
    : reject(
        'stale-staple',
        `Firefox could not use the expired staple and ${why}: it refuses with SEC_ERROR_OCSP_OLD_RESPONSE, even in soft-fail.`,
      )
}

function firefoxPolicy(row: ComparisonRow, hard: boolean): ClientPolicy {
  const own = ownCheck(hard)
  const mustStaple = row === 'must-staple'
  const missingStaple = reject(
    'no-staple',
    'Must-staple: no staple came with the certificate, so Firefox refuses after its revocation check (MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING).',
  )
  const afterRevocationCheck = (verdict: Verdict, staple: Staple | null): Verdict =>
    mustStaple && staple === null && verdict.kind === 'accept' ? missingStaple : verdict
  return {
    name: `firefox-136/${row}`,
    source: 'gecko-dev NSSCertDBTrustDomain.cpp CheckRevocation; mozilla::pkix TLSFeaturesSatisfiedInternal',
    onStaple(staple: Staple | null, s: Scenario): Verdict {
      if (row === 'none')
        return accept(
          'none',
          'The certificate names no OCSP responder and nothing is stapled: Firefox has nothing to ask and accepts it.',
        )
      const decided = fromValidStaple(staple)
      if (decided) return decided
      // A missing, expired or tryLater staple: Firefox's cache, then its own fetch.
      return afterRevocationCheck(own.onStaple(null, s), staple)
    },
    onFetch(result: FetchResult, s: Scenario, staple: Staple | null): Verdict {
      const fetched = own.onFetch(result, s, null)
      if (staple !== null && fetched.kind === 'accept' && fetched.source === 'none')
        return failedFetchWithBadStaple(staple, result)
      if (staple !== null && fetched.kind === 'accept')
        return accept(
          'ocsp-fetch',
          'Firefox could not use the staple, so it asked the responder itself: the fresh answer says good.',
        )
      return afterRevocationCheck(fetched, staple)
    },
  }
}

export const firefox136: ClientProfile = {
  id: 'firefox-136',
  name: clientLabels['firefox-136'],
  falseStart: true,
  policy: (mode: Mode, s: Scenario) => {
    const row = modeRow(mode)
    const hard = row === 'plain-ocsp' ? mode === 'ocsp-hard-fail' : s.plainOcsp === 'hard-fail'
    return firefoxPolicy(row, hard)
  },
}
