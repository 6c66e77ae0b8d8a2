/**
 * The facts sentences of the last "Simulate with this", kept in memory for the comparison's banner
 * ("What was used"). They are too long for the URL; a shared link shows the banner without them.
 */
import { provenancePart } from './provenance.ts'

const remembered = new Map<string, string[]>()

/** Keyed by the provenance marker, which stays the same while the reader edits the scenario. */
export function rememberFacts(query: URLSearchParams, facts: string[]): void {
  const key = provenancePart(query)
  if (key) remembered.set(key, [...facts])
}

export function factsFor(query: URLSearchParams): string[] | undefined {
  const key = provenancePart(query)
  return key ? remembered.get(key) : undefined
}
