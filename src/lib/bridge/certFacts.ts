/**
 * What "Simulate with this" took from the certificate, as data small enough for the link: where
 * the site's name and the responder came from, the sizes of the chain the server sends, and the
 * staple's status and freshness. The comparison's "What was taken from your certificate" is
 * written from these facts, so a reload or a shared link shows the same sentences. Never the
 * certificate's bytes, and no text of it other than host names.
 *
 * A link is anyone's text: each part is read back only when valid (host-name characters, digits,
 * RFC 5280 reason names, ISO 8601 UTC times); an invalid part is left out, and its sentence with it.
 */
import { formatCount } from '../format.ts'
import { formatUtc } from '../pki/utc.ts'
import { crlReasonNames, type CRLReason } from '../pki/types.ts'
import { scenarioFields } from '../sim/scenarioFields.ts'

/** Where the site's name came from; its host is the provenance label. */
export type SiteFact =
  | { from: 'san' | 'cn'; wildcard: boolean }
  /** No DNS subjectAltName and no CN. */
  | { from: 'none' }
  /** The name the certificate gives is not a host name (it is not repeated here). */
  | { from: 'not-a-host' }

/** The leaf's first AIA OCSP URL (RFC 5280 4.2.2.1), by its host only. */
export type ResponderFact =
  { from: 'aia'; host: string } | { from: 'none' } | { from: 'unreadable' } | { from: 'not-a-host' }

export interface ChainFact {
  /** DER lengths of what the server sends, leaf first. */
  sent: number[]
  /** The leaf alone because no chain from it was loaded (not because it needs none). */
  leafOnly: boolean
  /** A root was loaded and left out (RFC 8446 4.4.2: the client has it). */
  rootLeftOut: boolean
}

export type Freshness = 'open' | 'fresh' | 'fresh-in-skew' | 'stale' | 'not-yet-valid'

export type StapleFact =
  /** No loaded response about the leaf's serial (hex). */
  | { kind: 'none'; serial: string }
  | {
      kind: 'response'
      bytes: number
      status: 'good' | 'revoked' | 'unknown'
      revocationTime?: string
      revocationReason?: CRLReason
      freshness: Freshness
      thisUpdate: string
      nextUpdate?: string
      checkedAt: string
      skewSeconds: number
    }

export interface CertFacts {
  site: SiteFact
  responder: ResponderFact
  mustStaple: boolean
  chain: ChainFact
  staple: StapleFact
}

/** The link's keys for the facts; none may equal a scenario key or another view key (tested). */
export const certFactKeys = {
  site: 'fs',
  responder: 'fr',
  chain: 'fc',
  chainKind: 'fck',
  staple: 'fo',
  stapleBytes: 'fob',
  revocationTime: 'frt',
  revocationReason: 'frr',
  freshness: 'ff',
  thisUpdate: 'ftu',
  checkedAt: 'fat',
  skew: 'fsk',
  serial: 'fsn',
} as const

const freshnessValues: readonly Freshness[] = ['open', 'fresh', 'fresh-in-skew', 'stale', 'not-yet-valid']
const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z$/
const serialHex = /^[0-9a-f]{1,64}$/
/** Byte counts in the link: whole numbers, at most 9 digits (a DER input is at most a MiB). */
const byteCount = /^[1-9][0-9]{0,8}$/

export function isUtcTime(text: string): boolean {
  return isoTime.test(text) && !Number.isNaN(Date.parse(text))
}

function isHost(text: string): boolean {
  return text.length <= 100 && scenarioFields.responderHost.pattern.test(text)
}

function pick<T extends string>(values: readonly T[], text: string | null): T | undefined {
  return values.find((v) => v === text)
}

function siteSentence(site: SiteFact, label: string): string {
  if (site.from === 'none')
    return 'The certificate names no host (no DNS subjectAltName, no CN): the site keeps the default name.'
  if (site.from === 'not-a-host')
    return "The certificate's name is not a host name: the site keeps the default name."
  const from = site.from === 'san' ? 'its first DNS subjectAltName' : 'its subject CN (no DNS subjectAltName)'
  return site.wildcard
    ? `Site: ${label}, ${from} (*.${label}, shown without the wildcard).`
    : `Site: ${label}, ${from}.`
}

function responderSentence(responder: ResponderFact): string {
  switch (responder.from) {
    case 'aia':
      return `OCSP responder: ${responder.host}, from the certificate's AIA extension.`
    case 'none':
      return 'The certificate has no AIA OCSP URL: no client could ask a responder about it; the responder keeps the default name.'
    case 'unreadable':
      return 'The AIA OCSP URL cannot be read: the responder keeps the default name.'
    case 'not-a-host':
      return "The OCSP URL's host is not a host name: the responder keeps the default name."
  }
}

