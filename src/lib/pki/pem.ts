/**
 * From raw input bytes to DER chunks: DER as is, PEM (RFC 7468) with any number of blocks of any
 * label, or bare base64 of DER (what `openssl base64` or an OCSP GET URL path carries, RFC 6960
 * Appendix A). Private keys in PEM are recognised by their label and never decoded.
 */
import { maxInputBytes } from './limits.ts'
import type { InputEncoding, PkiError } from './types.ts'
import { latin1 } from './values.ts'

export { maxInputBytes }

export interface Chunk {
  encoding: InputEncoding
  pemLabel?: string
  /** Empty for an error chunk and for a private key (its bytes are never kept). */
  der: Uint8Array<ArrayBuffer>
  /** Set when the PEM label names a private key: the base64 was not decoded. */
  privateKey?: boolean
  error?: PkiError
}

const empty = () => new Uint8Array(0)

const b64Values = new Int8Array(128).fill(-1)
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  b64Values[c.charCodeAt(0)] = i
})
// base64url (RFC 4648 section 5), as found in URLs
b64Values['-'.charCodeAt(0)] = 62
b64Values['_'.charCodeAt(0)] = 63

type FromBase64 = (s: string) => Uint8Array<ArrayBuffer>

/**
 * The engine's own decoder (Uint8Array.fromBase64, ES2026; in Chromium since 140), where there is
 * one. The loop below was the costliest function V8 compiled during a cold drop: 15-30 ms of a
 * background thread's CPU for TurboFan alone (--trace-opt, Chromium 156).
 */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64?.bind(Uint8Array)

/** What the native decoder reads exactly as the loop does: the standard alphabet, padding only to a whole chunk. */
const plainBase64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Decode base64 without whitespace; returns the index of the first bad character on failure.
 * Exported for its tests, which pass `native` (node 20 has no Uint8Array.fromBase64).
 */
export function decodeBase64(
  s: string,
  native: FromBase64 | undefined = nativeFromBase64,
): { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; at: number; why: string } {
  let end = s.length
  while (end > 0 && s[end - 1] === '=') end--
  if (s.length - end > 2) return { ok: false, at: end, why: 'too much "=" padding' }
  if (end % 4 === 1) return { ok: false, at: end - 1, why: 'it ends in the middle of a byte (truncated?)' }
  // The loop also takes base64url, and padding that stops short of a whole chunk ("QQ="), and says
  // where bad input goes wrong; the native decoder gets only what it reads the same way.
  if (native && (end === s.length || s.length % 4 === 0) && plainBase64.test(s))
    return { ok: true, bytes: native(s) }
  const out = new Uint8Array(Math.floor((end * 3) / 4))
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < end; i++) {
    const code = s.charCodeAt(i)
    const v = code < 128 ? b64Values[code] : -1
    if (v < 0) return { ok: false, at: i, why: `character ${JSON.stringify(s[i])} is not base64` }
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return { ok: true, bytes: out.subarray(0, o) }
}

const magic: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x1f, 0x8b], 'a gzip file'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
]

/** "0x89 0x50": bytes as hex that cannot be read as decimal. */
function hexPrefix(bytes: Uint8Array, n: number): string {
  return Array.from(bytes.subarray(0, n), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ')
}

function notRecognised(bytes: Uint8Array): PkiError {
  for (const [sig, what] of magic) {
    if (sig.every((b, i) => bytes[i] === b)) {
      return {
        code: 'not-der',
        message: `not DER, PEM or base64: the data starts with ${hexPrefix(bytes, sig.length)}, the signature of ${what}`,
        offset: 0,
      }
    }
  }
  return {
    code: 'not-der',
    message: `not DER, PEM or base64: DER objects start with a SEQUENCE (byte 0x30) but this data starts with byte ${hexPrefix(bytes, 1)}`,
    offset: 0,
  }
}

function isText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if (b >= 0x80 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false
  }
  return true
}

const pemBegin = [...'-----BEGIN '].map((c) => c.charCodeAt(0))

function hasPemBegin(bytes: Uint8Array): boolean {
  for (
    let i = bytes.indexOf(0x2d);
    i >= 0 && i + pemBegin.length <= bytes.length;
    i = bytes.indexOf(0x2d, i + 1)
  ) {
    if (pemBegin.every((c, j) => bytes[i + j] === c)) return true
  }
  return false
}

