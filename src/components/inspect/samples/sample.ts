/**
 * "Try a sample": the demo CA mints a must-staple leaf, its chain and a staple produced an hour
 * ago at the moment of the press (lib/pki/demoCa/sample.ts), so its freshness line reads like a
 * real one. Loaded on click only: the demo CA's code stays out of the first page load.
 */
import { mintSample } from '../../../lib/pki/demoCa/sample'
import type { InputFile } from '../inspector.svelte'

/** The sample's files as the inspector reads dropped files; `now` is the page's clock. */
export async function sampleFiles(now: Date): Promise<InputFile[] | { error: string }> {
  const sample = await mintSample(now)
  if (!sample.ok) return { error: `The sample could not be made: ${sample.error.message}` }
  return sample.value.map(({ name, bytes }) => ({
    name,
    size: bytes.length,
    arrayBuffer: async () => bytes.buffer,
  }))
}
