/**
 * Human sentences about PKI facts, shared by the CLI and the page so both say the same thing:
 * validity of a certificate, freshness of an OCSP response, and what each status and
 * revocation reason means (RFC 6960 4.2.1, RFC 5280 5.3.1).
 */
import { formatDurationFromMilliseconds as formatDuration } from '../format.ts'
import { defaultSkewSeconds, judgeFreshness, whenMs as toMs, type When } from './freshness.ts'
import { tlsFeatureOid } from './oids.ts'
import { formatUtc } from './utc.ts'
import type { CertificateInfo, CRLReason, ResponseStatus } from './types.ts'

export type { When }

/** "41 days", "5 hours", "12 minutes": one unit, for "expires in ..." sentences. */
function roughly(ms: number): string {
  const abs = Math.abs(ms)
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (abs >= 2 * 86_400_000) return unit(Math.floor(abs / 86_400_000), 'day')
  if (abs >= 3_600_000) return unit(Math.floor(abs / 3_600_000), 'hour')
  if (abs >= 60_000) return unit(Math.floor(abs / 60_000), 'minute')
  return unit(Math.floor(abs / 1000), 'second')
}

/** "expires in 41 days" / "expired 3 days ago" / "not valid until 2026-12-01 10:00 UTC (in 5 days)". */
export function describeValidity(notBefore: When, notAfter: When, now: Date): string {
  const t = now.getTime()
  const from = toMs(notBefore)
  const to = toMs(notAfter)
  if (t < from) return `not valid until ${formatUtc(notBefore)} (in ${roughly(from - t)})`
  if (t > to) return `expired ${roughly(t - to)} ago (${formatUtc(notAfter)})`
  return `expires in ${roughly(to - t)} (${formatUtc(notAfter)})`
}

/**
 * "fresh for 3 d 4 h" / "stale since 2026-11-20 10:00 UTC" / "not yet valid: thisUpdate is 2 h
 * ahead". The verdict is judgeFreshness's (freshness.ts), so this sentence agrees with the
 * checklist and the simulation at every instant, including inside the clock-skew allowance.
 */
export function describeFreshness(
  thisUpdate: When,
  nextUpdate: When | undefined,
  now: Date,
  skewSeconds: number = defaultSkewSeconds,
): string {
  const f = judgeFreshness({ thisUpdate, nextUpdate }, now, skewSeconds)
  const allowance = `the ${formatDuration(skewSeconds * 1000)} allowed for clock skew`
  const ahead =
    f.state !== 'stale' && f.aheadMs > 0
      ? `; thisUpdate is ${formatDuration(f.aheadMs)} ahead of this clock, within ${allowance}`
      : ''
  switch (f.state) {
    case 'not-yet-valid':
      return `not yet valid: thisUpdate is ${formatDuration(f.aheadMs)} ahead, more than ${allowance}`
    case 'open':
      return `no nextUpdate: produced ${formatDuration(f.sinceMs)} ago, and newer status may exist at any time${ahead}`
    case 'stale':
      return `stale since ${formatUtc(nextUpdate ?? '')}`
    case 'fresh':
      return f.leftMs >= 0
        ? `fresh for ${formatDuration(f.leftMs)}${ahead}`
        : `fresh within ${allowance}: nextUpdate passed ${formatDuration(-f.leftMs)} ago`
  }
}

const statusMeanings: Record<ResponseStatus, string> = {
  successful:
    'The responder answered: the response carries a signed status for each certificate asked about.',
  malformedRequest: 'The responder could not parse the request: it did not follow the OCSP syntax.',
  internalError:
    'The responder reached an inconsistent internal state; the client should try another responder.',
  tryLater: 'The responder is working but cannot answer now; the client may retry later.',
  sigRequired: 'The responder requires the client to sign its request.',
  unauthorized:
    'The responder will not answer this client, or does not serve this CA (for example a CA that stopped its OCSP service).',
}

/** One sentence per RFC 6960 4.2.1 response status. */
export function responseStatusMeaning(status: ResponseStatus): string {
  return statusMeanings[status]
}

const reasonMeanings: Record<CRLReason, string> = {
  unspecified: 'Revoked without a stated reason.',
  keyCompromise: "The certificate's private key is known or suspected to be compromised.",
  cACompromise: "The issuing CA's private key is known or suspected to be compromised.",
  affiliationChanged: "The subject's name or other information in the certificate changed.",
  superseded: 'The certificate was replaced by a new one.',
  cessationOfOperation:
    'The certificate is no longer needed (for example the site or service was shut down).',
  certificateHold: 'The certificate is temporarily suspended and may be reinstated.',
  removeFromCRL: 'A previously held certificate is reinstated (used only in delta CRLs).',
  privilegeWithdrawn: 'A privilege granted by the certificate was withdrawn.',
  aACompromise: "The attribute authority's key is known or suspected to be compromised.",
}

/** One sentence per RFC 5280 5.3.1 CRLReason. */
export function crlReasonMeaning(reason: CRLReason): string {
  return reasonMeanings[reason]
}

/**
 * Why must-staple cannot be told, when the TLS Feature extension (RFC 7633) is there but not DER:
 * "unknown: ..." rather than "no" (openssl would read a BER value as status_request).
 */
export function tlsFeatureUnreadable(c: CertificateInfo): string | undefined {
  const feature = c.extensions.find((e) => e.oid === tlsFeatureOid)
  return (
    feature?.notDer && `unknown: the TLS Feature extension is not DER (${feature.notDer}), so it is not read`
  )
}
