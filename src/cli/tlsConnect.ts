/**
 * One TLS handshake asking for OCSP status (status_request, RFC 6066 8), as the probe and the
 * calibration make it: what was stapled, what chain was sent, how long the handshake took.
 * Node only (node:tls). The chain is not required to verify: we look, we do not trust.
 */
import { isIP } from 'node:net'
import { connect, type ConnectionOptions, type DetailedPeerCertificate } from 'node:tls'

export interface HandshakeSeen {
  tlsVersion: string
  /** The stapled OCSPResponse DER, or null when the server sent none. */
  staple: Uint8Array | null
  /** DER certificates, leaf first, as the server sent them. */
  chain: Uint8Array[]
  /** Whether node's default roots verify the chain, and if not, its reason code. */
  authorized: boolean
  authorizationError: string | null
  /** From the first byte sent to the handshake's end, in milliseconds. */
  handshakeMs: number
}

export interface HandshakeFailure {
  code: 'timeout' | 'refused' | 'tls' | 'dns' | 'network'
  message: string
}

export interface ConnectTarget {
  host: string
  port: number
  servername: string
  timeoutMs: number
}

function chainOf(leaf: DetailedPeerCertificate): Uint8Array[] {
  const out: Uint8Array[] = []
  const seen = new Set<string>()
  let c: DetailedPeerCertificate | undefined = leaf
  while (c && c.raw && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256)
    out.push(new Uint8Array(c.raw))
    c = c.issuerCertificate
  }
  return out
}

function failureOf(e: NodeJS.ErrnoException, target: ConnectTarget): HandshakeFailure {
  const where = `${target.host}:${target.port}`
  if (e.code === 'ECONNREFUSED') return { code: 'refused', message: `${where} refused the connection` }
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return { code: 'dns', message: `${target.host} does not resolve` }
  if (e.code?.startsWith('ERR_SSL') || e.code === 'ECONNRESET' || /SSL|TLS|alert/i.test(e.message))
    return { code: 'tls', message: `the TLS handshake with ${where} failed: ${e.message}` }
  return { code: 'network', message: `cannot reach ${where}: ${e.code ?? e.message}` }
}

export function handshake(
  target: ConnectTarget,
): Promise<{ ok: true; seen: HandshakeSeen } | { ok: false; error: HandshakeFailure }> {
  return new Promise((resolve) => {
    const started = performance.now()
    let staple: Uint8Array | null = null
    let settled = false
    // requestOCSP is a TLSSocket option that tls.connect passes on (node docs, tls.connect);
    // @types/node 20 leaves it out of ConnectionOptions.
    const options: ConnectionOptions & { requestOCSP: boolean } = {
      host: target.host,
      port: target.port,
      // RFC 6066 3: SNI carries host names only, never an IP address literal.
      ...(isIP(target.servername) ? {} : { servername: target.servername }),
      requestOCSP: true,
      rejectUnauthorized: false,
    }
    const socket = connect(options)
    const finish = (r: { ok: true; seen: HandshakeSeen } | { ok: false; error: HandshakeFailure }) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(r)
    }
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: {
            code: 'timeout',
            message: `no TLS handshake with ${target.host}:${target.port} within ${target.timeoutMs} ms`,
          },
        }),
      target.timeoutMs,
    )
    // Emitted before secureConnect, with null when the server stapled nothing.
    socket.on('OCSPResponse', (der: Buffer | null) => {
      staple = der && der.length > 0 ? new Uint8Array(der) : null
    })
    socket.once('secureConnect', () => {
      const handshakeMs = performance.now() - started
      finish({
        ok: true,
        seen: {
          tlsVersion: socket.getProtocol() ?? 'unknown',
          staple,
          chain: chainOf(socket.getPeerCertificate(true)),
          authorized: socket.authorized,
          authorizationError: socket.authorizationError ? String(socket.authorizationError) : null,
          handshakeMs,
        },
      })
    })
    socket.once('error', (e: NodeJS.ErrnoException) => finish({ ok: false, error: failureOf(e, target) }))
  })
}
