/**
 * A local OCSP responder on 127.0.0.1 (RFC 6960 Appendix A: GET with the base64 request in the
 * path, or POST with Content-Type application/ocsp-request), answering with responses signed by
 * the demo CA. Its state, latency and response validity can be changed while it runs: the
 * calibration drives real servers through their scenarios with it, and the `responder` CLI wraps it.
 * Node only (node:http).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { inspectBytes } from '../lib/pki/inspect.ts'
import type { CertID } from '../lib/pki/types.ts'
import { createOcspResponse } from '../lib/pki/demoCa/ocspResponse.ts'
import { digest, type HashName } from '../lib/pki/demoCa/keys.ts'
import { toHex } from '../lib/pki/values.ts'
import type { DemoPki, OcspSigner } from '../lib/pki/demoCa/types.ts'

/**
 * - up: a signed response saying good; revoked: the same, saying revoked.
 * - slow: a good response after slowMs.
 * - down: every connection is closed before a byte is read (a server's fetch fails at once, as
 *   against a refused port; a silent black hole would only make every test wait for a timeout).
 * - tryLater / internalError: an unsigned OCSPResponse with that responseStatus (RFC 6960 4.2.1).
 */
export const responderModes = ['up', 'slow', 'down', 'tryLater', 'internalError', 'revoked'] as const
export type ResponderMode = (typeof responderModes)[number]

export interface LocalResponderOptions {
  /**
   * The PKI to answer for, or a function that makes it once the responder knows its URL (so the
   * leaf's AIA can name this very responder, as servers read the URL from the certificate).
   */
  pki: DemoPki | ((url: string) => Promise<DemoPki>)
  /** 0 picks a free port. */
  port: number
  mode: ResponderMode
  /** nextUpdate - thisUpdate, in seconds (short ones show a server's refresh in seconds). */
  validitySeconds: number
  /** The delay of the "slow" mode. */
  slowMs: number
  signer: OcspSigner
  /** The responder's clock (thisUpdate of each response); default the machine's. */
  now?: () => Date
}

/** One request as the responder saw it, for tests and the calibration's record. */
export interface ResponderRequest {
  at: Date
  method: string
  mode: ResponderMode
  /** The answer's responseStatus, or "closed" when the connection was dropped (down). */
  answer: 'successful' | 'malformedRequest' | 'internalError' | 'tryLater' | 'unauthorized' | 'closed'
}

export interface LocalResponder {
  pki: DemoPki
  port: number
  /** http://127.0.0.1:PORT/ */
  url: string
  mode(): ResponderMode
  setMode(mode: ResponderMode): void
  setValiditySeconds(seconds: number): void
  requests: ResponderRequest[]
  stop(): Promise<void>
}

/** OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED } with no responseBytes (RFC 6960 4.2.1). */
const errorStatusCodes = { malformedRequest: 1, internalError: 2, tryLater: 3, unauthorized: 6 } as const
type ErrorStatus = keyof typeof errorStatusCodes

function errorResponse(status: ErrorStatus): Uint8Array {
  return Uint8Array.of(0x30, 0x03, 0x0a, 0x01, errorStatusCodes[status])
}

/** RFC 5019 sizes requests at well under 1 KiB; anything far larger is not an OCSP request. */
const maxRequestBytes = 64 * 1024

function readBody(req: IncomingMessage): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > maxRequestBytes) {
        resolve(null)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    req.on('error', () => resolve(null))
  })
}

/** GET /{url-encoded base64 of the DER} (RFC 6960 A.1); a path prefix before it is allowed. */
function requestFromPath(url: string): Uint8Array | null {
  const last = url.split('?')[0].split('/').filter(Boolean).pop()
  if (!last) return null
  try {
    return new Uint8Array(Buffer.from(decodeURIComponent(last), 'base64'))
  } catch {
    return null
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function startLocalResponder(options: LocalResponderOptions): Promise<LocalResponder> {
  let mode = options.mode
  let validitySeconds = options.validitySeconds
  const now = options.now ?? (() => new Date())
  const requests: ResponderRequest[] = []
  const sockets = new Set<Socket>()
  // Bound before the PKI is made, so that a PKI made for this responder can name its port.
  let pki: DemoPki | undefined = typeof options.pki === 'function' ? undefined : options.pki
  const issuerKeyHash: Partial<Record<HashName, string>> = {}

  /** Only the demo leaf is ours to answer for; anything else is unauthorized (RFC 6960 2.3). */
  const isOurLeaf = (pki: DemoPki, id: CertID) =>
    (id.hashAlgorithm === 'sha1' || id.hashAlgorithm === 'sha256') &&
    id.issuerKeyHash === issuerKeyHash[id.hashAlgorithm] &&
    id.serialNumber === pki.leaf.serialNumber

  async function answer(
    der: Uint8Array | null,
  ): Promise<{ status: ResponderRequest['answer']; body: Uint8Array }> {
    if (mode === 'tryLater' || mode === 'internalError') return { status: mode, body: errorResponse(mode) }
    const parsed = der ? (await inspectBytes('request', der))[0] : undefined
    const info = parsed?.result.ok ? parsed.result.value : undefined
    if (!info || info.kind !== 'ocspRequest' || info.requests.length === 0)
      return { status: 'malformedRequest', body: errorResponse('malformedRequest') }
    const certId = info.requests[0].certId
    if (!pki || !isOurLeaf(pki, certId))
      return { status: 'unauthorized', body: errorResponse('unauthorized') }
    if (mode === 'slow') await delay(options.slowMs)
    const signed = await createOcspResponse(pki, {
      status: mode === 'revoked' ? 'revoked' : 'good',
      ...(mode === 'revoked' ? { revocationReason: 'keyCompromise' as const } : {}),
      signer: options.signer,
      validityHours: validitySeconds / 3600,
      thisUpdate: now(),
      hashAlgorithm: certId.hashAlgorithm === 'sha256' ? 'sha256' : 'sha1',
      ...(info.nonce !== undefined && /^([0-9a-f]{2}){1,32}$/.test(info.nonce)
        ? { nonceHex: info.nonce }
        : {}),
    })
    if (!signed.ok) return { status: 'internalError', body: errorResponse('internalError') }
    return { status: 'successful', body: signed.value }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now()
    if (req.method !== 'POST' && req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET, POST' }).end()
      return
    }
    const der = req.method === 'POST' ? await readBody(req) : requestFromPath(req.url ?? '/')
    const { status, body } = await answer(der)
    requests.push({ at, method: req.method, mode, answer: status })
    res.writeHead(200, {
      'Content-Type': 'application/ocsp-response',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    })
    res.end(body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  server.on('connection', (socket: Socket) => {
    if (mode === 'down') {
      requests.push({ at: now(), method: '', mode, answer: 'closed' })
      socket.destroy()
      return
    }
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const url = `http://127.0.0.1:${port}/`
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  try {
    const made = typeof options.pki === 'function' ? await options.pki(url) : options.pki
    for (const hash of ['sha1', 'sha256'] as const)
      issuerKeyHash[hash] = toHex(await digest(hash, made.intermediate.publicKeyBits))
    pki = made
  } catch (e) {
    await stop()
    throw e
  }
  return {
    pki,
    port,
    url,
    mode: () => mode,
    setMode(next) {
      mode = next
    },
    setValiditySeconds(seconds) {
      validitySeconds = seconds
    },
    requests,
    stop,
  }
}
