/**
 * Real bytes in the simulation: the inspector's certificate (and its chain and OCSP response)
 * turned into the engine's Scenario, with one sentence per fact used, so the comparison view can
 * say what it simulates and why. Pure: no clock (the caller gives `at`), no crypto, no DOM.
 *
 * What maps to what (docs/model.md names the fields):
 * - site: the leaf's first DNS subjectAltName, else its CN (RFC 6125 6.4.4 checks the SAN first);
 * - responderHost: the host of the leaf's first AIA OCSP URL (RFC 5280 4.2.2.1);
 * - chainBytes: the DER lengths of the certificates the server sends, leaf and intermediates. The
 *   root is left out: the client has it already and RFC 8446 4.4.2 lets the server omit it;
 * - ocspResponseBytes, certStatus, staple: from the loaded OCSP response about the leaf (by serial);
 * - must-staple is a property of the certificate, not a Scenario field: the must-staple row always
 *   exists; the provenance marker tells the view whether it is this certificate's row.
 */
import { commonName } from '../pki/names.ts'
import { equalBytes } from '../pki/values.ts'
import { formatUtc } from '../pki/describe.ts'
import { defaultSkewSeconds, isUsable, judgeFreshness } from '../pki/freshness.ts'
import type { CertificateInfo, ChainLink, OcspResponseInfo, SingleResponse } from '../pki/types.ts'
import { parseScenario, scenarioFields, type Scenario } from '../sim/index.ts'
import { formatCount } from '../format.ts'
import { stapleIdOf, type Provenance } from './provenance.ts'
import { nameText } from '../pki/shownName.ts'

export { defaultSkewSeconds }

export interface PkiCertificate {
  info: CertificateInfo
  der: Uint8Array
}

export interface PkiResponse {
  info: OcspResponseInfo
  der: Uint8Array
}

export interface PkiInput {
  leaf: PkiCertificate
  /** The chain built from the loaded certificates, leaf first (ChainLink roles), if one was built. */
  chain?: readonly Pick<ChainLink, 'info' | 'der' | 'role'>[]
  /** Every OCSP response loaded; the one about the leaf is picked by serial number. */
  responses?: readonly PkiResponse[]
  /** When to judge the staple's freshness. */
  at: Date
  /** Clock-skew allowance for freshness, as the inspector's checklist uses it. */
  skewSeconds?: number
}

export interface PkiScenario {
  /** The scenario fields this mapping sets (the rest keep their defaults). */
  partial: Partial<Scenario>
  /** The whole scenario, validated by parseScenario. */
  scenario: Scenario
  /** One sentence per fact used, in the order a reader would check them. */
  facts: string[]
  provenance: Provenance
}

export type BridgeResult =
  | { ok: true; value: PkiScenario }
  | { ok: false; error: { code: 'not-a-leaf' | 'invalid-scenario'; message: string } }

/** The subject CN's text (names.ts); a CN with no text (invalid bytes) names no host. */
function commonNameOf(name: string): string | undefined {
  const cn = commonName(name)
  return cn?.kind === 'text' ? cn.text : undefined
}

function isValidField(name: 'site' | 'responderHost', value: string): boolean {
  return scenarioFields[name].pattern.test(value)
}

function clamp(name: 'chainBytes' | 'ocspResponseBytes', value: number, facts: string[]): number {
  const spec = scenarioFields[name]
  if (value < spec.min || value > spec.max) {
    const to = Math.min(spec.max, Math.max(spec.min, value))
    facts.push(
      `${formatCount(value)} bytes is outside the simulator's ${formatCount(spec.min)} to ${formatCount(spec.max)} bytes for ${name}: simulated as ${formatCount(to)} bytes.`,
    )
    return to
  }
  return value
}

/** The host to name the site by: the first DNS SAN, else the CN; a wildcard's base name. */
function siteOf(leaf: CertificateInfo, facts: string[]): string | undefined {
  const dns = leaf.subjectAltNames.find((n) => n.startsWith('DNS:'))?.slice(4)
  const cn = commonNameOf(leaf.subject)
  const from = dns !== undefined ? 'its first DNS subjectAltName' : 'its subject CN (no DNS subjectAltName)'
  const raw = dns ?? cn
  if (raw === undefined) {
    facts.push(
      'The certificate names no host (no DNS subjectAltName, no CN): the site keeps the default name.',
    )
    return undefined
  }
  const host = raw.replace(/^\*\./, '').toLowerCase()
  if (!isValidField('site', host)) {
    facts.push(`The certificate's name "${raw}" is not a host name: the site keeps the default name.`)
    return undefined
  }
  facts.push(
    host === raw.toLowerCase()
      ? `Site: ${host}, ${from}.`
      : `Site: ${host}, ${from} (${raw}, shown without the wildcard).`,
  )
  return host
}

function responderHostOf(leaf: CertificateInfo, facts: string[]): string | undefined {
  const url = leaf.ocspUrls[0]
  if (url === undefined) {
    facts.push(
      'The certificate has no AIA OCSP URL: no client could ask a responder about it; the responder keeps the default name.',
    )
    return undefined
  }
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    facts.push(`The AIA OCSP URL "${url}" cannot be read: the responder keeps the default name.`)
    return undefined
  }
  if (!isValidField('responderHost', host)) {
    facts.push(`The OCSP URL's host "${host}" is not a host name: the responder keeps the default name.`)
    return undefined
  }
  facts.push(`OCSP responder: ${host}, from the certificate's AIA extension (${url}).`)
  return host
}

