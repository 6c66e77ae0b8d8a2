/**
 * curl --cert-status (CURLOPT_SSL_VERIFYSTATUS, since 7.41.0): requires a valid stapled response and
 * never fetches OCSP itself.
 *
 * curl docs/cmdline-opts/cert-status.d: "If this option is enabled and the server sends an invalid
 * (e.g. expired) response, if the response suggests that the server certificate has been revoked, or
 * no response at all is received, the verification fails." curl lib/vtls/openssl.c verifystatus():
 * "No OCSP response received", "Invalid OCSP response status", and OCSP_check_validity on
 * thisUpdate/nextUpdate.
 */
import { fromValidStaple, reject, accept, type ClientPolicy, type Verdict } from '../clientPolicies.ts'
import type { Staple } from '../staple.ts'
import type { ComparisonRow } from '../types.ts'
import { clientLabels } from '../../labels.ts'
import { modeRow, type ClientProfile } from './profile.ts'

function curlPolicy(row: ComparisonRow): ClientPolicy {
  return {
    name: `curl/${row}`,
    source: 'curl lib/vtls/openssl.c verifystatus(); docs/cmdline-opts/cert-status.d',
    onStaple(staple: Staple | null): Verdict {
      const decided = fromValidStaple(staple)
      if (decided) return decided
      if (staple === null)
        return reject('no-staple', 'curl --cert-status: "No OCSP response received", so curl fails.')
      if (staple.kind === 'error')
        return reject(
          'responder-error',
          `curl --cert-status: "Invalid OCSP response status: ${staple.status}", so curl fails.`,
        )
      return reject(
        'stale-staple',
        'curl --cert-status: the stapled response is past its nextUpdate, so curl fails.',
      )
    },
    onFetch: () => accept('none'),
  }
}

export const curl: ClientProfile = {
  id: 'curl',
  name: clientLabels.curl,
  falseStart: false,
  policy: (mode) => curlPolicy(modeRow(mode)),
}
