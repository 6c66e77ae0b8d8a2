/**
 * The handshake engine: one Scenario and a Mode in, one Run out. It walks the client's critical
 * path (TCP, TLS flights, the server's and the client's OCSP work) on a Timeline, which records
 * every message, every wait and the phase each millisecond belongs to. Pure and deterministic.
 */
import type { Verdict } from './clientPolicies.ts'
import type { ClientProfile } from './clients/profile.ts'
import { modeSetup } from './modes.ts'
import { fetchOcsp } from './ocspFetch.ts'
import { sendServerFlight } from './serverFlight.ts'
import type { Staple } from './staple.ts'
import { dataBackoff, tcpConnect } from './tcp.ts'
import { Timeline } from './timeline.ts'
import {
  clientFinalFlight,
  clientHello,
  serverFinalFlight,
  serverFlight,
  type FlightMessage,
} from './tlsFlights.ts'
import {
  phases,
  type Mode,
  type Phase,
  type RejectReason,
  type ResponderState,
  type Run,
  type Scenario,
} from './types.ts'

/** The attacker sits on the client's path: the server's own fetches meet the responder as it is. */
function responderSeenByServer(state: ResponderState): ResponderState {
  return state === 'blocked' || state === 'reset' ? 'up' : state
}

/** TLS alerts a client sends when it refuses the certificate (RFC 8446 6.2). */
const alertFor: Record<RejectReason, string> = {
  revoked: 'certificate_revoked',
  'no-staple': 'bad_certificate_status_response',
  'stale-staple': 'bad_certificate_status_response',
  'responder-error': 'bad_certificate_status_response',
  'responder-unreachable': 'certificate_unknown',
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000

/** Send a client or server flight at once; returns when its last message arrives. */
function sendFlight(tl: Timeline, at: number, from: 'client' | 'server', flight: FlightMessage[]): number {
  const backoff = dataBackoff(tl.network.rtt('client-server'))
  let arrive = at
  for (const m of flight) {
    const d = tl.send(
      at,
      { ...m, from, to: from === 'client' ? 'server' : 'client', path: 'client-server', phase: 'tls' },
      backoff,
    )
    arrive = Math.max(arrive, d.arrive)
  }
  return arrive
}

/**
 * One handshake of `mode` as the client `profile` makes it (the scenario's client). The profile is
 * passed in, not looked up, so the comparison's first screen carries only the default (textbook)
 * profile and loads the others on demand (clients/load.ts); with every profile at hand, call
 * simulate() (simulate.ts).
 */
export function simulateAs(profile: ClientProfile, scenario: Scenario, mode: Mode = scenario.mode): Run {
  const s = scenario
  const setup = modeSetup(mode, s, profile)
  const tl = new Timeline(s)
  const charge = (phase: Phase, until: number) => tl.advance(phase, until)
  const notes: string[] = []
  const rtt = s.rttServerMs

  const tcp = tcpConnect(tl, 0, 'client', 'server', 'client-server', 'tcp')
  charge('retransmit', tcp.retransmitMs)
  charge('tcp', tcp.established)

  const hello = tl.send(
    tcp.established,
    { ...clientHello(s), from: 'client', to: 'server', path: 'client-server', phase: 'tls' },
    dataBackoff(rtt),
  )
  charge('retransmit', tcp.established + hello.retransmitMs)
  charge('tls', hello.arrive)

  let staple: Staple | null = null
  let serverReady = hello.arrive
  if (!s.resumed) {
    const plan = setup.server.plan(s.staple, s)
    if (plan.note) notes.push(plan.note)
    staple = plan.cached
    if (plan.fetch !== 'none') {
      const blocking = plan.fetch === 'handshake'
      const fetch = fetchOcsp(tl, s, {
        fetcher: 'server',
        start: hello.arrive,
        timeoutMs: s.serverResponderTimeoutMs,
        responder: responderSeenByServer(s.responder),
        dnsLookup: false,
        charge: blocking ? charge : null,
      })
      if (blocking) {
        tl.wait(
          'server',
          hello.arrive,
          fetch.end,
          'server-ocsp-fetch',
          'The server holds the handshake while it fetches an OCSP response.',
        )
        staple = setup.server.afterFetch(fetch.result, s)
        serverReady = fetch.end
      }
      notes.push(
        'The responder saw only the server asking about its own certificate: nothing about this client.',
      )
    }
  }

  const flightDone = sendServerFlight(tl, serverReady, serverFlight(s, staple), charge)
  charge('tls', flightDone)

  let verdict: Verdict
  let responderLearned = false
  if (s.resumed) {
    verdict = { kind: 'accept', source: 'none', note: null }
    notes.push(
      'A resumed session sends no certificate, so nothing is checked: a certificate revoked since the first visit keeps working until the session ticket expires.',
    )
  } else {
    verdict = setup.policy.onStaple(staple, s)
    if (verdict.kind === 'fetch') {
      const start = tl.now
      const hard = verdict.hard
      const fetch = fetchOcsp(tl, s, {
        fetcher: 'client',
        start,
        timeoutMs: verdict.timeoutMs,
        responder: s.responder,
        dnsLookup: !s.dnsCached,
        charge,
      })
      tl.wait(
        'client',
        start,
        fetch.end,
        fetch.result === 'timeout' ? 'timeout-wait' : 'ocsp-http',
        `The client waits for the OCSP responder before it trusts the certificate (${hard ? 'hard' : 'soft'}-fail timeout ${verdict.timeoutMs} ms).`,
      )
      responderLearned = fetch.responderReached
      verdict = setup.policy.onFetch(fetch.result, s, staple)
    }
  }
  if (verdict.kind !== 'fetch' && verdict.note) notes.push(verdict.note)

  const rejected = verdict.kind === 'reject' ? verdict.reason : null
  if (rejected) {
    tl.send(
      tl.now,
      {
        from: 'client',
        to: 'server',
        path: 'client-server',
        message: 'Alert',
        label: `Alert: ${alertFor[rejected]}`,
        explain: 'The client refuses the certificate and closes the connection.',
        bytes: 31,
        phase: 'tls',
        lossless: true,
      },
      dataBackoff(rtt),
    )
  } else {
    const clientDone = sendFlight(tl, tl.now, 'client', clientFinalFlight(s))
    const last = serverFinalFlight(s)
    if (last.length > 0) {
      const serverDone = sendFlight(tl, clientDone, 'server', last)
      // RFC 7918: a False Start client sends application data after its own Finished, so the
      // server's last flight is no longer on its critical path.
      if (profile.falseStart)
        notes.push(
          'TLS 1.2 False Start (RFC 7918): this client sends application data right after its Finished, without waiting for the server’s, so the full handshake costs one round trip, not two.',
        )
      else charge('tls', serverDone)
    }
  }

  const { events, waits, breakdown, ledger } = tl.finish()
  const phaseMs = Object.fromEntries(phases.map((p) => [p, 0])) as Record<Phase, number>
  const spans = breakdown.map((b) => ({ phase: b.phase, start: round3(b.start), end: round3(b.end) }))
  for (const span of spans) phaseMs[span.phase] += span.end - span.start
  for (const p of phases) phaseMs[p] = round3(phaseMs[p])
  const handshakeMs = phases.reduce((sum, p) => sum + phaseMs[p], 0)

  const connected = rejected === null
  return {
    mode,
    scenario: s,
    outcome: connected ? 'connected' : 'rejected',
    reason: rejected,
    handshakeMs,
    phases: phaseMs,
    breakdown: spans,
    events: events.map((e) => ({ ...e, t: round3(e.t), arrive: round3(e.arrive) })),
    waits: waits.map((w) => ({ ...w, start: round3(w.start), end: round3(w.end) })),
    ledger: ledger.map((l) => ({ ...l, at: round3(l.at) })),
    responderLearned,
    revokedAccepted: connected && s.certStatus === 'revoked',
    revocationSource: verdict.kind === 'fetch' ? 'none' : verdict.source,
    stapleDelivered: staple !== null,
    notes,
  }
}
