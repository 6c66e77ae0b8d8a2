/**
 * A readable plain-text summary of one inspected object (what `inspect` prints without --json):
 * aligned labels, names as written (shownName.ts), the validity and freshness sentences, and a must-staple line.
 */
import {
  crlReasonMeaning,
  describeFreshness,
  describeValidity,
  responseStatusMeaning,
  tlsFeatureUnreadable,
} from './describe.ts'
import { hashLabel } from './oids.ts'
import { formatUtc } from './utc.ts'
import { nameText as shown } from './shownName.ts'
import { revocationRoute } from './revocationRoute.ts'
import type {
  CertID,
  CertificateInfo,
  InspectedObject,
  OcspRequestInfo,
  OcspResponseInfo,
  ParseNote,
} from './types.ts'
import { shownHex } from './values.ts'

const width = 14

function line(label: string, value: string): string {
  return `  ${label.padEnd(width)}${value}`
}

function more(value: string): string {
  return `  ${''.padEnd(width)}${value}`
}

function list(label: string, values: string[]): string[] {
  if (values.length === 0) return []
  return values.map((v, i) => (i === 0 ? line(label, v) : more(v)))
}

/** A leaf that cannot be stapled says so, and what checks it instead. */
function stapling(c: CertificateInfo): string[] {
  const route = revocationRoute(c)
  return route.kind === 'no-ocsp-url' ? [line('Stapling', route.sentence)] : []
}

function certId(c: CertID): string {
  return `serial ${shownHex(c.serialNumber)} (${hashLabel(c.hashAlgorithm)}, issuer name hash ${c.issuerNameHash.slice(0, 12)}…, key hash ${c.issuerKeyHash.slice(0, 12)}…)`
}

/** What the object breaks but is shown with (fields.ts), one line each. */
function notes(list: ParseNote[] | undefined): string[] {
  return (list ?? []).map((n, i) => (i === 0 ? line('Note', n.message) : more(n.message)))
}

/** RFC 7633 must-staple, or why it cannot be told: a TLS Feature value that is not DER is not read. */
function mustStaple(c: CertificateInfo): string {
  const unreadable = tlsFeatureUnreadable(c)
  if (unreadable) return unreadable
  return c.mustStaple
    ? 'YES: the TLS Feature extension lists status_request (RFC 7633); a server must staple a response'
    : 'no'
}

function certificate(c: CertificateInfo, now: Date): string[] {
  const key = [
    c.publicKey.algorithm,
    c.publicKey.curve ?? (c.publicKey.sizeBits ? `${c.publicKey.sizeBits} bits` : ''),
  ]
  return [
    line('Subject', shown(c.subject)),
    line('Issuer', shown(c.issuer) + (c.selfIssued ? ' (self-issued)' : '')),
    line('Serial', shownHex(c.serialNumber)),
    line('Valid', `${formatUtc(c.notBefore)} to ${formatUtc(c.notAfter)}`),
    more(describeValidity(c.notBefore, c.notAfter, now)),
    line('Public key', key.filter(Boolean).join(' ')),
    line('Signature', c.signatureAlgorithm),
    line(
      'CA',
      c.isCA
        ? `yes${c.basicConstraints?.pathLength !== undefined ? `, path length ${c.basicConstraints.pathLength}` : ''}`
        : 'no',
    ),
    ...list('Names', c.subjectAltNames),
    ...list('Key usage', c.keyUsage.length ? [c.keyUsage.join(', ')] : []),
    ...list('Ext. usage', c.extendedKeyUsage.length ? [c.extendedKeyUsage.join(', ')] : []),
    ...list('OCSP', c.ocspUrls),
    ...stapling(c),
    ...list('CA issuers', c.caIssuersUrls),
    ...list('CRL', c.crlUrls),
    line('Must-staple', mustStaple(c)),
    ...(c.ocspNoCheck
      ? [line('OCSP no-check', 'yes: a delegated responder whose own status is not checked')]
      : []),
    ...(c.sctCount ? [line('SCTs', `${c.sctCount} embedded (Certificate Transparency)`)] : []),
    line('SHA-256', c.sha256Fingerprint),
    ...notes(c.notes),
  ]
}

function response(r: OcspResponseInfo, now: Date): string[] {
  const out = [line('Status', `${r.responseStatus}: ${responseStatusMeaning(r.responseStatus)}`)]
  const b = r.basic
  if (!b) return [...out, ...notes(r.notes)]
  const responder =
    b.responderId.type === 'byName'
      ? `by name: ${shown(b.responderId.name)}`
      : `by key hash: ${b.responderId.keyHash}`
  out.push(line('Produced at', formatUtc(b.producedAt)), line('Responder', responder))
  b.responses.forEach((s, i) => {
    out.push(line(`Response ${i + 1}`, `${s.certStatus.toUpperCase()}  ${certId(s.certId)}`))
    if (s.certStatus === 'revoked') {
      const reason = s.revocationReason
        ? `, ${s.revocationReason}: ${crlReasonMeaning(s.revocationReason)}`
        : ''
      out.push(more(`revoked on ${formatUtc(s.revocationTime ?? '')}${reason}`))
    }
    const next = s.nextUpdate ? `, next update ${formatUtc(s.nextUpdate)}` : ', no next update'
    out.push(more(`this update ${formatUtc(s.thisUpdate)}${next}`))
    out.push(more(describeFreshness(s.thisUpdate, s.nextUpdate, now)))
  })
  if (b.nonce) out.push(line('Nonce', b.nonce))
  out.push(line('Certificates', `${b.certificates.length} embedded`))
  b.certificates.forEach((c) => out.push(more(shown(c.subject))))
  out.push(line('Signature', b.signatureAlgorithm))
  return [...out, ...notes(r.notes)]
}

function request(r: OcspRequestInfo): string[] {
  return [
    ...r.requests.map((q, i) => line(`Request ${i + 1}`, certId(q.certId))),
    ...(r.nonce ? [line('Nonce', r.nonce)] : [line('Nonce', 'none')]),
    line('Signed', r.signed ? 'yes' : 'no'),
    ...notes(r.notes),
  ]
}

const kindNames: Record<string, string> = {
  certificate: 'certificate',
  ocspResponse: 'OCSP response',
  ocspRequest: 'OCSP request',
  csr: 'certificate signing request',
  crl: 'CRL',
  pkcs7: 'PKCS#7',
  privateKey: 'PRIVATE KEY',
}

export function summaryText(obj: InspectedObject, now: Date): string {
  const how = obj.pemLabel ? `PEM ${obj.pemLabel}` : obj.encoding.toUpperCase()
  const r = obj.result
  const head = `${obj.source} #${obj.index}  `
  if (!r.ok)
    return [`${head}error (${how})`, line('Error', `[${r.error.code}] ${r.error.message}`)].join('\n')
  const v = r.value
  const body =
    v.kind === 'certificate'
      ? certificate(v, now)
      : v.kind === 'ocspResponse'
        ? response(v, now)
        : v.kind === 'ocspRequest'
          ? request(v)
          : [line('Note', v.summary)]
  const size = obj.der.length ? `, ${obj.der.length} bytes` : ''
  return [`${head}${kindNames[v.kind]} (${how}${size})`, ...body].join('\n')
}
