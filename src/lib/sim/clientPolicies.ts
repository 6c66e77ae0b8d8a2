/**
 * Client revocation policies: what the client makes of the staple it got (if any) and whether it
 * fetches OCSP itself. Each names the browser behaviour it models; sources in docs/model.md.
 */
import type { FetchResult } from './ocspFetch.ts'
import type { Staple } from './staple.ts'
import type { Client, ComparisonRow, RejectReason, RevocationSource, Scenario } from './types.ts'

/** The textbook client's policies, one per mode. */
export type TextbookPolicyName =
  'no-check' | 'ocsp-soft-fail' | 'ocsp-hard-fail' | 'staple-only' | 'must-staple'
/** A named client's policy is named after its profile and row, e.g. "chrome/plain-ocsp". */
export type ClientPolicyName = TextbookPolicyName | `${Exclude<Client, 'textbook'>}/${ComparisonRow}`

/** The verdict on the certificate, or a request to fetch OCSP first. */
export type Verdict =
  | { kind: 'accept'; source: RevocationSource; note: string | null }
  | { kind: 'reject'; reason: RejectReason; source: RevocationSource; note: string }
  | { kind: 'fetch'; timeoutMs: number; hard: boolean }

export interface ClientPolicy {
  name: ClientPolicyName
  source: string
  /** Decide from the staple (and the client's OCSP cache); may ask for a fetch. */
  onStaple(staple: Staple | null, s: Scenario): Verdict
  /** Decide from the client's own fetch (and the staple that came before it, if any). */
  onFetch(result: FetchResult, s: Scenario, staple: Staple | null): Verdict
}

export const accept = (source: RevocationSource, note: string | null = null): Verdict => ({
  kind: 'accept',
  source,
  note,
})
export const reject = (reason: RejectReason, note: string, source: RevocationSource = 'none'): Verdict => ({
  kind: 'reject',
  reason,
  source,
  note,
})

/** A fresh, signed response decides (every policy that looks at staples trusts one, RFC 6066 8). */
export function fromValidStaple(staple: Staple | null): Verdict | null {
  if (staple?.kind !== 'response' || !staple.fresh) return null
  if (staple.status === 'revoked')
    return reject('revoked', 'The stapled response says the certificate is revoked.', 'staple')
  return accept(
    'staple',
    staple.beforeRevocation
      ? 'The stapled response says good: it was produced before the revocation and is still before its nextUpdate, so the client cannot tell it from a current one (RFC 6960 section 5: pre-produced responses can be replayed).'
      : 'The stapled response says good: no extra round trip, and the CA never sees this client.',
  )
}

function ownCheck(hard: boolean): ClientPolicy {
  return {
    name: hard ? 'ocsp-hard-fail' : 'ocsp-soft-fail',
    source: hard
      ? 'Firefox with security.OCSP.require = true: a failed OCSP fetch fails the connection; timeout security.OCSP.timeoutMilliseconds.hard (10 s).'
      : 'Firefox default (security.OCSP.require = false): a failed fetch is ignored; timeout security.OCSP.timeoutMilliseconds.soft (2 s).',
    onStaple(staple, s) {
      const decided = fromValidStaple(staple)
      if (decided) return decided
      if (s.ocspCacheHit) {
        return s.certStatus === 'revoked'
          ? reject('revoked', "The client's cached OCSP response says revoked.", 'ocsp-cache')
          : accept('ocsp-cache', 'A cached OCSP response, still before its nextUpdate, skips the fetch.')
      }
      return { kind: 'fetch', timeoutMs: hard ? s.hardFailTimeoutMs : s.softFailTimeoutMs, hard }
    },
    onFetch(result) {
      if (result === 'good') return accept('ocsp-fetch')
      if (result === 'revoked')
        return reject('revoked', 'The responder says the certificate is revoked.', 'ocsp-fetch')
      const error = result === 'tryLater' || result === 'internalError'
      if (hard) {
        return error
          ? reject('responder-error', `Hard-fail: the responder answered ${result}, so the connection fails.`)
          : reject(
              'responder-unreachable',
              'Hard-fail: no answer from the responder, so the connection fails.',
            )
      }
      return accept(
        'none',
        error
          ? `Soft-fail: the responder answered ${result}; the client goes on without a revocation check.`
          : 'Soft-fail: no answer from the responder; the client goes on without a revocation check.',
      )
    },
  }
}

export const noCheck: ClientPolicy = {
  name: 'no-check',
  source:
    'The baseline: a client that checks nothing. No 2026 browser is quite this: Chrome and Edge still check a stapled response (the chrome client profile).',
  onStaple: () =>
    accept(
      'none',
      'The client makes no revocation check at all: the baseline. (Chrome is not this client: it checks a stapled response; pick the Chrome client to see it.)',
    ),
  onFetch: () => accept('none'),
}

export const ocspSoftFail = ownCheck(false)
export const ocspHardFail = ownCheck(true)

export const stapleOnly: ClientPolicy = {
  name: 'staple-only',
  source:
    'Our stapling row: the client uses a valid staple and otherwise goes on without a check, so it never contacts the CA (Firefox would fall back to its soft-fail fetch: the plain OCSP row).',
  onStaple: (staple) =>
    fromValidStaple(staple) ??
    accept(
      'none',
      staple === null
        ? 'No staple: the client goes on without a revocation check (it never contacts the CA itself).'
        : `The client cannot use ${staple.kind === 'error' ? 'an error response' : 'a staple past its nextUpdate'}: it goes on without a revocation check.`,
    ),
  onFetch: () => accept('none'),
}

export const mustStaple: ClientPolicy = {
  name: 'must-staple',
  source:
    'RFC 7633 section 4.2.3 and Firefox (since 45): a certificate with the TLS Feature status_request must come with a valid staple, or the connection fails (MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING).',
  onStaple(staple) {
    const decided = fromValidStaple(staple)
    if (decided) return decided
    if (staple === null)
      return reject(
        'no-staple',
        'Must-staple: the certificate promises a staple and none came, so the client refuses.',
      )
    if (staple.kind === 'error')
      return reject(
        'responder-error',
        `Must-staple: the stapled ${staple.status} response is not a status, so the client refuses.`,
      )
    return reject('stale-staple', 'Must-staple: the staple is past its nextUpdate, so the client refuses.')
  },
  onFetch: () => accept('none'),
}

export const clientPolicies: Record<TextbookPolicyName, ClientPolicy> = {
  'no-check': noCheck,
  'ocsp-soft-fail': ocspSoftFail,
  'ocsp-hard-fail': ocspHardFail,
  'staple-only': stapleOnly,
  'must-staple': mustStaple,
}
