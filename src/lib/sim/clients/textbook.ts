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
  falseStart: false,
  policy: (mode) => clientPolicies[policyOfMode[mode]],
}
