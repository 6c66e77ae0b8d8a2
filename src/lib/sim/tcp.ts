/** TCP's three-way handshake (RFC 9293 3.5) and the retransmission timeouts the engine uses. */
import { initialRtoMs, rtoAfterSample, type Path } from './network.ts'
import { tcpAckBytes, tcpSynBytes } from './messageSizes.ts'
import type { RetransmitTimeout, Timeline } from './timeline.ts'
import type { Actor, Phase } from './types.ts'

/** RFC 6298 5.5: a SYN is retried after 1 s, then 2 s, 4 s... */
export const synBackoff: RetransmitTimeout = (attempt) => initialRtoMs * 2 ** (attempt - 1)

/** Data after the handshake: RTO from the handshake's RTT sample, doubling on each retry. */
export function dataBackoff(rttMs: number): RetransmitTimeout {
  return (attempt) => rtoAfterSample(rttMs) * 2 ** (attempt - 1)
}

export interface Connection {
  /** When the SYN-ACK reaches the initiator: it may send data with its ACK. */
  established: number
  /** Time lost to retransmissions of the SYN or SYN-ACK. */
  retransmitMs: number
}

export function tcpConnect(
  tl: Timeline,
  at: number,
  initiator: Actor,
  peer: Actor,
  path: Path,
  phase: Phase,
): Connection {
  const peerName = peer === 'server' ? 'web server' : 'OCSP responder'
  const syn = tl.send(
    at,
    {
      from: initiator,
      to: peer,
      path,
      message: 'TCP SYN',
      label: 'SYN',
      explain: `Opens a TCP connection to the ${peerName}: the first of three packets before any data flows.`,
      bytes: tcpSynBytes,
      phase,
    },
    synBackoff,
  )
  const synAck = tl.send(
    syn.arrive,
    {
      from: peer,
      to: initiator,
      path,
      message: 'TCP SYN-ACK',
      label: 'SYN-ACK',
      explain: `The ${peerName} accepts the connection; one round trip has passed.`,
      bytes: tcpSynBytes,
      phase,
    },
    synBackoff,
  )
  // The ACK leaves with the first data segment and costs no extra time.
  tl.send(
    synAck.arrive,
    {
      from: initiator,
      to: peer,
      path,
      message: 'TCP ACK',
      label: 'ACK',
      explain: 'Completes the three-way handshake; data can ride along with it.',
      bytes: tcpAckBytes,
      phase,
      lossless: true,
    },
    synBackoff,
  )
  return { established: synAck.arrive, retransmitMs: syn.retransmitMs + synAck.retransmitMs }
}
