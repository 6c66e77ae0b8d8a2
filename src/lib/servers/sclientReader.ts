/**
 * "Read my s_client output": what `openssl s_client -connect host:443 -status -showcerts` printed
 * (or `openssl ocsp -resp_text`, or `openssl ocsp ... -cert`'s status lines) read back into facts:
 * the protocol, the certificates as PEM blocks (for the inspector), the OCSP part, and what it
 * means with what to do next. The layout read here is OpenSSL 3's (apps/s_client.c ocsp_resp_cb,
 * crypto/ocsp/ocsp_prn.c OCSP_RESPONSE_print); anything else is skipped, never an error. Pure: the
 * caller passes the clock (`at`).
 */
import { describeFreshness } from '../pki/describe.ts'
import { judgeFreshness } from '../pki/freshness.ts'
import { responseStatuses } from '../pki/ocspResponse.ts'
import type { CertStatus, ResponseStatus } from '../pki/types.ts'

export type PastedTool = 's_client' | 'ocsp' | 'unknown'

export interface PastedCertificate {
  pem: string
  /** The s: and i: lines s_client printed above the block (openssl's one-line names), if any. */
  subject: string | null
  issuer: string | null
}

export interface PastedSingleResponse {
  serialNumber: string | null
  certStatus: CertStatus
  /** ISO 8601 UTC, or null when the line is missing or unreadable. */
  thisUpdate: string | null
  nextUpdate: string | null
  revocationTime: string | null
  revocationReason: string | null
}

export type PastedOcsp =
  /** No "OCSP response:" line: s_client ran without -status, so it never asked. */
  | { kind: 'not-asked' }
  /** "OCSP response: no response sent": asked, nothing stapled. */
  | { kind: 'none' }
  | { kind: 'error'; responseStatus: ResponseStatus }
  | {
      kind: 'response'
      responderId: string | null
      producedAt: string | null
      responses: PastedSingleResponse[]
      /** "Response verify OK" / "Response Verify Failure" when openssl ocsp checked it; else null. */
      verified: boolean | null
    }

export type AdviceLevel = 'ok' | 'warning' | 'danger' | 'info'

export interface PastedReading {
  tool: PastedTool
  /** "TLSv1.3", "TLSv1.2"... from "New, TLSv1.3, Cipher is ..." or "Protocol  : ...". */
  protocol: string | null
  certificates: PastedCertificate[]
  ocsp: PastedOcsp
  /** s_client's "Verify return code: 0 (ok)" line, as printed. */
  verifyReturn: string | null
  advice: { level: AdviceLevel; verdict: string; next: string[] }
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** openssl's ASN1_TIME_print form, "Dec  1 16:38:52 2026 GMT", as ISO 8601 UTC. */
export function opensslTimeToIso(text: string): string | null {
  const m = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s+(\d{4})\s+GMT$/.exec(
    text.trim(),
  )
  if (!m) return null
  const month = months.indexOf(m[1]!)
  if (month < 0) return null
  const ms = Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))
  const date = new Date(ms)
  // Reject what Date.UTC rolled over (Feb 31 becomes Mar 3).
  if (date.getUTCDate() !== Number(m[2])) return null
  return date.toISOString().replace('.000Z', 'Z')
}

/** openssl prints the RFC 6960 names in lowercase ("trylater"); ours are the RFC's. */
function responseStatusOf(word: string): ResponseStatus | null {
  const lower = word.toLowerCase()
  return Object.values(responseStatuses).find((s) => s.toLowerCase() === lower) ?? null
}

const field = (block: string, label: string): string | null =>
  new RegExp(`^\\s*${label}:[ \\t]*(.*)$`, 'm').exec(block)?.[1]?.trim() || null

