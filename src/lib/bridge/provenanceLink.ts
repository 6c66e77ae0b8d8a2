/**
 * The "your certificate" marker's place in a link (provenance.ts reads and writes the rest): its
 * keys, whether a link carries one, and the inspector's link back to the staple. Its own small
 * module so the comparison can tell a link with a marker from one without, and draw a staple's link,
 * without loading the marker's reader and the certificate facts behind it (certFacts.ts): the default
 * comparison has no marker, and its first screen does without them (issue 14).
 */
import type { LinkFacts } from './certFacts.ts'

/** The view keys of the provenance marker. None may equal a scenario key (tested). */
export const provenanceKeys = {
  source: 'src',
  label: 'cn',
  mustStaple: 'ms',
  stapleId: 'sid',
  nextUpdate: 'nu',
} as const

export interface Provenance {
  /** The scenario was computed from certificate bytes loaded in the inspector (or made by the demo CA). */
  source: 'cert'
  /** The leaf's host name as the banner shows it, e.g. "shop.example" (else unnamedLabel). */
  label: string
  /** The leaf carries the TLS Feature status_request (RFC 7633). */
  mustStaple: boolean
  /** Identifies the OCSP response's DER (stapleId), when one was loaded. */
  stapleId?: string
  /** The staple's nextUpdate (ISO 8601), when it has one. */
  nextUpdate?: string
  /** What the simulation took from the certificate and its staple (certFacts.ts), as far as the link says. */
  facts?: LinkFacts
}

/** A link carries a marker when its source says so (readProvenance reads the rest). */
export function carriesProvenance(query: URLSearchParams): boolean {
  return query.get(provenanceKeys.source) === 'cert'
}

/** The inspector key that asks it to show (scroll to, highlight) one loaded object. */
export const inspectStapleKey = 'staple'

/** The inspector's address with this staple selected. */
export function inspectorHrefForStaple(stapleId: string): string {
  return `#/inspect?${inspectStapleKey}=${encodeURIComponent(stapleId)}`
}
