/**
 * Names for the build's shared chunks. Left alone, Rolldown names a shared chunk after the first
 * module that imports it, so pkijs arrived as "extensions-*.js" and the Svelte runtime as
 * "types-*.js": a reader of the network panel or of `npm run bench` could not tell what loads.
 * A chunk is named after the library or part of the app it carries; lazy views keep their own
 * names (InspectorPage, DaysView...).
 */

/** What the bundler tells about a chunk (Rolldown's PreRenderedChunk, the fields used here). */
export interface ChunkFacts {
  name: string
  isDynamicEntry: boolean
  moduleIds: readonly string[]
}

/**
 * First match wins: a chunk with pkijs in it is the pkijs chunk, whatever else came along; the
 * playback bar's chunk is matched before the diagrams' (its folder), and the diagrams' chunk and
 * the comparison's state (d3-timer, d3-array) before d3. The scenario's field registry is in the
 * chunk every view that reads a scenario shares.
 */
const namedBy: readonly (readonly [RegExp, string])[] = [
  [/[\\/]node_modules[\\/](pkijs|asn1js|pvutils|pvtsutils)[\\/]/, 'pkijs'],
  [/[\\/]node_modules[\\/]svelte[\\/]/, 'svelte'],
  [/[\\/]src[\\/]components[\\/]compare[\\/]diagram[\\/]PlaybackBar\.svelte$/, 'playback'],
  [/[\\/]src[\\/]components[\\/]compare[\\/]diagram[\\/]/, 'diagrams'],
  [/[\\/]src[\\/]components[\\/]compare[\\/]scenarioState\.svelte\.ts$/, 'scenarioState'],
  [/[\\/]src[\\/]lib[\\/]sim[\\/]scenarioFields\.ts$/, 'scenario'],
  [/[\\/]node_modules[\\/]d3-[a-z]+[\\/]/, 'd3'],
  [/[\\/]src[\\/]lib[\\/]sim[\\/]engine\.ts$/, 'engine'],
  // The five real clients' profiles, loaded when a scenario first names one (lib/sim/clients/load.ts).
  [/[\\/]src[\\/]lib[\\/]sim[\\/]clients[\\/]profiles\.ts$/, 'clients'],
]

export function chunkName(chunk: ChunkFacts): string {
  if (chunk.isDynamicEntry) return chunk.name
  for (const [pattern, name] of namedBy) if (chunk.moduleIds.some((id) => pattern.test(id))) return name
  return chunk.name
}
