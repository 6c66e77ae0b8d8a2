/** The security panel's verdict for one run: the truth of this run, not what-ifs. */
import type { Run } from '../../../lib/sim/types.ts'
import { rejectReasonNouns } from '../../../lib/labels.ts'

export interface Verdict {
  text: string
  /** danger: a revoked certificate got through; ok: the check did its job; plain: neither. */
  tone: 'danger' | 'ok' | 'plain'
  detail: string
}

export function verdict(run: Run): Verdict {
  const revoked = run.scenario.certStatus === 'revoked'
  if (run.revokedAccepted) {
    return {
      text: 'accepted a revoked certificate',
      tone: 'danger',
      detail:
        run.revocationSource === 'none'
          ? 'The client went on without learning the certificate was revoked.'
          : 'The client went on although the certificate is revoked.',
    }
  }
  if (run.outcome === 'rejected') {
    const why = run.reason === null ? 'refused' : rejectReasonNouns[run.reason]
    return {
      text: `rejected: ${why}`,
      tone: revoked ? 'ok' : 'plain',
      detail: revoked
        ? 'The revoked certificate was not accepted.'
        : 'The certificate is good, but the client could not confirm it, so the site is unreachable.',
    }
  }
  if (revoked) {
    // Connected with a revoked certificate yet not flagged by the engine: a resumed session, which
    // the engine counts as checking nothing, not as accepting.
    return { text: 'connected without checking', tone: 'plain', detail: 'No certificate was checked.' }
  }
  if (run.revocationSource === 'none') {
    return {
      text: 'connected without a revocation check',
      tone: 'plain',
      detail: 'The certificate is good, but nothing checked it.',
    }
  }
  return {
    text: 'connected: checked, good',
    tone: 'ok',
    detail: 'The certificate is good and the client checked.',
  }
}
