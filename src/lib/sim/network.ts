/**
 * The network: four paths, each with a round-trip time from the scenario; one-way delay = RTT / 2
 * plus seeded jitter; seeded loss, repaired by retransmission after a timeout.
 */
import { draw } from './random.ts'
import type { Scenario } from './types.ts'

export type Path = 'client-server' | 'client-responder' | 'client-dns' | 'server-responder'

const pathIndex: Record<Path, number> = {
  'client-server': 0,
  'client-responder': 1,
  'client-dns': 2,
  'server-responder': 3,
}

/**
 * RFC 6298 2.1: before any RTT sample (a SYN) the retransmission timeout is 1 s, doubling on each
 * retry (5.5). After the handshake's sample, RTO = SRTT + 4 * RTTVAR = 3 * RTT (2.2), floored at
 * 200 ms as Linux does (TCP_RTO_MIN) rather than RFC 6298's 1 s.
 */
export const initialRtoMs = 1000
export const minRtoMs = 200
/** glibc's resolver waits 5 s before it retries a DNS query (resolv.conf(5), "timeout:5"). */
export const dnsRetryMs = 5000

export function rtoAfterSample(rttMs: number): number {
  return Math.max(minRtoMs, 3 * rttMs)
}

export class Network {
  private readonly packets: Record<Path, number> = {
    'client-server': 0,
    'client-responder': 0,
    'client-dns': 0,
    'server-responder': 0,
  }

  constructor(private readonly scenario: Scenario) {}

  rtt(path: Path): number {
    const s = this.scenario
    switch (path) {
      case 'client-server':
        return s.rttServerMs
      case 'client-responder':
        return s.rttResponderMs
      case 'client-dns':
        return s.rttDnsMs
      case 'server-responder':
        return s.rttServerResponderMs
    }
  }

  /**
   * Take the next packet number on `path` and return its one-way delay and whether it is lost.
   * Jitter only adds delay, never removes it, so more RTT is never faster.
   */
  nextPacket(path: Path): { delay: number; lost: boolean } {
    const index = this.packets[path]++
    const { seed, jitterMs, lossRate } = this.scenario
    const stream = pathIndex[path]
    const jitter = jitterMs > 0 ? jitterMs * draw(seed, stream, index, 0) : 0
    const lost = lossRate > 0 && draw(seed, stream, index, 1) < lossRate
    return { delay: this.rtt(path) / 2 + jitter, lost }
  }
}
