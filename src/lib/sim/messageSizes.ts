/**
 * Sizes in bytes of the messages the engine puts on the wire. TLS sizes include the 5-byte record
 * header and, for encrypted TLS 1.3 records, the content type byte and 16-byte AEAD tag; they are
 * typical values within a few bytes (an x25519 key share, an RSA-2048 signature, SHA-256 Finished),
 * enough for the slow-start arithmetic. The certificate chain and the OCSP response sizes come from
 * the scenario. docs/model.md ("Message sizes") gives the arithmetic.
 */
import type { KeyExchange } from './types.ts'

/** IPv4 + TCP headers with options (SYN carries MSS, SACK, timestamps, window scale). */
export const tcpSynBytes = 60
export const tcpAckBytes = 52
export const tcpRstBytes = 40

/**
 * Key share sizes per group (draft-ietf-tls-ecdhe-mlkem section 4: the client's X25519MLKEM768 share
 * is the 1,184-byte ML-KEM-768 encapsulation key plus the 32-byte X25519 key, the server's the
 * 1,088-byte ciphertext plus 32; RFC 7748: an X25519 key is 32 bytes).
 */
export const keyShareBytes: Record<KeyExchange, { client: number; server: number }> = {
  x25519mlkem768: { client: 1216, server: 1120 },
  x25519: { client: 32, server: 32 },
}

/** A ClientHello with an x25519 share, padded to 512 bytes (RFC 7685), plus its record header. */
const x25519ClientHelloBytes = 517
/** A resuming ClientHello also carries the session ticket / PSK identity (RFC 8446 4.2.11). */
const x25519ResumingClientHelloBytes = 700

/**
 * The ClientHello grows by the hybrid share's extra bytes (a browser offers the same key shares
 * whether the server then speaks TLS 1.2 or 1.3). Above 512 bytes no padding is added (RFC 7685).
 */
export function clientHelloBytes(kx: KeyExchange, resuming: boolean): number {
  const base = resuming ? x25519ResumingClientHelloBytes : x25519ClientHelloBytes
  return base + keyShareBytes[kx].client - keyShareBytes.x25519.client
}

/** Per-record overhead of an encrypted TLS 1.3 record: header 5 + content type 1 + AEAD tag 16. */
const tls13RecordOverhead = 22

export const tls13 = {
  /** 127 bytes with an x25519 share; the server's key share grows it for the hybrid group. */
  serverHello: (kx: KeyExchange) => 127 + keyShareBytes[kx].server - keyShareBytes.x25519.server,
  encryptedExtensions: 10 + tls13RecordOverhead,
  /** RFC 8446 4.4.2: context (1) + list length (3) + per entry: length (3) + extensions length (2). */
  certificate: (chainBytes: number, certificates: number) =>
    4 + 1 + 3 + certificates * 5 + chainBytes + tls13RecordOverhead,
  /** The staple in the leaf's CertificateEntry: extension header (4) + status_type (1) + length (3). */
  stapleExtension: (ocspResponseBytes: number) => 8 + ocspResponseBytes,
  certificateVerify: 4 + 4 + 256 + tls13RecordOverhead,
  finished: 4 + 32 + tls13RecordOverhead,
} as const

export const tls12 = {
  serverHello: 100,
  /** RFC 5246 7.4.2: handshake header (4) + list length (3) + per certificate length (3). */
  certificate: (chainBytes: number, certificates: number) => 5 + 4 + 3 + certificates * 3 + chainBytes,
  /** RFC 6066 8: handshake header (4) + status_type (1) + response length (3). */
  certificateStatus: (ocspResponseBytes: number) => 5 + 4 + 1 + 3 + ocspResponseBytes,
  /** ECDHE x25519 parameters and an RSA-2048 signature (RFC 8422 5.4). */
  serverKeyExchange: 5 + 4 + 36 + 4 + 256,
  serverHelloDone: 9,
  clientKeyExchange: 5 + 4 + 33,
  changeCipherSpec: 6,
  /** 12-byte verify_data, AES-GCM explicit nonce (8) and tag (16). */
  finished: 5 + 8 + 16 + 16,
} as const

/** A leaf and one intermediate. */
export const defaultCertificateCount = 2

/** A DER OCSPRequest for one SHA-1 CertID and no nonce (RFC 6960 4.1.1; Firefox sends no nonce). */
export const ocspRequestDerBytes = 83
/** Request line and headers of an OCSP POST (Host, Content-Type, Content-Length, Accept). */
export const httpPostHeaderBytes = 180
/** Request line and headers of an OCSP GET, without the URL-encoded base64 request (RFC 6960 A.1). */
export const httpGetHeaderBytes = 120
/** Status line and headers of the responder's answer (Content-Type, Content-Length, caching headers). */
export const httpResponseHeaderBytes = 220
/** An OCSPResponse carrying only an error status (tryLater, internalError): 30 03 0A 01 0x. */
export const ocspErrorResponseBytes = 5

export function ocspRequestBytes(method: 'GET' | 'POST'): number {
  if (method === 'POST') return httpPostHeaderBytes + ocspRequestDerBytes
  // base64 grows 4/3, and URL-encoding '+', '/' and '=' adds a little more.
  return httpGetHeaderBytes + Math.ceil((ocspRequestDerBytes * 4) / 3) + 6
}

/** DNS over UDP: IP+UDP (28) + header (12) + question (name + 2 + 4); the answer adds one A record (16). */
export function dnsQueryBytes(host: string): number {
  return 28 + 12 + host.length + 2 + 4
}
export function dnsAnswerBytes(host: string): number {
  return dnsQueryBytes(host) + 16
}
