/**
 * The textbook client: the RFCs' behaviour, one policy per mode (clientPolicies.ts). It is the
 * default, so the lesson and every link made before client profiles keep their meaning.
 */
import { clientPolicies } from '../clientPolicies.ts'
import type { TextbookPolicyName } from '../clientPolicies.ts'
import type { Mode } from '../types.ts'
import { clientLabels } from '../../labels.ts'
import type { ClientProfile } from './profile.ts'

const policyOfMode: Record<Mode, TextbookPolicyName> = {
  none: 'no-check',
  'ocsp-soft-fail': 'ocsp-soft-fail',
  'ocsp-hard-fail': 'ocsp-hard-fail',
  stapling: 'staple-only',
  'must-staple': 'must-staple',
}

export const textbook: ClientProfile = {
  id: 'textbook',
  name: clientLabels.textbook,
  holdsFor: 'the RFCs, not a particular browser',
  falseStart: false,
  behaviours: [
    {
      says: 'No check: makes no revocation check at all.',
      source: 'the baseline row, no RFC client',
    },
    {
      says: 'Plain OCSP: asks the responder itself; soft-fail goes on when no answer comes, hard-fail refuses.',
      source: 'RFC 6960; Firefox security.OCSP.require',
    },
    {
      says: 'Stapling: uses a valid staple and never contacts the CA itself.',
      source: 'RFC 6066 section 8',
    },
    {
      says: 'Must-staple: refuses the certificate without a valid staple.',
      source: 'RFC 7633 section 4.2.3',
    },
    {
      says: 'TLS 1.2: waits for the server’s Finished (two round trips).',
      source: 'RFC 5246 section 7.3',
    },
  ],
  policy: (mode) => clientPolicies[policyOfMode[mode]],
}
