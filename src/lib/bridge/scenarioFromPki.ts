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
import { defaultSkewSeconds, judgeFreshness } from '../pki/freshness.ts'
import type { CertificateInfo, ChainLink, OcspResponseInfo, SingleResponse } from '../pki/types.ts'
import { parseScenario, scenarioFields, type Scenario } from '../sim/index.ts'
import { stapleIdOf, unnamedLabel, type Provenance } from './provenance.ts'
import {
  clampBytes,
  factSentences,
  type CertFacts,
  type ChainFact,
  type Freshness,
  type ResponderFact,
  type SiteFact,
  type StapleFact,
} from './certFacts.ts'
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

/** The host to name the site by: the first DNS SAN, else the CN; a wildcard's base name. */
function siteOf(leaf: CertificateInfo): { fact: SiteFact; host?: string } {
  const dns = leaf.subjectAltNames.find((n) => n.startsWith('DNS:'))?.slice(4)
  const raw = dns ?? commonNameOf(leaf.subject)
  if (raw === undefined) return { fact: { from: 'none' } }
  const host = raw.replace(/^\*\./, '').toLowerCase()
  if (!isValidField('site', host)) return { fact: { from: 'not-a-host' } }
  return { fact: { from: dns !== undefined ? 'san' : 'cn', wildcard: host !== raw.toLowerCase() }, host }
}

function responderOf(leaf: CertificateInfo): ResponderFact {
  const url = leaf.ocspUrls[0]
  if (url === undefined) return { from: 'none' }
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    return { from: 'unreadable' }
  }
  return isValidField('responderHost', host) ? { from: 'aia', host } : { from: 'not-a-host' }
}

function chainOf(input: PkiInput): ChainFact {
  const links = input.chain ?? []
  const sent = links.filter((l) => l.role === 'leaf' || l.role === 'intermediate')
  const ours = sent.length > 0 && sent[0]!.role === 'leaf' && equalBytes(sent[0]!.der, input.leaf.der)
  if (!ours) return { sent: [input.leaf.der.length], leafOnly: true, rootLeftOut: false }
  return {
    sent: sent.map((l) => l.der.length),
    leafOnly: false,
    rootLeftOut: links.some((l) => l.role === 'root'),
  }
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

/** The checklist's rule (freshness.ts): the staple is what the card and the checklist call it. */
function freshnessOf(single: SingleResponse, at: Date, skewSeconds: number): Freshness {
  const fresh = judgeFreshness(single, at, skewSeconds)
  if (fresh.state === 'fresh') return fresh.leftMs >= 0 ? 'fresh' : 'fresh-in-skew'
  if (fresh.state === 'open' || fresh.state === 'stale') return fresh.state
  return 'not-yet-valid'
}

function stapleOf(
  leaf: CertificateInfo,
  input: PkiInput,
  skewSeconds: number,
): { fact: StapleFact; der?: Uint8Array } {
  const match = matchingResponse(leaf, input.responses ?? [])
  if (!match) return { fact: { kind: 'none', serial: leaf.serialNumber } }
  const { response, single } = match
  const fact: StapleFact = {
    kind: 'response',
    bytes: response.der.length,
    status: single.certStatus,
    ...(single.certStatus === 'revoked' && single.revocationTime
      ? { revocationTime: single.revocationTime }
      : {}),
    ...(single.certStatus === 'revoked' && single.revocationReason
      ? { revocationReason: single.revocationReason }
      : {}),
    freshness: freshnessOf(single, input.at, skewSeconds),
    thisUpdate: single.thisUpdate,
    ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}),
    checkedAt: input.at.toISOString(),
    skewSeconds,
  }
  return { fact, der: response.der }
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
  const site = siteOf(leaf)
  const staple = stapleOf(leaf, input, input.skewSeconds ?? defaultSkewSeconds)
  const facts: CertFacts = {
    site: site.fact,
    responder: responderOf(leaf),
    mustStaple: leaf.mustStaple,
    chain: chainOf(input),
    staple: staple.fact,
  }

  const partial: Partial<Scenario> = {}
  if (site.host) partial.site = site.host
  if (facts.responder.from === 'aia') partial.responderHost = facts.responder.host
  partial.chainBytes = clampBytes(
    'chainBytes',
    facts.chain.sent.reduce((sum, n) => sum + n, 0),
  )
  const response = facts.staple
  if (response.kind === 'response') {
    partial.ocspResponseBytes = clampBytes('ocspResponseBytes', response.bytes)
    // The simulator knows only good and revoked: an unknown status is simulated as good (said so).
    partial.certStatus = response.status === 'revoked' ? 'revoked' : 'good'
    // Not yet valid: no client uses it, simulated as stale (said so).
    partial.staple =
      response.freshness === 'stale' || response.freshness === 'not-yet-valid' ? 'stale' : 'fresh'
  }

  const parsed = parseScenario(partial)
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-scenario', message: parsed.error.message } }
  const label = site.host ?? commonNameOf(leaf.subject) ?? unnamedLabel
  const { mustStaple: _mustStaple, ...linkFacts } = facts
  return {
    ok: true,
    value: {
      partial,
      scenario: parsed.scenario,
      facts: factSentences(facts, label),
      provenance: {
        source: 'cert',
        label,
        mustStaple: leaf.mustStaple,
        ...(staple.der ? { stapleId: stapleIdOf(staple.der) } : {}),
        ...(response.kind === 'response' && response.nextUpdate ? { nextUpdate: response.nextUpdate } : {}),
        facts: linkFacts,
      },
    },
  }
}