function readSingles(text: string): PastedSingleResponse[] {
  // One SingleResponse per "Certificate ID:" (OCSP_RESPONSE_print), up to the next one.
  const parts = text.split(/^\s*Certificate ID:\s*$/m).slice(1)
  return parts.flatMap((part) => {
    const status = field(part, 'Cert Status')?.toLowerCase()
    if (status !== 'good' && status !== 'revoked' && status !== 'unknown') return []
    const time = (label: string) => {
      const v = field(part, label)
      return v ? opensslTimeToIso(v) : null
    }
    return [
      {
        serialNumber: field(part, 'Serial Number')?.toLowerCase() ?? null,
        certStatus: status,
        thisUpdate: time('This Update'),
        nextUpdate: time('Next Update'),
        revocationTime: time('Revocation Time'),
        revocationReason: field(part, 'Revocation Reason')?.replace(/\s*\(0x[0-9a-f]+\)$/i, '') ?? null,
      },
    ]
  })
}

/** `openssl ocsp -issuer ... -cert c.pem -url ...` prints "c.pem: good" and indented times. */
function readStatusLines(text: string): PastedSingleResponse[] {
  const out: PastedSingleResponse[] = []
  const re = /^(\S[^\n]*?): (good|revoked|unknown)\s*\n((?:[ \t]+[^\n]*\n?)*)/gm
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rest = m[3] ?? ''
    const time = (label: string) => {
      const v = field(rest, label)
      return v ? opensslTimeToIso(v) : null
    }
    out.push({
      serialNumber: null,
      certStatus: m[2] as CertStatus,
      thisUpdate: time('This Update'),
      nextUpdate: time('Next Update'),
      revocationTime: time('Revocation Time'),
      revocationReason: field(rest, 'Reason'),
    })
  }
  return out
}

function readOcsp(text: string, tool: PastedTool): PastedOcsp {
  if (/^OCSP response: no response sent/m.test(text)) return { kind: 'none' }
  const statusLine = /OCSP Response Status:\s*(\w+)/.exec(text) ?? /^Responder Error:\s*(\w+)/m.exec(text)
  const status = statusLine ? responseStatusOf(statusLine[1]!) : null
  if (status && status !== 'successful') return { kind: 'error', responseStatus: status }
  const responses = status ? readSingles(text) : readStatusLines(text)
  if (status || responses.length > 0) {
    const producedAt = field(text, 'Produced At')
    return {
      kind: 'response',
      responderId: field(text, 'Responder Id'),
      producedAt: producedAt ? opensslTimeToIso(producedAt) : null,
      responses,
      verified: /^Response verify OK/m.test(text)
        ? true
        : /^Response Verify Failure/im.test(text)
          ? false
          : null,
    }
  }
  return tool === 's_client' && !/^OCSP response:/m.test(text) ? { kind: 'not-asked' } : { kind: 'none' }
}

function readCertificates(text: string): PastedCertificate[] {
  const out: PastedCertificate[] = []
  const re = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g
  let from = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // s_client -showcerts prints " 0 s:subject" and "   i:issuer" just above each block.
    const above = text.slice(from, m.index)
    const subject = /^\s*\d+ s:(.*)$/m.exec(above)?.[1]?.trim() ?? null
    const issuer = /^\s*i:(.*)$/m.exec(above)?.[1]?.trim() ?? null
    out.push({ pem: `${m[0].replace(/\r/g, '')}\n`, subject, issuer })
    from = m.index + m[0].length
  }
  return out
}

