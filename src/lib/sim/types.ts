/**
 * The vocabulary of the handshake engine: a Scenario goes in, a Run comes out.
 *
 * These types are a contract with the comparison view, the URL hash, the embed code and the CLI's
 * JSON output. Keep them stable: add fields, never rename or remove one. Every default and every
 * behaviour named here is sourced in docs/model.md.
 */
import type { CertStatus as OcspCertStatus } from '../pki/types.ts'

/** The scenario format's version. Bump only for an incompatible change (there should be none). */
export const scenarioVersion = 1

/**
 * The five modes of the CLI and the page. Each is a (client policy, server strategy,
 * certificate must-staple flag) triple, see modes.ts.
 */
export const modes = ['none', 'ocsp-soft-fail', 'ocsp-hard-fail', 'stapling', 'must-staple'] as const
export type Mode = (typeof modes)[number]

/** The comparison view's four rows, in display order (plain OCSP takes the scenario's soft/hard choice). */
export const comparisonRows = ['none', 'plain-ocsp', 'stapling', 'must-staple'] as const
export type ComparisonRow = (typeof comparisonRows)[number]

export const tlsVersions = ['1.2', '1.3'] as const
export type TlsVersion = (typeof tlsVersions)[number]

/** What the client does when its own OCSP fetch fails (Firefox security.OCSP.require). */
export const plainOcspPolicies = ['soft-fail', 'hard-fail'] as const
export type PlainOcspPolicy = (typeof plainOcspPolicies)[number]

/**
 * The OCSP responder as the client (or server) meets it.
 * - up: answers after responderProcessingMs; slow: after responderSlowMs.
 * - down: unreachable; SYNs go unanswered, the fetcher waits until its timeout.
 * - blocked: an on-path attacker silently drops the client's traffic to the responder.
 * - reset: an on-path attacker answers the client's SYN with a forged TCP RST.
 * - tryLater / internalError: the responder answers with that OCSPResponseStatus (RFC 6960 4.2.1).
 * The attacker sits on the client's path only: the server's own fetches are not affected by it.
 */
export const responderStates = [
  'up',
  'slow',
  'down',
  'blocked',
  'reset',
  'tryLater',
  'internalError',
] as const
export type ResponderState = (typeof responderStates)[number]

/**
 * The certificate statuses a scenario simulates: RFC 6960 4.2.1's good and revoked, a subset of
 * the inspector's CertStatus (an "unknown" answer is not modelled by the engine).
 */
export const certStatuses = ['good', 'revoked'] as const satisfies readonly OcspCertStatus[]
export type CertStatus = (typeof certStatuses)[number]

/**
 * A server's staple at some moment: fresh, stale (past nextUpdate), none, or error (the responder's
 * error answer, stapled as Apache's SSLStaplingReturnResponderErrors does).
 */
export const stapleStates = ['fresh', 'stale', 'none', 'error'] as const
export type StapleState = (typeof stapleStates)[number]

/**
 * The staple a handshake's scenario starts from (the `staple` field); an error staple arises only
 * from a blocking server's own fetch, so a scenario cannot start with one. pre-revocation: a `good`
 * response produced before the certificate was revoked and still before its nextUpdate. Responses
 * are pre-produced without a nonce, so whoever holds one (an attacker with the stolen key, or a
 * server keeping its last good response) can staple it until then (RFC 6960 section 5:
 * "precomputed responses allow replay attacks").
 */
export const cachedStapleStates = ['fresh', 'stale', 'none', 'pre-revocation'] as const
export type CachedStaple = (typeof cachedStapleStates)[number]

/**
 * Server stapling strategies, named after the behaviour they model (serverStrategies.ts, docs/model.md):
 * static staples exactly the response it holds (nginx ssl_stapling_file: never fetches, never checks
 * nextUpdate); lazy is nginx's own fetching; blocking is Apache mod_ssl; proactive is Caddy.
 */
