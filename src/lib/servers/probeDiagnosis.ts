/**
 * What the probe saw, judged: one verdict line and the diagnoses (no OCSP URL, first-connection
 * gap, stale staple, error status stapled, must-staple without a staple). Pure: the caller gives
 * the clock (`at`).
 */
import { describeFreshness } from '../pki/describe.ts'
import type { OcspResponseInfo } from '../pki/types.ts'
import type { StapleSignature } from './stapleSignature.ts'

export interface ProbedConnection {
  /** The stapled response as parsed, 'unreadable' when its bytes did not parse, null when none. */
  staple: OcspResponseInfo | 'unreadable' | null
  /** Its signature checked against the issuer the server sent (stapleSignature.ts); absent: not checked. */
  signature?: StapleSignature
}

export interface ProbeFacts {
  connections: ProbedConnection[]
  /** The leaf's serial (lowercase hex), to find its SingleResponse. */
  leafSerial: string | null
  mustStaple: boolean
  ocspUrls: string[]
  at: Date
}

export interface ProbeJudgement {
  verdict: string
  diagnoses: string[]
}

type Seen =
  | { kind: 'none' }
  | { kind: 'unreadable' }
  | { kind: 'error'; status: string }
  | { kind: 'other-certificate' }
  | {
      kind: 'response'
      status: 'good' | 'revoked' | 'unknown'
      stale: boolean
      freshness: string
      signature: StapleSignature | undefined
    }

function seenOf(c: ProbedConnection, leafSerial: string | null, at: Date): Seen {
  if (c.staple === null) return { kind: 'none' }
  if (c.staple === 'unreadable') return { kind: 'unreadable' }
  if (c.staple.responseStatus !== 'successful' || !c.staple.basic)
    return { kind: 'error', status: c.staple.responseStatus }
  const responses = c.staple.basic.responses
  const single =
    responses.find((r) => r.certId.serialNumber === leafSerial) ?? (leafSerial ? undefined : responses[0])
  if (!single) return { kind: 'other-certificate' }
  const stale = single.nextUpdate !== undefined && Date.parse(single.nextUpdate) < at.getTime()
  return {
    kind: 'response',
    status: single.certStatus,
    stale,
    freshness: describeFreshness(single.thisUpdate, single.nextUpdate, at),
    signature: c.signature,
  }
}

/** The verdict's word on the signature: said only when it was checked (or could not be). */
function signed(s: { signature: StapleSignature | undefined }): string {
  if (s.signature?.status === 'verified') return 'signature verified, '
  if (s.signature?.status === 'unchecked') return 'signature not checked, '
  return ''
}

const article = (status: string) => (status === 'unknown' ? 'an' : 'a')

export function judgeProbe(f: ProbeFacts): ProbeJudgement {
  const seen = f.connections.map((c) => seenOf(c, f.leafSerial, f.at))
  const diagnoses: string[] = []
  const n = seen.length
  const last = seen[n - 1] ?? { kind: 'none' }
  const stapledAt = seen.map((s, i) => (s.kind === 'none' ? -1 : i)).filter((i) => i >= 0)

  if (f.ocspUrls.length === 0)
    diagnoses.push(
      'No OCSP URL in the certificate (AIA id-ad-ocsp): a server has nowhere to fetch a staple from, and clients nowhere to ask.',
    )
  if (seen[0]?.kind === 'none' && stapledAt.length > 0)
    diagnoses.push(
      `First-connection gap: connection 1 got no staple, connection ${stapledAt[0] + 1} did. The server fetches lazily on the first handshake (like nginx); every restart and every worker repeats the gap.`,
    )
  if (stapledAt.length === 0)
    diagnoses.push(
      n > 1
        ? `No staple on any of ${n} connections: stapling is off, the server could not reach the responder, or it does not staple this status.`
        : 'No staple on the connection: stapling is off or the server fetches lazily; try --connections 2.',
    )
  for (const s of seen)
    if (s.kind === 'response' && s.stale) {
      diagnoses.push(
        `Stale staple: the stapled response is past its nextUpdate (${s.freshness}); clients should ignore it.`,
      )
      break
    }
  for (const s of seen)
    if (s.kind === 'response' && s.signature?.status === 'failed') {
      diagnoses.push(
        `Bad signature: the stapled response does not verify against the issuer the server sent (${s.signature.detail}); clients reject it (RFC 6960 3.2).`,
      )
      break
    }
  for (const s of seen)
    if (s.kind === 'response' && s.signature?.status === 'unchecked') {
      diagnoses.push(`Signature not checked: ${s.signature.detail}.`)
      break
    }
  for (const s of seen)
    if (s.kind === 'error') {
      diagnoses.push(
        `Error status stapled: the server passed on the responder's "${s.status}" answer, which carries no certificate status (like Apache's SSLStaplingReturnResponderErrors).`,
      )
      break
    }
  if (seen.some((s) => s.kind === 'response' && s.status === 'revoked'))
    diagnoses.push(
      'Revoked: the stapled response says the certificate is revoked; clients that check refuse it.',
    )
  if (seen.some((s) => s.kind === 'unreadable'))
    diagnoses.push('A stapled response could not be parsed as an OCSPResponse (RFC 6960 4.2.1).')
  if (seen.some((s) => s.kind === 'other-certificate'))
    diagnoses.push("The stapled response is about another certificate: its CertID serial is not the leaf's.")
  if (f.mustStaple && seen.some((s) => s.kind === 'none'))
    diagnoses.push(
      'Must-staple without a staple: the certificate promises a staple (TLS Feature status_request, RFC 7633), so Firefox refuses a connection that has none.',
    )

  return { verdict: verdictOf(last, stapledAt.length > 0, f.mustStaple), diagnoses }
}

function verdictOf(last: Seen, anyStaple: boolean, mustStaple: boolean): string {
  switch (last.kind) {
    case 'response':
      if (last.signature?.status === 'failed')
        return `stapling is broken: a ${last.status} response whose signature does not verify`
      if (last.stale)
        return `stapling is broken: a ${last.status} response past its nextUpdate (${last.freshness})`
      if (last.status === 'good') return `stapling works: a good response, ${signed(last)}${last.freshness}`
      return `stapling works, and says ${last.status}: ${article(last.status)} ${last.status} response, ${signed(last)}${last.freshness}`
    case 'error':
      return `stapling is broken: the server staples a "${last.status}" error response`
    case 'unreadable':
      return 'stapling is broken: the staple is not a readable OCSP response'
    case 'other-certificate':
      return 'stapling is broken: the staple is about another certificate'
    case 'none':
      if (anyStaple) return 'stapling is unreliable: the last connection got no staple'
      return mustStaple
        ? 'no staple, and the certificate is must-staple: Firefox refuses this site'
        : 'no staple'
  }
}