/** A size outside the simulator's range is simulated at the nearest end; the sentence says so. */
export function clampBytes(name: 'chainBytes' | 'ocspResponseBytes', value: number): number {
  const spec = scenarioFields[name]
  return Math.min(spec.max, Math.max(spec.min, value))
}

function clampSentence(name: 'chainBytes' | 'ocspResponseBytes', value: number): string[] {
  const spec = scenarioFields[name]
  const to = clampBytes(name, value)
  return to === value
    ? []
    : [
        `${formatCount(value)} bytes is outside the simulator's ${formatCount(spec.min)} to ${formatCount(spec.max)} bytes for ${name}: simulated as ${formatCount(to)} bytes.`,
      ]
}

function chainSentences(chain: ChainFact): string[] {
  const total = chain.sent.reduce((sum, n) => sum + n, 0)
  if (chain.leafOnly)
    return [
      `Chain: ${formatCount(total)} bytes, the leaf alone (no intermediate is loaded; a real server also sends its intermediates).`,
      ...clampSentence('chainBytes', total),
    ]
  const parts = chain.sent.map(formatCount).join(' + ')
  const root = chain.rootLeftOut
    ? '; the root is left out: clients already hold it, so servers need not send it (RFC 8446 4.4.2)'
    : ''
  const intermediates = chain.sent.length - 1
  return [
    intermediates === 0
      ? `Chain: ${formatCount(total)} bytes, the leaf alone${root}.`
      : `Chain: ${formatCount(total)} bytes (${parts}), the leaf and ${intermediates} intermediate${intermediates > 1 ? 's' : ''} the server sends${root}.`,
    ...clampSentence('chainBytes', total),
  ]
}

function stapleSentences(staple: StapleFact): string[] {
  if (staple.kind === 'none')
    return [
      `No OCSP response about this certificate (serial ${staple.serial}) is loaded: the staple keeps the defaults (fresh, ${formatCount(scenarioFields.ocspResponseBytes.default)} bytes) and the certificate counts as good.`,
    ]
  const out = [
    ...clampSentence('ocspResponseBytes', staple.bytes),
    `OCSP response: ${formatCount(staple.bytes)} bytes of DER, stapled as is.`,
  ]
  if (staple.status === 'revoked') {
    const when = staple.revocationTime ? ` on ${formatUtc(staple.revocationTime)}` : ''
    const why = staple.revocationReason ? ` (${staple.revocationReason})` : ''
    out.push(`Status: revoked${when}${why}.`)
  } else if (staple.status === 'unknown') {
    out.push(
      'Status: unknown (the responder does not know the certificate). The simulator knows only good and revoked: simulated as good, though a careful client would not accept this response.',
    )
  } else out.push('Status: good.')
  const checked = `checked at ${formatUtc(staple.checkedAt)}, ${staple.skewSeconds} s clock skew allowed`
  const until = formatUtc(staple.nextUpdate ?? '')
  switch (staple.freshness) {
    case 'open':
      out.push('Staple: fresh (no nextUpdate: RFC 6960 4.2.2.1 says newer status may exist at any time).')
      break
    case 'fresh':
      out.push(`Staple: fresh until ${until} (${checked}).`)
      break
    case 'fresh-in-skew':
      out.push(`Staple: fresh within the clock-skew allowance, its nextUpdate ${until} passed (${checked}).`)
      break
    case 'stale':
      out.push(`Staple: stale, its nextUpdate ${until} passed (${checked}).`)
      break
    case 'not-yet-valid':
      out.push(
        `Staple: not yet valid (thisUpdate ${formatUtc(staple.thisUpdate)} is more than ${staple.skewSeconds} s ahead): no client uses it, simulated as stale.`,
      )
  }
  return out
}

/** One sentence per fact, in the order a reader would check them. `label` is the site's host. */
export function factSentences(facts: Partial<CertFacts>, label: string): string[] {
  return [
    ...(facts.site ? [siteSentence(facts.site, label)] : []),
    ...(facts.responder ? [responderSentence(facts.responder)] : []),
    ...(facts.mustStaple === undefined
      ? []
      : [
          facts.mustStaple
            ? 'Must-staple: the certificate carries the TLS Feature extension with status_request (RFC 7633), so a client that honours it rejects the connection without a valid staple: the must-staple row is this certificate.'
            : 'Not must-staple: the certificate has no TLS Feature status_request, so the must-staple row shows what would happen if it had.',
        ]),
    ...(facts.chain ? chainSentences(facts.chain) : []),
    ...(facts.staple ? stapleSentences(facts.staple) : []),
  ]
}

/** What of the facts the link carries (mustStaple is the provenance's own `ms`). */
export type LinkFacts = Partial<Omit<CertFacts, 'mustStaple'>>