export const serverStrategies = ['none', 'static', 'lazy', 'blocking', 'proactive'] as const
export type ServerStrategy = (typeof serverStrategies)[number]

/**
 * Which real client the run models (src/lib/sim/clients/, docs/model.md "Client profiles").
 * textbook is the RFCs' client and the default, so every older link keeps its meaning.
 */
export const clients = ['textbook', 'chrome', 'firefox-136', 'firefox-142', 'safari', 'curl'] as const
export type Client = (typeof clients)[number]

/**
 * The TLS 1.3 key exchange group. Chrome (131+), Firefox and Safari offer X25519MLKEM768 by default
 * (draft-ietf-tls-ecdhe-mlkem): a 1,216-byte client key share and a 1,120-byte server share instead
 * of x25519's 32 bytes each.
 */
export const keyExchanges = ['x25519mlkem768', 'x25519'] as const
export type KeyExchange = (typeof keyExchanges)[number]

export const httpMethods = ['GET', 'POST'] as const
export type HttpMethod = (typeof httpMethods)[number]

/** The parties of a handshake (lanes in the diagrams: lib/viz/lanes.ts laneOrder). */
export type Actor = 'client' | 'server' | 'responder' | 'dns' | 'attacker'

/**
 * A plain, JSON-serialisable description of one handshake. The URL hash and the embed code carry
 * it (scenarioToQuery writes only the fields that differ from the defaults).
 */
export interface Scenario {
  version: typeof scenarioVersion
  /** Which mode a single run uses. compareModes() ignores it and runs every mode. */
  mode: Mode
  /** The client whose behaviour each row shows (textbook: the RFCs' client, the original model). */
  client: Client
  tls: TlsVersion
  /** TLS 1.3 key exchange group: its key shares grow the ClientHello and the ServerHello. */
  keyExchange: KeyExchange
  /** The client's policy when it fetches OCSP itself: the "plain OCSP" comparison row. */
  plainOcsp: PlainOcspPolicy

  /** Round-trip times in milliseconds, per path. One-way delay = RTT / 2. */
  rttServerMs: number
  rttResponderMs: number
  rttDnsMs: number
  rttServerResponderMs: number
  /** Each one-way delay gets an extra uniform [0, jitterMs) drawn from the seeded PRNG. */
  jitterMs: number
  /** Probability in [0, 1) that a packet is lost and must be retransmitted after a TCP RTO. */
  lossRate: number
  /** Seed of the PRNG behind jitter and loss: same scenario, same run. */
  seed: number

  responder: ResponderState
  /** Responder's time to answer when up (pre-produced responses are served from a cache or CDN). */
  responderProcessingMs: number
  /** Responder's time to answer when slow. */
  responderSlowMs: number
  certStatus: CertStatus

  staple: CachedStaple
  /** Server strategy for the stapling modes (stapling, must-staple). The other modes never staple. */
  serverStrategy: ServerStrategy
  /** Blocking strategy only: staple the responder's error answers (Apache SSLStaplingReturnResponderErrors). */
  stapleErrors: boolean

  /** Session resumption (PSK / session ticket): no Certificate message, so no revocation check. */
  resumed: boolean
  /** The client has a cached OCSP response for this certificate that is still before its nextUpdate. */
  ocspCacheHit: boolean
  /** The client's resolver already knows the responder's host name. */
  dnsCached: boolean
  httpMethod: HttpMethod
  /** Client OCSP timeouts (Firefox security.OCSP.timeoutMilliseconds.soft / .hard). */
  softFailTimeoutMs: number
  hardFailTimeoutMs: number
  /** How long a blocking server waits for the responder (Apache SSLStaplingResponderTimeout). */
  serverResponderTimeoutMs: number

  /** Bytes of the certificate chain the server sends (leaf + intermediates). */
  chainBytes: number
  /** Bytes of one DER OCSPResponse (what is stapled, or what the client downloads). */
  ocspResponseBytes: number