function splitPem(text: string): Chunk[] {
  const lines = text.split(/\r\n|\r|\n/)
  const chunks: Chunk[] = []
  let i = 0
  while (i < lines.length) {
    const begin = /^-----BEGIN ([^-]*)-----\s*$/.exec(lines[i].trim())
    i++
    if (!begin) continue
    const label = begin[1]
    const beginLine = i
    const n = chunks.length + 1
    const data: { text: string; line: number }[] = []
    let endLabel: string | undefined
    while (i < lines.length) {
      const line = lines[i].trim()
      i++
      const endMatch = /^-----END ([^-]*)-----$/.exec(line)
      if (endMatch) {
        endLabel = endMatch[1]
        break
      }
      if (line.startsWith('-----BEGIN ')) {
        i--
        break
      }
      // RFC 1421 encapsulated headers (Proc-Type, DEK-Info) precede the base64.
      if (line === '' || line.includes(':')) continue
      data.push({ text: line, line: i })
    }
    const base = { encoding: 'pem' as const, pemLabel: label, der: empty() }
    if (/PRIVATE KEY/.test(label)) {
      chunks.push({ ...base, privateKey: true })
      continue
    }
    if (endLabel === undefined) {
      const message = `PEM block ${n} (${label}) that begins at line ${beginLine} has no -----END ${label}----- line`
      chunks.push({ ...base, error: { code: 'bad-pem', message } })
      continue
    }
    if (endLabel !== label) {
      const message = `PEM block ${n} begins with BEGIN ${label} (line ${beginLine}) but ends with END ${endLabel} (line ${i})`
      chunks.push({ ...base, error: { code: 'bad-pem', message } })
      continue
    }
    const joined = data.map((d) => d.text).join('')
    if (joined === '') {
      chunks.push({
        ...base,
        error: { code: 'bad-pem', message: `PEM block ${n} (${label}) at line ${beginLine} is empty` },
      })
      continue
    }
    const decoded = decodeBase64(joined)
    if (!decoded.ok) {
      let at = decoded.at
      const where = data.find((d) => (at < d.text.length ? true : ((at -= d.text.length), false)))
      const position = where ? `line ${where.line}, column ${at + 1}` : `line ${beginLine}`
      const message = `the base64 of PEM block ${n} (${label}) is corrupt at ${position}: ${decoded.why}`
      chunks.push({ ...base, error: { code: 'bad-pem', message } })
      continue
    }
    chunks.push({ ...base, der: decoded.bytes })
  }
  return chunks
}

/** Split one input into DER chunks. Never throws. */
export function decodeInput(bytes: Uint8Array): Chunk[] {
  const fail = (error: PkiError): Chunk[] => [{ encoding: 'der', der: empty(), error }]
  if (bytes.length === 0) return fail({ code: 'empty', message: 'empty input: no bytes to read' })
  if (bytes.length > maxInputBytes) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    return fail({
      code: 'too-large',
      message: `too large: ${mb} MiB (${bytes.length} bytes) is above the ${maxInputBytes / 1024 / 1024} MiB limit, not parsed`,
    })
  }
  const textual = isText(bytes)
  // PEM blocks anywhere, in any file (RFC 7468 section 2: text before and after is allowed), such
  // as `openssl x509 -text` output whose UTF-8 names make it non-ASCII; but a binary DER object is
  // read as DER even if a string inside it quotes a BEGIN line.
  if (textual || bytes[0] !== 0x30) {
    const chunks = hasPemBegin(bytes) ? splitPem(latin1(bytes)) : []
    if (chunks.length) return chunks
  }
  if (textual) {
    const text = latin1(bytes)
    const compact = text.replace(/\s+/g, '')
    if (compact === '') return fail({ code: 'empty', message: 'empty input: only whitespace' })
    // base64 of DER starts with "M" (0x30); text starting with "0" (0x30) is better read as DER.
    if (bytes[0] !== 0x30) {
      const decoded = decodeBase64(compact)
      if (decoded.ok && decoded.bytes.length > 0) return [{ encoding: 'base64', der: decoded.bytes }]
      const why = decoded.ok ? 'it decodes to nothing' : decoded.why
      return fail({
        code: 'bad-base64',
        message: `not DER, PEM or base64: text without a -----BEGIN line, and not base64 (${why})`,
      })
    }
  }
  if (bytes[0] !== 0x30) return fail(notRecognised(bytes))
  // A copy we own (node's Buffer.slice would be a view into a shared pool).
  return [{ encoding: 'der', der: new Uint8Array(bytes) }]
}
