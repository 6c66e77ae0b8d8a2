/**
 * One OCSP fetch over HTTP (RFC 6960 Appendix A), by the client or by the server: DNS lookup of
 * the responder's host, TCP connect, request, the responder's processing, response. The fetcher
 * gives up at its deadline (Firefox's OCSP timeout, Apache's SSLStaplingResponderTimeout).
 */
import { dnsRetryMs, type Path } from './network.ts'
import {
  dnsAnswerBytes,
  dnsQueryBytes,
  httpResponseHeaderBytes,
  ocspErrorResponseBytes,
  ocspRequestBytes,
  tcpRstBytes,
  tcpSynBytes,
} from './messageSizes.ts'
import { attackerLearns, observerLearns, resolverLearns, responderLearns } from './privacy.ts'
import { extraRoundTrips } from './slowStart.ts'
import { dataBackoff, synBackoff, tcpConnect } from './tcp.ts'
import type { Timeline } from './timeline.ts'
import type { CertStatus, Phase, ResponderState, Scenario } from './types.ts'

export type FetchResult = CertStatus | 'tryLater' | 'internalError' | 'timeout' | 'reset'

export interface FetchOutcome {
  result: FetchResult
  /** When the fetcher knows the result (its deadline when it timed out). */
  end: number
  /** The request reached the responder. */
  responderReached: boolean
}

export interface FetchPlan {
  fetcher: 'client' | 'server'
  start: number
  timeoutMs: number
  /** The responder as this fetcher meets it (the attacker sits on the client's path only). */
  responder: ResponderState
  dnsLookup: boolean
  /** Charges the fetch's time to the client's critical path; null for a background fetch. */
  charge: ((phase: Phase, until: number) => void) | null
}

const noop = (): void => {}

