/**
 * The facts sentences of a "Simulate with this" link, for the comparison's banner ("What was
 * taken from your certificate"). They are written from the facts the link carries (certFacts.ts),
 * so they survive a reload and travel with a shared link.
 */
import { provenanceSentences, readProvenance } from './provenance.ts'

export function factsFor(query: URLSearchParams): string[] | undefined {
  const provenance = readProvenance(query)
  return provenance ? provenanceSentences(provenance) : undefined
}