/** Add the facts' keys to a query. The staple's nextUpdate is the provenance's `nu`. */
export function writeCertFacts(query: URLSearchParams, facts: LinkFacts): void {
  const k = certFactKeys
  const { site, responder, chain, staple } = facts
  if (site)
    query.set(
      k.site,
      site.from === 'san' || site.from === 'cn' ? `${site.from}${site.wildcard ? '-w' : ''}` : site.from,
    )
  if (responder) query.set(k.responder, responder.from === 'aia' ? responder.host : `-${responder.from}`)
  if (chain) {
    query.set(k.chain, chain.sent.join('.'))
    query.set(k.chainKind, chain.leafOnly ? 'leaf' : chain.rootLeftOut ? 'path-root' : 'path')
  }
  if (!staple) return
  if (staple.kind === 'none') {
    query.set(k.staple, 'none')
    query.set(k.serial, staple.serial)
    return
  }
  query.set(k.staple, staple.status)
  query.set(k.stapleBytes, String(staple.bytes))
  if (staple.revocationTime) query.set(k.revocationTime, staple.revocationTime)
  if (staple.revocationReason) query.set(k.revocationReason, staple.revocationReason)
  query.set(k.freshness, staple.freshness)
  query.set(k.thisUpdate, staple.thisUpdate)
  query.set(k.checkedAt, staple.checkedAt)
  query.set(k.skew, String(staple.skewSeconds))
}

function readSite(text: string | null): SiteFact | undefined {
  const match = /^(san|cn)(-w)?$/.exec(text ?? '')
  if (match) return { from: match[1] as 'san' | 'cn', wildcard: match[2] !== undefined }
  return text === 'none' || text === 'not-a-host' ? { from: text } : undefined
}

function readResponder(text: string | null): ResponderFact | undefined {
  if (text === '-none' || text === '-unreadable' || text === '-not-a-host')
    return { from: text.slice(1) as 'none' | 'unreadable' | 'not-a-host' }
  return text !== null && isHost(text) ? { from: 'aia', host: text } : undefined
}

function readChain(sent: string | null, kind: string | null): ChainFact | undefined {
  const sizes = (sent ?? '').split('.')
  if (sizes.length > 10 || !sizes.every((s) => byteCount.test(s))) return undefined
  const kinds = { leaf: [true, false], path: [false, false], 'path-root': [false, true] } as const
  const pair = pick(Object.keys(kinds) as (keyof typeof kinds)[], kind)
  if (!pair) return undefined
  const [leafOnly, rootLeftOut] = kinds[pair]
  return { sent: sizes.map(Number), leafOnly, rootLeftOut }
}

function readStaple(query: URLSearchParams, nextUpdate: string | undefined): StapleFact | undefined {
  const k = certFactKeys
  const kind = query.get(k.staple)
  if (kind === 'none') {
    const serial = query.get(k.serial) ?? ''
    return serialHex.test(serial) ? { kind: 'none', serial } : undefined
  }
  const status = pick(['good', 'revoked', 'unknown'] as const, kind)
  const bytes = query.get(k.stapleBytes) ?? ''
  const freshness = pick(freshnessValues, query.get(k.freshness))
  const thisUpdate = query.get(k.thisUpdate) ?? ''
  const checkedAt = query.get(k.checkedAt) ?? ''
  const skew = query.get(k.skew) ?? ''
  if (!status || !byteCount.test(bytes) || !freshness || !isUtcTime(thisUpdate) || !isUtcTime(checkedAt))
    return undefined
  if (!/^[0-9]{1,6}$/.test(skew)) return undefined
  // Every state but "open" names the nextUpdate in its sentence.
  if (freshness !== 'open' && freshness !== 'not-yet-valid' && nextUpdate === undefined) return undefined
  const revocationTime = query.get(k.revocationTime) ?? ''
  const revocationReason = pick(crlReasonNames, query.get(k.revocationReason))
  return {
    kind: 'response',
    bytes: Number(bytes),
    status,
    ...(status === 'revoked' && isUtcTime(revocationTime) ? { revocationTime } : {}),
    ...(status === 'revoked' && revocationReason ? { revocationReason } : {}),
    freshness,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    checkedAt,
    skewSeconds: Number(skew),
  }
}

/** The valid facts of a link; a part that is missing or invalid is left out. */
export function readCertFacts(query: URLSearchParams, nextUpdate: string | undefined): LinkFacts {
  const k = certFactKeys
  const site = readSite(query.get(k.site))
  const responder = readResponder(query.get(k.responder))
  const chain = readChain(query.get(k.chain), query.get(k.chainKind))
  const staple = readStaple(query, nextUpdate)
  return {
    ...(site ? { site } : {}),
    ...(responder ? { responder } : {}),
    ...(chain ? { chain } : {}),
    ...(staple ? { staple } : {}),
  }
}
