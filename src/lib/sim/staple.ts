/** What a server can put in the status_request slot of a handshake. */
import type { CachedStaple, CertStatus } from './types.ts'

export type Staple =
  /**
   * A signed OCSPResponse with a certificate status; `fresh` is false past its nextUpdate;
   * `beforeRevocation` marks a good response produced before the revocation (the replayed staple).
   */
  | { kind: 'response'; status: CertStatus; fresh: boolean; beforeRevocation?: true }
  /** An OCSPResponse carrying only an error status (RFC 6960 4.2.1). */
  | { kind: 'error'; status: 'tryLater' | 'internalError' }

/**
 * The staple a server holds in its cache in each `staple` state. A pre-revocation response is still
 * before its nextUpdate, so any server treats it as valid: it is indistinguishable from a fresh one
 * until then, except that it says good.
 */
export function cachedStaple(cache: CachedStaple, certStatus: CertStatus): Staple | null {
  if (cache === 'none') return null
  if (cache === 'pre-revocation')
    return { kind: 'response', status: 'good', fresh: true, beforeRevocation: true }
  return { kind: 'response', status: certStatus, fresh: cache === 'fresh' }
}

/** The cached response is before its nextUpdate (fresh or pre-revocation): a server staples it as valid. */
export function isValidCache(cache: CachedStaple): boolean {
  return cache === 'fresh' || cache === 'pre-revocation'
}
