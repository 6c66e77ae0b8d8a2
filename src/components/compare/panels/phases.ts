/**
 * Human names and one-sentence descriptions of the engine's latency phases (types.ts `phases`),
 * for the stacked bars, their tooltips and the legend.
 */
import type { Phase } from '../../../lib/sim/types.ts'

export interface PhaseInfo {
  label: string
  description: string
}

export const phaseInfo: Record<Phase, PhaseInfo> = {
  tcp: {
    label: 'TCP handshake',
    description: 'SYN, SYN-ACK, ACK: one round trip to the server before any TLS byte is sent.',
  },
  tls: {
    label: 'TLS handshake',
    description: 'The TLS flights between client and server: one round trip in TLS 1.3, two in TLS 1.2.',
  },
  'cwnd-extra-rtt': {
    label: 'Extra round trip (slow start)',
    description:
      "The server's flight (chain plus staple) is bigger than TCP's initial window of 10 segments (RFC 6928), so it waits one more round trip.",
  },
  'server-ocsp-fetch': {
    label: 'Server fetches OCSP',
    description: 'The server asks the responder for a fresh response while the client waits for its flight.',
  },
  'ocsp-cache': {
    label: 'Client OCSP cache',
    description: 'The client looks up an OCSP response it cached earlier.',
  },
  'dns-ocsp': {
    label: 'DNS for the responder',
    description: "The client resolves the OCSP responder's host name before it can connect to it.",
  },
  'ocsp-tcp': {
    label: 'TCP to the responder',
    description: 'The client opens a TCP connection to the OCSP responder.',
  },
  'ocsp-http': {
    label: 'OCSP request and response',
    description: 'The client sends its OCSP request over plain HTTP and waits for the signed answer.',
  },
  'timeout-wait': {
    label: 'Waiting for a timeout',
    description: 'Nothing comes back: the client waits until its OCSP timeout gives up on the responder.',
  },
  retransmit: {
    label: 'Retransmission',
    description: 'A packet was lost: the sender waits for its retransmission timeout and sends it again.',
  },
}
