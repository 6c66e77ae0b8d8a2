/**
 * Sending the server's first flight under slow start: the flight is cut where each window ends
 * (slowStart.ts), every part after the first window waits for the client's ACK, and each message
 * that straddles a window boundary shows up as parts ("Certificate (part 2/3)").
 */
import { mssBytes, initialWindowSegments, roundOfByte } from './slowStart.ts'
import { tcpAckBytes } from './messageSizes.ts'
import { dataBackoff } from './tcp.ts'
import type { Timeline } from './timeline.ts'
import type { FlightMessage } from './tlsFlights.ts'
import type { Phase } from './types.ts'

/** Bytes sent in rounds 0..r together: 10 * (2^(r+1) - 1) segments. */
function bytesThroughRound(round: number): number {
  return initialWindowSegments * (2 ** (round + 1) - 1) * mssBytes
}

interface Part {
  round: number
  message: FlightMessage
  bytes: number
  index: number
  of: number
}

function cut(flight: FlightMessage[]): Part[][] {
  const rounds: Part[][] = []
  let offset = 0
  for (const message of flight) {
    const pieces: Omit<Part, 'of'>[] = []
    let remaining = message.bytes
    while (remaining > 0) {
      const round = roundOfByte(offset)
      const take = Math.min(remaining, bytesThroughRound(round) - offset)
      pieces.push({ round, message, bytes: take, index: pieces.length + 1 })
      offset += take
      remaining -= take
    }
    for (const piece of pieces) (rounds[piece.round] ??= []).push({ ...piece, of: pieces.length })
  }
  return rounds
}

/**
 * Send `flight` from the server at `at`; charge the client's wait for it to the critical path
 * (the first window to `tls`, the rest to `cwnd-extra-rtt`) and return when its last byte arrives.
 */
export function sendServerFlight(
  tl: Timeline,
  at: number,
  flight: FlightMessage[],
  charge: (phase: Phase, until: number) => void,
): number {
  const rtt = tl.network.rtt('client-server')
  let start = at
  let arrived = at
  cut(flight).forEach((parts, round) => {
    if (round > 0) {
      const ack = tl.send(
        arrived,
        {
          from: 'client',
          to: 'server',
          path: 'client-server',
          message: 'TCP ACK',
          label: 'ACK',
          explain:
            'The server has used up its congestion window (RFC 6928: 10 segments at first) and must wait for this ACK before it sends more.',
          bytes: tcpAckBytes,
          phase: 'cwnd-extra-rtt',
          lossless: true,
        },
        dataBackoff(rtt),
      )
      start = ack.arrive
    }
    let last = start
    let retransmit = 0
    for (const part of parts) {
      const delivery = tl.send(
        start,
        {
          from: 'server',
          to: 'client',
          path: 'client-server',
          message: part.message.message,
          label: part.of > 1 ? `${part.message.label} (part ${part.index}/${part.of})` : part.message.label,
          explain: part.message.explain,
          bytes: part.bytes,
          phase: round === 0 ? 'tls' : 'cwnd-extra-rtt',
          staple: part.message.staple ?? false,
        },
        dataBackoff(rtt),
      )
      last = Math.max(last, delivery.arrive)
      retransmit = Math.max(retransmit, delivery.retransmitMs)
    }
    charge(round === 0 ? 'tls' : 'cwnd-extra-rtt', last - retransmit)
    charge('retransmit', last)
    arrived = last
  })
  return arrived
}