function chainBytesOf(input: PkiInput, facts: string[]): number {
  const links = input.chain ?? []
  const sent = links.filter((l) => l.role === 'leaf' || l.role === 'intermediate')
  const ours = sent.length > 0 && sent[0]!.role === 'leaf' && equalBytes(sent[0]!.der, input.leaf.der)
  if (!ours) {
    facts.push(
      `Chain: ${formatCount(input.leaf.der.length)} bytes, the leaf alone (no intermediate is loaded; a real server also sends its intermediates).`,
    )
    return clamp('chainBytes', input.leaf.der.length, facts)
  }
  const total = sent.reduce((sum, l) => sum + l.der.length, 0)
  const parts = sent.map((l) => formatCount(l.der.length)).join(' + ')
  const root = links.some((l) => l.role === 'root')
    ? '; the root is left out: clients already hold it, so servers need not send it (RFC 8446 4.4.2)'
    : ''
  facts.push(
    sent.length === 1
      ? `Chain: ${formatCount(total)} bytes, the leaf alone${root}.`
      : `Chain: ${formatCount(total)} bytes (${parts}), the leaf and ${sent.length - 1} intermediate${sent.length > 2 ? 's' : ''} the server sends${root}.`,
  )
  return clamp('chainBytes', total, facts)
}

/** The loaded response about this leaf: the newest successful one with its serial. */
function matchingResponse(
  leaf: CertificateInfo,
  responses: readonly PkiResponse[],
): { response: PkiResponse; single: SingleResponse } | undefined {
  let best: { response: PkiResponse; single: SingleResponse } | undefined
  for (const response of responses) {
    const single = response.info.basic?.responses.find((r) => r.certId.serialNumber === leaf.serialNumber)
    if (!single) continue
    if (!best || Date.parse(single.thisUpdate) > Date.parse(best.single.thisUpdate))
      best = { response, single }
  }
  return best
}

export function scenarioFromPki(input: PkiInput): BridgeResult {
  const leaf = input.leaf.info
  if (leaf.isCA) {
    return {
      ok: false,
      error: {
        code: 'not-a-leaf',
        message: `${nameText(leaf.subject)} is a CA certificate: simulate with a server's certificate`,
      },
    }
  }
  const facts: string[] = []
  const partial: Partial<Scenario> = {}

  const site = siteOf(leaf, facts)
  if (site) partial.site = site
  const responderHost = responderHostOf(leaf, facts)
  if (responderHost) partial.responderHost = responderHost

  facts.push(
    leaf.mustStaple
      ? 'Must-staple: the certificate carries the TLS Feature extension with status_request (RFC 7633), so a client that honours it rejects the connection without a valid staple: the must-staple row is this certificate.'
      : 'Not must-staple: the certificate has no TLS Feature status_request, so the must-staple row shows what would happen if it had.',
  )

  partial.chainBytes = chainBytesOf(input, facts)

  const skewSeconds = input.skewSeconds ?? defaultSkewSeconds
  const match = matchingResponse(leaf, input.responses ?? [])
  let nextUpdate: string | undefined
  let stapleId: string | undefined
  if (!match) {
    facts.push(
      `No OCSP response about this certificate (serial ${leaf.serialNumber}) is loaded: the staple keeps the defaults (fresh, ${formatCount(500)} bytes) and the certificate counts as good.`,
    )
  } else {
    const { response, single } = match
    stapleId = stapleIdOf(response.der)
    partial.ocspResponseBytes = clamp('ocspResponseBytes', response.der.length, facts)
    facts.push(`OCSP response: ${formatCount(response.der.length)} bytes of DER, stapled as is.`)
    if (single.certStatus === 'revoked') {
      partial.certStatus = 'revoked'
      facts.push(
        `Status: revoked${single.revocationTime ? ` on ${formatUtc(single.revocationTime)}` : ''}${single.revocationReason ? ` (${single.revocationReason})` : ''}.`,
      )
    } else if (single.certStatus === 'unknown') {
      partial.certStatus = 'good'
      facts.push(
        'Status: unknown (the responder does not know the certificate). The simulator knows only good and revoked: simulated as good, though a careful client would not accept this response.',
      )
    } else {
      partial.certStatus = 'good'
      facts.push('Status: good.')
    }
    // The checklist's rule (freshness.ts): the staple is what the card and the checklist call it.
    const fresh = judgeFreshness(single, input.at, skewSeconds)
    partial.staple = isUsable(fresh) ? 'fresh' : 'stale'
    nextUpdate = single.nextUpdate
    const checked = `checked at ${formatUtc(input.at)}, ${skewSeconds} s clock skew allowed`
    if (fresh.state === 'open') {
      facts.push('Staple: fresh (no nextUpdate: RFC 6960 4.2.2.1 says newer status may exist at any time).')
    } else if (fresh.state === 'fresh') {
      facts.push(
        fresh.leftMs >= 0
          ? `Staple: fresh until ${formatUtc(single.nextUpdate ?? '')} (${checked}).`
          : `Staple: fresh within the clock-skew allowance, its nextUpdate ${formatUtc(single.nextUpdate ?? '')} passed (${checked}).`,
      )
    } else if (fresh.state === 'stale') {
      facts.push(`Staple: stale, its nextUpdate ${formatUtc(single.nextUpdate ?? '')} passed (${checked}).`)
    } else {
      facts.push(
        `Staple: not yet valid (thisUpdate ${formatUtc(single.thisUpdate)} is more than ${skewSeconds} s ahead): no client uses it, simulated as stale.`,
      )
    }
  }

  const parsed = parseScenario(partial)
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-scenario', message: parsed.error.message } }
  return {
    ok: true,
    value: {
      partial,
      scenario: parsed.scenario,
      facts,
      provenance: {
        source: 'cert',
        label: site ?? commonNameOf(leaf.subject) ?? 'your certificate',
        mustStaple: leaf.mustStaple,
        ...(stapleId ? { stapleId } : {}),
        ...(nextUpdate ? { nextUpdate } : {}),
      },
    },
  }
}
