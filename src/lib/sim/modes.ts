/**
 * The five modes as (client policy, server strategy, must-staple certificate) triples, and the
 * comparison view's rows.
 */
import { clientPolicies, type ClientPolicy } from './clientPolicies.ts'
import { serverStrategyModels, type ServerStrategyModel } from './serverStrategies.ts'
import type { ComparisonRow, Mode, Scenario } from './types.ts'

export interface ModeSetup {
  policy: ClientPolicy
  server: ServerStrategyModel
  /** The certificate carries the TLS Feature extension with status_request (RFC 7633). */
  certMustStaple: boolean
}

export function modeSetup(mode: Mode, s: Scenario): ModeSetup {
  const staplingServer = serverStrategyModels[s.serverStrategy]
  switch (mode) {
    // The baseline: no revocation machinery anywhere (a Chrome-like client, a server that does not staple).
    case 'none':
      return { policy: clientPolicies['no-check'], server: serverStrategyModels.none, certMustStaple: false }
    case 'ocsp-soft-fail':
      return {
        policy: clientPolicies['ocsp-soft-fail'],
        server: serverStrategyModels.none,
        certMustStaple: false,
      }
    case 'ocsp-hard-fail':
      return {
        policy: clientPolicies['ocsp-hard-fail'],
        server: serverStrategyModels.none,
        certMustStaple: false,
      }
    case 'stapling':
      return { policy: clientPolicies['staple-only'], server: staplingServer, certMustStaple: false }
    case 'must-staple':
      return { policy: clientPolicies['must-staple'], server: staplingServer, certMustStaple: true }
  }
}

/** The mode a comparison row runs. */
export function rowMode(row: ComparisonRow, s: Scenario): Mode {
  if (row === 'plain-ocsp') return s.plainOcsp === 'hard-fail' ? 'ocsp-hard-fail' : 'ocsp-soft-fail'
  return row
}
