/** What the inspector reads (a file) and shows (a card), and the tests it asks of its cards. */
import type { CertificateInfo, ChainLink, Check, InspectedObject } from '../../lib/pki/types'
import type { KeyedObject } from '../../workers/protocol'

/** The part of File the inspector reads: lets tests pass plain objects. */
export interface InputFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/** A file the browser gave (chosen or dropped): it can go to the parse worker unread (protocol.ts, FileInput). */
export function isBrowserFile(file: InputFile): file is InputFile & Blob & { name: string } {
  return typeof Blob !== 'undefined' && file instanceof Blob
}

export type InspectCard =
  | { key: string; type: 'object'; object: InspectedObject }
  | { key: string; type: 'inputError'; source: string; message: string }
  | { key: string; type: 'pending'; source: string }
  /** Objects an input held past the per-drop limit: counted, neither parsed nor shown. */
  | { key: string; type: 'notShown'; source: string; count: number }

export type CertificateCard = {
  key: string
  type: 'object'
  object: InspectedObject & { result: { ok: true; value: CertificateInfo } }
}

export function inputError(key: string, source: string, message: string): InspectCard {
  return { key, type: 'inputError', source, message }
}

export function isCertificateCard(card: InspectCard): card is CertificateCard {
  return card.type === 'object' && card.object.result.ok && card.object.result.value.kind === 'certificate'
}

/** The chain the loaded certificates form, as the page shows it. */
export type ChainState =
  { state: 'none' } | { state: 'built'; links: ChainLink[] } | { state: 'failed'; message: string }

/** The worker's warm-up chain as it read it: drawn once off screen (warmUpRender.ts), never shown. */
export interface WarmUpSample {
  objects: KeyedObject[]
  chain: ChainLink[]
  checks: Record<string, Check[]>
}
