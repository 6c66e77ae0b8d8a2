/**
 * What the page, the CLI's help and the sentences call each value of the engine's vocabulary: one
 * home per name, so the comparison view, the days view and the controls never spell a mode, a
 * reason or a strategy two ways. Headings are capitalised; `...Nouns` fit inside a sentence.
 * Record order is display order.
 */
import type {
  CertStatus,
  Client,
  ComparisonRow,
  HttpMethod,
  KeyExchange,
  Mode,
  PlainOcspPolicy,
  RejectReason,
  ResponderState,
  RevocationSource,
  ServerStrategy,
  CachedStaple,
  StapleState,
  TlsVersion,
} from './sim/types.ts'

/** Each mode's heading: the policy is part of the name ("Plain OCSP (hard-fail)"). */
export const modeLabels: Record<Mode, string> = {
  none: 'No check',
  'ocsp-soft-fail': 'Plain OCSP (soft-fail)',
  'ocsp-hard-fail': 'Plain OCSP (hard-fail)',
  stapling: 'Stapling',
  'must-staple': 'Must-staple',
}

/**
 * The comparison row's heading says which policy its plain-OCSP client ran. A named client's row is
 * what the certificate offers (src/lib/sim/clients/profile.ts rowOffers): no OCSP URL in the first
 * row, and only the textbook client and Firefox up to 136 fetch OCSP in the second.
 */
export function rowTitle(row: ComparisonRow, run: { mode: Mode; scenario?: { client: Client } }): string {
  const client = run.scenario?.client ?? 'textbook'
  if (row === 'none' && client !== 'textbook') return 'No OCSP URL'
  if (row === 'plain-ocsp' && client !== 'textbook' && client !== 'firefox-136')
    return 'Plain OCSP (not fetched)'
  return row === 'plain-ocsp' ? modeLabels[run.mode] : modeLabels[row]
}

/** Each client profile's name in the selector (src/lib/sim/clients/). */
export const clientLabels: Record<Client, string> = {
  textbook: 'Textbook client',
  chrome: 'Chrome / Edge',
  'firefox-136': 'Firefox ≤ 136',
  'firefox-142': 'Firefox ≥ 142',
  safari: 'Safari',
  curl: 'curl --cert-status',
}

export const keyExchangeLabels: Record<KeyExchange, string> = {
  x25519mlkem768: 'X25519MLKEM768',
  x25519: 'x25519',
}

/** The row's name inside a sentence. */
export const rowNouns: Record<ComparisonRow, string> = {
  none: 'no check',
  'plain-ocsp': 'plain OCSP',
  stapling: 'stapling',
  'must-staple': 'must-staple',
}

export const tlsVersionLabels: Record<TlsVersion, string> = { '1.3': 'TLS 1.3', '1.2': 'TLS 1.2' }

export const plainOcspPolicyLabels: Record<PlainOcspPolicy, string> = {
  'soft-fail': 'Soft-fail',
  'hard-fail': 'Hard-fail',
}

export const httpMethodLabels: Record<HttpMethod, string> = { POST: 'POST', GET: 'GET' }

export const certStatusLabels: Record<CertStatus, string> = { good: 'Good', revoked: 'Revoked' }

export const cachedStapleLabels: Record<CachedStaple, string> = {
  fresh: 'Fresh',
  stale: 'Stale',
  none: 'None',
  'pre-revocation': 'Good, from before the revocation',
}

/** Each server strategy with the server whose behaviour it models (serverStrategies.ts). */
export const serverStrategyLabels: Record<ServerStrategy, string> = {
  static: 'Static staple file (nginx ssl_stapling_file)',
  lazy: 'Lazy fetch (nginx)',
  blocking: 'Blocking fetch (Apache mod_ssl)',
  proactive: 'Proactive refresh (Caddy)',
  none: 'No stapling',
}

/** A strategy's short name and the server whose behaviour it is (the days view's lanes). */
export const serverStrategyNames: Record<ServerStrategy, { name: string; like: string }> = {
  proactive: { name: 'Proactive', like: 'Caddy: fetches at start, refreshes at half the validity' },
  lazy: { name: 'Lazy', like: 'nginx: fetches when a handshake finds its staple due' },
  blocking: { name: 'Blocking', like: 'Apache: refetches inside a handshake every hour' },
  static: { name: 'Static file', like: 'nginx ssl_stapling_file: loaded once, never refreshed' },
  none: { name: 'No stapling', like: 'the server ignores status_request' },
}

/** A strategy inside a sentence: "a static-file server", "a lazy one". */
export const serverStrategyNouns: Record<ServerStrategy, string> = {
  proactive: 'proactive',
  lazy: 'lazy',
  blocking: 'blocking',
  static: 'static-file',
  none: 'non-stapling',
}

export const responderStateLabels: Record<ResponderState, string> = {
  up: 'Up',
  slow: 'Slow',
  down: 'Down (unreachable)',
  tryLater: 'Answers tryLater',
  internalError: 'Answers internalError',
  blocked: 'Attacker drops OCSP traffic',
  reset: 'Attacker forges a TCP reset',
}

/** Who causes each responder state: the responder itself, or an attacker on the client's path. */
export const responderStateGroups: Record<ResponderState, 'Responder' | 'Attacker'> = {
  up: 'Responder',
  slow: 'Responder',
  down: 'Responder',
  tryLater: 'Responder',
  internalError: 'Responder',
  blocked: 'Attacker',
  reset: 'Attacker',
}

/** A staple's state inside a sentence ("Lazy: stale staple, past nextUpdate"). */
export const stapleStateNouns: Record<StapleState, string> = {
  fresh: 'fresh staple',
  stale: 'stale staple, past nextUpdate',
  none: 'no staple',
  error: 'error staple, a made-up tryLater',
}

/** Why a handshake was rejected, in a few words: "Rejected: no staple", "rejected (no staple)". */
export const rejectReasonNouns: Record<RejectReason, string> = {
  revoked: 'certificate revoked',
  'no-staple': 'no staple',
  'stale-staple': 'stale staple',
  'responder-unreachable': 'responder unreachable',
  'responder-error': 'responder error',
}

/** Why a handshake was rejected, as the end of a sentence ("Rejected after 412 ms: ..."). */
export const rejectReasonClauses: Record<RejectReason, string> = {
  revoked: 'the certificate is revoked',
  'no-staple': 'no staple, and the certificate demands one (must-staple)',
  'stale-staple': 'the stapled response is out of date',
  'responder-unreachable': 'the OCSP responder could not be reached (hard-fail)',
  'responder-error': 'the OCSP responder answered with an error',
}

/** Where the client got the certificate's status from. */
export const revocationSourceNouns: Record<RevocationSource, string> = {
  staple: 'the stapled response',
  'ocsp-fetch': 'its own OCSP fetch',
  'ocsp-cache': 'its OCSP cache',
  'pushed-list': 'a revocation list its vendor pushes (CRLite, Apple’s valid list)',
  none: 'none: no revocation check',
}
