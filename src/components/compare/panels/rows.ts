/** Names of the comparison view's rows, as the panels print them. */
import type { ComparisonRow, RejectReason, RevocationSource, Run } from '../../../lib/sim/types.ts'

/** The row's name as a heading: "Plain OCSP (soft-fail)" says which policy the row ran. */
export function rowTitle(row: ComparisonRow, run: Run): string {
  switch (row) {
    case 'none':
      return 'No check'
    case 'plain-ocsp':
      return run.mode === 'ocsp-hard-fail' ? 'Plain OCSP (hard-fail)' : 'Plain OCSP (soft-fail)'
    case 'stapling':
      return 'Stapling'
    case 'must-staple':
      return 'Must-staple'
  }
}

/** The row's name inside a sentence. */
export function rowNoun(row: ComparisonRow): string {
  switch (row) {
    case 'none':
      return 'no check'
    case 'plain-ocsp':
      return 'plain OCSP'
    case 'stapling':
      return 'stapling'
    case 'must-staple':
      return 'must-staple'
  }
}

export const reasonText: Record<RejectReason, string> = {
  revoked: 'certificate revoked',
  'no-staple': 'no staple',
  'stale-staple': 'stale staple, past its nextUpdate',
  'responder-unreachable': 'responder unreachable',
  'responder-error': 'responder error',
}

export const sourceText: Record<RevocationSource, string> = {
  staple: 'the stapled response',
  'ocsp-fetch': 'its own OCSP fetch',
  'ocsp-cache': 'its OCSP cache',
  none: 'none: no revocation check',
}
