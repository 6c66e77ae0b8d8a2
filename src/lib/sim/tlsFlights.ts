/**
 * The messages of each TLS flight, with sizes and one-line explanations.
 * TLS 1.3 (RFC 8446 2): 1-RTT; the staple rides in the leaf's CertificateEntry (4.4.2.1).
 * TLS 1.2 (RFC 5246 7.3): 2-RTT; the staple is a CertificateStatus message after Certificate
 * (RFC 6066 8). Resumption (RFC 8446 2.2, RFC 5077 / RFC 5246 7.3 abbreviated) sends no Certificate.
 */
import {
  clientHelloBytes,
  defaultCertificateCount,
  ocspErrorResponseBytes,
  tls12,
  tls13,
} from './messageSizes.ts'
import type { Staple } from './staple.ts'
import type { Scenario } from './types.ts'

export interface FlightMessage {
  message: string
  label: string
  explain: string
  bytes: number
  staple?: boolean
}

function stapleBytes(staple: Staple | null, s: Scenario): number {
  if (staple === null) return 0
  return staple.kind === 'error' ? ocspErrorResponseBytes : s.ocspResponseBytes
}

function stapleWords(staple: Staple | null): string {
  if (staple === null) return ''
  if (staple.kind === 'error') return ` It carries a stapled ${staple.status} error response.`
  return staple.fresh
    ? ` It carries the stapled OCSP response (${staple.status}).`
    : ' It carries a stapled OCSP response that is past its nextUpdate.'
}

export function clientHello(s: Scenario): FlightMessage {
  return s.resumed
    ? {
        message: 'ClientHello',
        label: 'ClientHello + session ticket',
        explain: 'Offers to resume an earlier session with its ticket, which skips the certificate entirely.',
        bytes: clientHelloBytes(s.keyExchange, true),
      }
    : {
        message: 'ClientHello',
        label: 'ClientHello + status_request',
        explain:
          'Opens TLS and, with the status_request extension, asks the server to staple an OCSP response (RFC 6066 8).',
        bytes: clientHelloBytes(s.keyExchange, false),
      }
}

export function serverFlight(s: Scenario, staple: Staple | null): FlightMessage[] {
  const chain = s.chainBytes
  if (s.tls === '1.3') {
    const hello: FlightMessage = {
      message: 'ServerHello',
      label: 'ServerHello',
      explain: 'Picks the parameters and completes the key exchange; everything after it is encrypted.',
      bytes: tls13.serverHello(s.keyExchange),
    }
    const ee: FlightMessage = {
      message: 'EncryptedExtensions',
      label: 'EncryptedExtensions',
      explain: 'The server’s answers to the client’s extensions.',
      bytes: tls13.encryptedExtensions,
    }
    const finished: FlightMessage = {
      message: 'Finished',
      label: 'Finished',
      explain: 'A MAC over the whole handshake: proves nobody tampered with it.',
      bytes: tls13.finished,
    }
    if (s.resumed) return [hello, ee, finished]
    return [
      hello,
      ee,
      {
        message: 'Certificate',
        label: staple ? 'Certificate (+ staple)' : 'Certificate',
        explain: `The server’s certificate chain.${stapleWords(staple)}`,
        bytes:
          tls13.certificate(chain, defaultCertificateCount) +
          (staple ? tls13.stapleExtension(stapleBytes(staple, s)) : 0),
        staple: staple !== null,
      },
      {
        message: 'CertificateVerify',
        label: 'CertificateVerify',
        explain:
          'A signature with the certificate’s key over the handshake so far: proves the server holds it.',
        bytes: tls13.certificateVerify,
      },
      finished,
    ]
  }
  const hello: FlightMessage = {
    message: 'ServerHello',
    label: staple ? 'ServerHello + status_request' : 'ServerHello',
    explain: staple
      ? 'Picks the parameters; the empty status_request extension promises a CertificateStatus message.'
      : 'Picks the parameters for the session.',
    bytes: tls12.serverHello,
  }
  if (s.resumed) {
    return [
      hello,
      {
        message: 'ChangeCipherSpec',
        label: 'ChangeCipherSpec',
        explain: 'Switches to the resumed session’s keys.',
        bytes: tls12.changeCipherSpec,
      },
      { message: 'Finished', label: 'Finished', explain: 'A MAC over the handshake.', bytes: tls12.finished },
    ]
  }
  const messages: FlightMessage[] = [
    hello,
    {
      message: 'Certificate',
      label: 'Certificate',
      explain: 'The server’s certificate chain, in the clear in TLS 1.2.',
      bytes: tls12.certificate(chain, defaultCertificateCount),
    },
  ]
  if (staple) {
    messages.push({
      message: 'CertificateStatus',
      label: 'CertificateStatus',
      explain: `The stapled OCSP response, right after Certificate (RFC 6066 8).${stapleWords(staple)}`,
      bytes: tls12.certificateStatus(stapleBytes(staple, s)),
      staple: true,
    })
  }
  messages.push(
    {
      message: 'ServerKeyExchange',
      label: 'ServerKeyExchange',
      explain: 'The server’s ECDHE share, signed with the certificate’s key.',
      bytes: tls12.serverKeyExchange,
    },
    {
      message: 'ServerHelloDone',
      label: 'ServerHelloDone',
      explain: 'The server’s first flight is complete; the client’s turn.',
      bytes: tls12.serverHelloDone,
    },
  )
  return messages
}

/** What the client sends once it trusts the certificate; it may send application data right after. */
export function clientFinalFlight(s: Scenario): FlightMessage[] {
  const finished: FlightMessage = {
    message: 'Finished',
    label: 'Finished',
    explain: 'The client’s MAC over the handshake; application data may follow at once.',
    bytes: s.tls === '1.3' ? tls13.finished : tls12.finished,
  }
  if (s.tls === '1.3') return [finished]
  const ccs: FlightMessage = {
    message: 'ChangeCipherSpec',
    label: 'ChangeCipherSpec',
    explain: 'Switches the client to the new keys.',
    bytes: tls12.changeCipherSpec,
  }
  if (s.resumed) return [ccs, finished]
  return [
    {
      message: 'ClientKeyExchange',
      label: 'ClientKeyExchange',
      explain: 'The client’s ECDHE share: both sides can now derive the keys.',
      bytes: tls12.clientKeyExchange,
    },
    ccs,
    {
      ...finished,
      explain: 'The client’s MAC over the handshake; it must still wait for the server’s Finished.',
    },
  ]
}

/** TLS 1.2 full handshake only: the server's second flight, which the client waits for (2-RTT). */
export function serverFinalFlight(s: Scenario): FlightMessage[] {
  if (s.tls === '1.3' || s.resumed) return []
  return [
    {
      message: 'ChangeCipherSpec',
      label: 'ChangeCipherSpec',
      explain: 'Switches the server to the new keys.',
      bytes: tls12.changeCipherSpec,
    },
    {
      message: 'Finished',
      label: 'Finished',
      explain: 'The server’s MAC over the handshake: now the client may send application data.',
      bytes: tls12.finished,
    },
  ]
}
