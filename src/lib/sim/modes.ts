/**
 * The five modes as (client policy, server strategy, must-staple certificate) triples, and the
 * comparison view's rows.
 */
import type { ClientPolicy } from './clientPolicies.ts'
import type { ClientProfile } from './clients/profile.ts'
import { serverStrategyModels, type ServerStrategyModel } from './serverStrategies.ts'
import type { ComparisonRow, Mode, Scenario } from './types.ts'

export interface ModeSetup {
  policy: ClientPolicy
  server: ServerStrategyModel
  /** The certificate carries the TLS Feature extension with status_request (RFC 7633). */
  certMustStaple: boolean
}

/**
 * The scenario's client (`profile`, the one named by `s.client`) decides the policy (clients/); the
 * mode decides what the certificate and server offer: no staple in the first three modes, the
 * scenario's server strategy in the stapling modes, and a must-staple certificate in the last.
 */
export function modeSetup(mode: Mode, s: Scenario, profile: ClientProfile): ModeSetup {
  const stapling = mode === 'stapling' || mode === 'must-staple'
  return {
    policy: profile.policy(mode, s),
    server: stapling ? serverStrategyModels[s.serverStrategy] : serverStrategyModels.none,
    certMustStaple: mode === 'must-staple',
  }
}

/** The mode a comparison row runs. */
export function rowMode(row: ComparisonRow, s: Scenario): Mode {
  if (row === 'plain-ocsp') return s.plainOcsp === 'hard-fail' ? 'ocsp-hard-fail' : 'ocsp-soft-fail'
  return row
}