  /** Used only in the privacy sentences. */
  clientIp: string
  site: string
  responderHost: string
}

/** The phases a latency breakdown is cut into, in chart order. */
export const phases = [
  'tcp',
  'tls',
  'cwnd-extra-rtt',
  'server-ocsp-fetch',
  'ocsp-cache',
  'dns-ocsp',
  'ocsp-tcp',
  'ocsp-http',
  'timeout-wait',
  'retransmit',
] as const
export type Phase = (typeof phases)[number]

export type Outcome = 'connected' | 'rejected'

export const rejectReasons = [
  'revoked',
  'no-staple',
  'stale-staple',
  'responder-unreachable',
  'responder-error',
] as const
export type RejectReason = (typeof rejectReasons)[number]

/** One message on the wire. `t` is when it is sent, `arrive` when it arrives (or is dropped). */
export interface SimEvent {
  t: number
  arrive: number
  from: Actor
  to: Actor
  /** Stable machine-readable message name, e.g. "ClientHello", "OCSP request". */
  message: string
  bytes: number
  phase: Phase
  /** Short text for the arrow, e.g. "ClientHello + status_request", "Certificate (+ staple)". */
  label: string
  /** One sentence: what this message is for. */
  explain: string
  /** The message carries an OCSP response for the client (a staple). */
  staple: boolean
  /** False when the message never reaches `to` (dropped by the attacker, lost, or unanswered). */
  delivered: boolean
}

/** A span in which a party is blocked waiting (shaded in the diagram). */
export interface WaitSpan {
  party: Actor
  start: number
  end: number
  phase: Phase
  /** Sentence-ready, e.g. "Client waits for the OCSP responder (soft-fail timeout 2000 ms)". */
  reason: string
}

/** A contiguous piece of the client's timeline, from the first SYN to the end of the handshake. */
export interface PhaseSpan {
  phase: Phase
  start: number
  end: number
}

export type LedgerParty = 'responder' | 'observer' | 'dns'

/** Who learned something about this client's browsing, when, and through which message. */
export interface LedgerEntry {
  party: LedgerParty
  /** Sentence-ready, e.g. "The OCSP responder learned that 203.0.113.7 visits shop.example." */
  learned: string
  /** True when the party can tie this client to this site (not only to the CA). */
  linksClientToSite: boolean
  at: number
  /** Index into Run.events of the message that told it. */
  viaEventIndex: number
}

/** How the client settled the certificate's revocation status. */
/** pushed-list: a revocation list the browser vendor pushes (CRLite, CRLSet, Apple's valid list). */
export type RevocationSource = 'staple' | 'ocsp-fetch' | 'ocsp-cache' | 'pushed-list' | 'none'

export interface Run {
  mode: Mode
  scenario: Scenario
  outcome: Outcome
  reason: RejectReason | null
  /** Client's first TCP SYN -> client may send application data (or -> rejection). */
  handshakeMs: number
  /** Milliseconds per phase; every phase is present (0 when unused); they add up to handshakeMs. */
  phases: Record<Phase, number>
  /** The same time cut into ordered, contiguous spans (for stacked bars and the time axis). */
  breakdown: PhaseSpan[]
  events: SimEvent[]
  waits: WaitSpan[]
  ledger: LedgerEntry[]
  /** The OCSP responder saw this client's address together with the certificate it asked about. */
  responderLearned: boolean
  /** The client went on with a revoked certificate. */
  revokedAccepted: boolean
  revocationSource: RevocationSource
  /** A staple reached the client (valid or not). */
  stapleDelivered: boolean
  /** Sentences for the learner, in order, e.g. why no check happened on a resumed session. */
  notes: string[]
}

/** Errors are values (common rules): a code and a one-line message naming the field. */
export interface ScenarioError {
  code: 'invalid-field' | 'unknown-field' | 'unsupported-version' | 'not-an-object'
  field: string | null
  message: string
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: ScenarioError }