function toolOf(text: string): PastedTool {
  if (/^CONNECTED\(|^Certificate chain$|^New, (TLS|SSL)|^SSL-Session:/m.test(text)) return 's_client'
  if (/OCSP Response (Data|Status)|^Responder Error:|: (good|revoked|unknown)\s*$/m.test(text)) return 'ocsp'
  return 'unknown'
}

export function readPastedOutput(text: string, at: Date): PastedReading {
  const tool = toolOf(text)
  const protocol =
    /^New, ((?:TLS|SSL)v[\d.]+|TLSv1\.3)/m.exec(text)?.[1] ??
    /^\s*Protocol\s*:\s*(\S+)/m.exec(text)?.[1] ??
    null
  const certificates = readCertificates(text)
  const ocsp = readOcsp(text, tool)
  const verifyReturn = /^\s*Verify return code:\s*(.*)$/m.exec(text)?.[1]?.trim() ?? null
  return { tool, protocol, certificates, ocsp, verifyReturn, advice: advise(tool, ocsp, certificates, at) }
}

function advise(
  tool: PastedTool,
  ocsp: PastedOcsp,
  certificates: PastedCertificate[],
  at: Date,
): PastedReading['advice'] {
  const toInspector =
    certificates.length > 0
      ? ['Open the certificates in the inspector to see the OCSP URL and must-staple.']
      : []
  if (tool === 'unknown')
    return {
      level: 'info',
      verdict: 'This does not look like openssl s_client or openssl ocsp output.',
      next: [
        'Paste everything `openssl s_client -connect host:443 -servername host -status -showcerts </dev/null` prints.',
      ],
    }
  switch (ocsp.kind) {
    case 'not-asked':
      return {
        level: 'info',
        verdict:
          'No "OCSP response:" line: s_client was run without -status, so it never asked for a staple.',
        next: ['Run it again with -status (and -servername for a name-based site).', ...toInspector],
      }
    case 'none':
      return {
        level: 'warning',
        verdict: 'OCSP response: no response sent. The server stapled nothing on this connection.',
        next: [
          'Run the command again: nginx fetches on the first handshake after start and staples from the next one.',
          'Still none: stapling is off, the server cannot reach the responder, or the certificate names no OCSP responder (certificates issued by Let’s Encrypt since May 2025 name none).',
          'Generate a configuration for your server above, or paste yours into the checker.',
          ...toInspector,
        ],
      }
    case 'error':
      return {
        level: 'danger',
        verdict: `The server stapled a "${ocsp.responseStatus}" error response: it carries no certificate status.`,
        next: [
          'Apache staples the responder’s errors by default: set SSLStaplingReturnResponderErrors off and SSLStaplingFakeTryLater off.',
          'Check that the server can reach the responder (outbound HTTP to the URL in the certificate).',
        ],
      }
    case 'response': {
      const single = ocsp.responses[0]
      if (!single)
        return {
          level: 'warning',
          verdict: 'A successful response with no certificate status could be read.',
          next: toInspector,
        }
      const more = ocsp.responses.length > 1 ? ` (the first of ${ocsp.responses.length})` : ''
      const freshness = single.thisUpdate
        ? describeFreshness(single.thisUpdate, single.nextUpdate ?? undefined, at)
        : 'with no readable This Update'
      const stale = single.thisUpdate
        ? judgeFreshness({ thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate ?? undefined }, at)
            .state
        : 'open'
      const what = tool === 's_client' ? 'The server staples' : 'This is'
      if (single.certStatus === 'revoked')
        return {
          level: 'danger',
          verdict: `${what} a revoked response${more}: revoked ${single.revocationTime ?? ''}${single.revocationReason ? ` (${single.revocationReason})` : ''}; clients that check refuse the certificate.`,
          next: ['Replace the certificate: a revoked one cannot be un-revoked.', ...toInspector],
        }
      if (stale === 'stale' || stale === 'not-yet-valid')
        return {
          level: 'danger',
          verdict: `${what} a ${single.certStatus} response${more} that is ${freshness}: clients ignore it.`,
          next: [
            'A static response file (nginx ssl_stapling_file, HAProxy’s .ocsp) is not being refreshed, or the server clock is wrong.',
            ...toInspector,
          ],
        }
      if (single.certStatus === 'unknown')
        return {
          level: 'warning',
          verdict: `${what} an "unknown" response${more}: the responder does not know this certificate.`,
          next: ['The response may be for another certificate, or from the wrong responder.', ...toInspector],
        }
      const checked = ocsp.verified === false ? ' but its signature did not verify' : ''
      return {
        level: ocsp.verified === false ? 'danger' : 'ok',
        verdict: `${tool === 's_client' ? 'Stapling works: a' : 'A'} good response${more}${checked}, ${freshness}.`,
        next: [
          ...(tool === 's_client'
            ? ['Connect once more later: the staple should be refreshed well before Next Update.']
            : []),
          ...toInspector,
        ],
      }
    }
  }
}
