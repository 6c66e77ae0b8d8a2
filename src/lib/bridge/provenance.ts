/**
 * Where a simulated scenario came from, carried in the URL hash beside the scenario (view keys, not
 * scenario fields: the engine's Scenario has no notion of "your certificate", and its JSON contract
 * stays as it is). The comparison view reads it to say "Simulating your certificate: ..." and to
 * link a staple back to the inspector card it came from.
 *
 *   #/compare?chain=2345&ob=471&src=cert&cn=shop.example&ms=1&sid=1f2e3d4c-471&nu=2026-11-28T00:05:42Z
 */

import { scenarioFields } from '../sim/scenarioFields.ts'
import { factSentences, isUtcTime, readCertFacts, writeCertFacts } from './certFacts.ts'
import { carriesProvenance, provenanceKeys, type Provenance } from './provenanceLink.ts'

export {
  carriesProvenance,
  inspectorHrefForStaple,
  inspectStapleKey,
  provenanceKeys,
  type Provenance,
} from './provenanceLink.ts'

/** Long enough for any host name; the label is only ever shown as text. */
const maxLabelLength = 100
/** What the banner says when the link names no host. */
export const unnamedLabel = 'your certificate'

/**
 * A link is anyone's text: the banner shows a name from it only when it is a host name (letters,
 * digits, hyphens and dots, as the simulator's site field takes it), so `cn=bank.example: REVOKED
 * by CA, call ...` or bidi controls never speak in the page's voice.
 */
export function isHostLabel(label: string): boolean {
  const site = scenarioFields.site
  return label.length <= maxLabelLength && site.kind === 'text' && site.pattern.test(label)
}
const stapleIdPattern = /^[0-9a-f]{8}-[0-9]{1,7}$/

/**
 * A short, stable name for a DER object: FNV-1a (32 bit) of its bytes and its length. Not a
 * security hash: it only finds the card among the few loaded in the inspector, synchronously.
 */
export function stapleIdOf(der: Uint8Array): string {
  let hash = 0x811c9dc5
  for (const byte of der) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${hash.toString(16).padStart(8, '0')}-${der.length}`
}

export function isStapleId(text: string): boolean {
  return stapleIdPattern.test(text)
}

/** Add the marker's keys to a query (which may already hold the scenario's keys). */
export function writeProvenance(query: URLSearchParams, provenance: Provenance): void {
  query.set(provenanceKeys.source, provenance.source)
  if (isHostLabel(provenance.label)) query.set(provenanceKeys.label, provenance.label)
  if (provenance.mustStaple) query.set(provenanceKeys.mustStaple, '1')
  if (provenance.stapleId) query.set(provenanceKeys.stapleId, provenance.stapleId)
  if (provenance.nextUpdate) query.set(provenanceKeys.nextUpdate, provenance.nextUpdate)
  if (provenance.facts) writeCertFacts(query, provenance.facts)
}

/**
 * Read the marker back; null when there is none. A hand-edited link with a bad part keeps what is
 * valid: the banner is a caption, never a reason to refuse the scenario.
 */
export function readProvenance(query: URLSearchParams): Provenance | null {
  if (!carriesProvenance(query)) return null
  const label = query.get(provenanceKeys.label) ?? ''
  const stapleId = query.get(provenanceKeys.stapleId) ?? ''
  const nextUpdate = query.get(provenanceKeys.nextUpdate) ?? ''
  const validNextUpdate = isUtcTime(nextUpdate) ? nextUpdate : undefined
  const facts = readCertFacts(query, validNextUpdate)
  // A name's source without the name: the link's cn= was not a host name.
  if (!isHostLabel(label) && (facts.site?.from === 'san' || facts.site?.from === 'cn')) delete facts.site
  return {
    source: 'cert',
    label: isHostLabel(label) ? label : unnamedLabel,
    mustStaple: query.get(provenanceKeys.mustStaple) === '1',
    ...(isStapleId(stapleId) ? { stapleId } : {}),
    ...(validNextUpdate ? { nextUpdate: validNextUpdate } : {}),
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
  }
}

/**
 * The sentences of "What was taken from your certificate", written from the link's facts (so a
 * reload or a shared link shows them too); undefined when the link carries none.
 */
export function provenanceSentences(provenance: Provenance): string[] | undefined {
  if (!provenance.facts) return undefined
  return factSentences({ ...provenance.facts, mustStaple: provenance.mustStaple }, provenance.label)
}