export function fetchOcsp(tl: Timeline, s: Scenario, plan: FetchPlan): FetchOutcome {
  const client = plan.fetcher === 'client'
  const path: Path = client ? 'client-responder' : 'server-responder'
  const rtt = tl.network.rtt(path)
  const deadline = plan.start + plan.timeoutMs
  const chargeTo = plan.charge ?? noop
  const charge = (phase: Phase, until: number) => chargeTo(client ? phase : 'server-ocsp-fetch', until)
  const phaseOf = (phase: Phase): Phase => (client ? phase : 'server-ocsp-fetch')
  const timedOut = (responderReached: boolean): FetchOutcome => {
    charge('timeout-wait', deadline)
    return { result: 'timeout', end: deadline, responderReached }
  }
  const who = plan.fetcher
  let t = plan.start

  if (plan.dnsLookup) {
    const dnsPhase = phaseOf('dns-ocsp')
    const query = tl.send(
      t,
      {
        from: who,
        to: 'dns',
        path: 'client-dns',
        message: 'DNS query',
        label: `DNS query: ${s.responderHost}`,
        explain: "Looks up the address of the OCSP responder named in the certificate's AIA extension.",
        bytes: dnsQueryBytes(s.responderHost),
        phase: dnsPhase,
      },
      () => dnsRetryMs,
    )
    if (client) resolverLearns(tl, s, query)
    const answer = tl.send(
      query.arrive,
      {
        from: 'dns',
        to: who,
        path: 'client-dns',
        message: 'DNS answer',
        label: 'DNS answer',
        explain: "The resolver returns the responder's address.",
        bytes: dnsAnswerBytes(s.responderHost),
        phase: dnsPhase,
      },
      () => dnsRetryMs,
    )
    if (answer.arrive > deadline) return timedOut(false)
    charge('retransmit', t + query.retransmitMs + answer.retransmitMs)
    charge('dns-ocsp', answer.arrive)
    t = answer.arrive
  }

  if (plan.responder === 'down' || plan.responder === 'blocked') {
    const blocked = plan.responder === 'blocked'
    // The fetcher retries its SYN on RFC 6298's backoff until it gives up at its deadline.
    for (let attempt = 1, at = t; at < deadline; at += synBackoff(attempt++)) {
      const syn = tl.sendLost(at, {
        from: who,
        to: 'responder',
        path,
        message: 'TCP SYN',
        label: blocked ? 'SYN: dropped by the attacker' : 'SYN: no answer',
        explain: blocked
          ? 'An on-path attacker silently drops the packet, so the client cannot tell an attack from an outage.'
          : 'The responder is unreachable: nothing answers, and the fetcher can only wait for its timeout.',
        bytes: tcpSynBytes,
        phase: phaseOf('ocsp-tcp'),
      })
      // The first dropped SYN is when the attacker learns; retries tell it nothing new.
      if (blocked && client && attempt === 1) attackerLearns(tl, s, syn)
    }
    return timedOut(false)
  }

  if (plan.responder === 'reset') {
    const syn = tl.sendLost(t, {
      from: who,
      to: 'responder',
      path,
      message: 'TCP SYN',
      label: 'SYN: intercepted',
      explain: 'The on-path attacker intercepts the connection attempt to the responder.',
      bytes: tcpSynBytes,
      phase: phaseOf('ocsp-tcp'),
      share: 0.5,
    })
    if (client) attackerLearns(tl, s, syn)
    const rst = tl.send(
      syn.droppedAt,
      {
        from: 'attacker',
        to: who,
        path,
        message: 'TCP RST',
        label: 'RST (forged)',
        explain: 'The attacker answers in the responder’s name with a reset: the fetch fails at once.',
        bytes: tcpRstBytes,
        phase: phaseOf('ocsp-tcp'),
        share: 0.5,
        lossless: true,
      },
      synBackoff,
    )
    if (rst.arrive > deadline) return timedOut(false)
    charge('ocsp-tcp', rst.arrive)
    return { result: 'reset', end: rst.arrive, responderReached: false }
  }

  const connection = tcpConnect(tl, t, who, 'responder', path, phaseOf('ocsp-tcp'))
  if (connection.established > deadline) return timedOut(false)
  charge('retransmit', t + connection.retransmitMs)
  charge('ocsp-tcp', connection.established)
  t = connection.established

  const request = tl.send(
    t,
    {
      from: who,
      to: 'responder',
      path,
      message: 'OCSP request',
      label: `OCSP request (${s.httpMethod})`,
      explain:
        "Asks the CA's responder whether this certificate's serial number is revoked, in plain HTTP (RFC 6960 A.1).",
      bytes: ocspRequestBytes(s.httpMethod),
      phase: phaseOf('ocsp-http'),
    },
    dataBackoff(rtt),
  )
  if (client) {
    observerLearns(tl, s, t, request)
    responderLearns(tl, s, request)
  }
  const error = plan.responder === 'tryLater' || plan.responder === 'internalError'
  const processing = plan.responder === 'slow' ? s.responderSlowMs : s.responderProcessingMs
  const responseBytes = httpResponseHeaderBytes + (error ? ocspErrorResponseBytes : s.ocspResponseBytes)
  const extraMs = extraRoundTrips(responseBytes) * rtt
  const result: FetchResult = error ? (plan.responder as 'tryLater' | 'internalError') : s.certStatus
  const response = tl.send(
    request.arrive + processing + extraMs,
    {
      from: 'responder',
      to: who,
      path,
      message: 'OCSP response',
      label: `OCSP response: ${result}`,
      explain: error
        ? `The responder answers with the error status ${result} and no certificate status (RFC 6960 4.2.1).`
        : `A signed statement from the CA that the certificate is ${result}, valid until its nextUpdate.`,
      bytes: responseBytes,
      phase: phaseOf('ocsp-http'),
    },
    dataBackoff(rtt),
  )
  if (response.arrive > deadline) return timedOut(true)
  charge('retransmit', t + request.retransmitMs + response.retransmitMs)
  charge('ocsp-http', response.arrive - extraMs)
  charge('cwnd-extra-rtt', response.arrive)
  return { result, end: response.arrive, responderReached: true }
}
