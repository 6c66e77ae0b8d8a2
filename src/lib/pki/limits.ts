/**
 * Largest input accepted, per file or paste: 1 MiB. A certificate is 1-2 kB, an OCSP response
 * 0.5-3 kB, a long PEM bundle (a CA store) a few hundred kB; anything bigger is refused with code
 * 'too-large' before it is decoded, so a dropped video file cannot freeze the worker.
 *
 * A module of its own: the page refuses a file over it before reading it, without loading the parser.
 */
import { formatBytes } from '../format.ts'

export const maxInputBytes = 1024 * 1024

/**
 * Why a file over `limit` was not read: the page's line for a paste or the demo CA's bytes, the
 * parse worker's for a chosen or dropped file (whose size it reads before its bytes).
 */
export function notReadOverLimit(size: number, limit: number = maxInputBytes): string {
  return `${formatBytes(size)} is over the ${formatBytes(limit)} limit, so it was not read`
}
