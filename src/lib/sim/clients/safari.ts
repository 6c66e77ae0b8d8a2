/**
 * Safari on Apple platforms in 2026: Apple's pushed revocation list ("valid", from valid.apple.com)
 * first, then a stapled response, and no OCSP fetch for an ordinary (non-EV) certificate.
 *
 * Apple Security trust/trustd/SecRevocationServer.c, SecPathBuilderCheckRevocation: "Check valid
 * database first", then "If we have any OCSP stapled responses, check those first"
 * (SecORVCProcessStapledResponses), then the caches; a network fetch only when the certificate is EV,
 * revocation checking was asked for explicitly, or the valid database requires it (`allow_fetch`).
 * Must-staple: no TLS Feature check was found in trustd; unconfirmed, modelled as ignored (as in the
 * 2018 tests, where only Firefox enforced it). Which leaf revocations the valid list carries, and how
 * fast, is unconfirmed: this model takes it to list this one.
 */
import { accept, fromValidStaple, reject, type ClientPolicy, type Verdict } from '../clientPolicies.ts'
import type { Staple } from '../staple.ts'
import type { ComparisonRow, Scenario } from '../types.ts'
import { clientLabels } from '../../labels.ts'
import { modeRow, type ClientProfile } from './profile.ts'

function safariPolicy(row: ComparisonRow): ClientPolicy {
  return {
    name: `safari/${row}`,
    source: 'Apple Security trustd SecRevocationServer.c SecPathBuilderCheckRevocation',
    onStaple(staple: Staple | null, s: Scenario): Verdict {
      if (s.certStatus === 'revoked')
        return reject(
          'revoked',
          'Apple’s pushed revocation list (valid.apple.com) lists this certificate: Safari refuses without asking the CA.',
          'pushed-list',
        )
      const decided = fromValidStaple(staple)
      if (decided) return decided
      return accept(
        'pushed-list',
        row === 'must-staple'
          ? 'Apple’s pushed list does not list this certificate; Safari does not enforce must-staple (unconfirmed) and never fetches OCSP for it.'
          : 'Apple’s pushed list does not list this certificate, and Safari never fetches OCSP for an ordinary (non-EV) certificate.',
      )
    },
    onFetch: () => accept('none'),
  }
}

export const safari: ClientProfile = {
  id: 'safari',
  name: clientLabels.safari,
  falseStart: false,
  policy: (mode) => safariPolicy(modeRow(mode)),
}
