/** Human labels and one-sentence descriptions of the phases, for charts, legends and tooltips. */
import type { Phase } from './types.ts'

export interface PhaseLabel {
  label: string
  description: string
}

export const phaseLabels: Record<Phase, PhaseLabel> = {
  tcp: {
    label: 'TCP connect',
    description: "TCP's three-way handshake with the web server: one round trip before TLS can start.",
  },
  tls: {
    label: 'TLS handshake',
    description: 'The TLS flights themselves: one round trip in TLS 1.3, two in a full TLS 1.2 handshake.',
  },
  'cwnd-extra-rtt': {
    label: 'Congestion window',
    description:
      "Round trips the server spends waiting for ACKs because its flight (chain plus staple) is larger than TCP's initial window of 10 segments.",
  },
  'server-ocsp-fetch': {
    label: 'Server fetches OCSP',
    description:
      'The server holds the handshake while it fetches a staple from the responder (the blocking strategy).',
  },
  'ocsp-cache': {
    label: 'OCSP cache',
    description:
      "The client answers from its own OCSP cache, which costs no network time until the cached response's nextUpdate.",
  },
  'dns-ocsp': {
    label: 'DNS for responder',
    description: 'The client looks up the address of the OCSP responder named in the certificate.',
  },
  'ocsp-tcp': {
    label: 'TCP to responder',
    description: "A second TCP handshake, this time with the CA's OCSP responder.",
  },
  'ocsp-http': {
    label: 'OCSP request',
    description: 'The OCSP request and response over HTTP, including the time the responder takes to answer.',
  },
  'timeout-wait': {
    label: 'Waiting for timeout',
    description:
      'The client (or server) waits for an answer that never comes, until its OCSP timeout gives up.',
  },
  retransmit: {
    label: 'Retransmission',
    description: 'Time lost to packets that were lost and sent again after a retransmission timeout.',
  },
}
