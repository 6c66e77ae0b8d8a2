/**
 * Decoding of DER primitive values (X.690 section 8) into the plain strings our models carry:
 * lowercase hex, dotted OIDs, ISO 8601 UTC times, text.
 */

export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

/** Byte-for-byte equality: the one comparison of DER the chain, the request builder and the page use. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** The INTEGER's value as lowercase hex without leading zero bytes (a serial number's usual form). */
export function integerHex(content: Uint8Array): string {
  let i = 0
  while (i < content.length - 1 && content[i] === 0) i++
  return toHex(content.subarray(i))
}

/** A small INTEGER or ENUMERATED as a number (two's complement), or undefined when above 2^48. */
export function integerValue(content: Uint8Array): number | undefined {
  if (content.length === 0 || content.length > 6) return undefined
  let v = content[0] & 0x80 ? -1 : 0
  for (const b of content) v = v * 256 + b
  return v
}

export function decodeOid(content: Uint8Array): string | undefined {
  if (content.length === 0 || content[content.length - 1] & 0x80) return undefined
  const arcs: string[] = []
  let v = 0n
  let first = true
  for (const b of content) {
    v = (v << 7n) | BigInt(b & 0x7f)
    if (b & 0x80) continue
    if (first) {
      // X.690 8.19.4: the first subidentifier packs the first two arcs.
      if (v < 40n) arcs.push('0', v.toString())
      else if (v < 80n) arcs.push('1', (v - 40n).toString())
      else arcs.push('2', (v - 80n).toString())
      first = false
    } else arcs.push(v.toString())
    v = 0n
  }
  return arcs.join('.')
}

function digits(s: string, from: number, count: number): number {
  const part = s.slice(from, from + count)
  return /^\d+$/.test(part) && part.length === count ? Number(part) : NaN
}

/**
 * UTCTime (tag 23) or GeneralizedTime (24) as ISO 8601 UTC with seconds precision. RFC 5280
 * 4.1.2.5: UTCTime years 50-99 are 19xx; both end in Z. Fractional seconds are dropped.
 */
export function decodeTime(tagNumber: number, content: Uint8Array): string | undefined {
  const s = latin1(content)
  let year: number
  let rest: string
  if (tagNumber === 23) {
    const yy = digits(s, 0, 2)
    year = yy >= 50 ? 1900 + yy : 2000 + yy
    rest = s.slice(2)
  } else if (tagNumber === 24) {
    year = digits(s, 0, 4)
    rest = s.slice(4)
  } else return undefined
  const month = digits(rest, 0, 2)
  const day = digits(rest, 2, 2)
  const hour = digits(rest, 4, 2)
  const minute = digits(rest, 6, 2)
  let second = 0
  let tail = rest.slice(8)
  if (/^\d\d/.test(tail)) {
    second = digits(tail, 0, 2)
    tail = tail.slice(2)
  }
  tail = tail.replace(/^[.,]\d+/, '')
  if (tail !== 'Z' || [year, month, day, hour, minute, second].some(Number.isNaN)) return undefined
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return undefined
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  return isoSeconds(new Date(ms))
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function latin1(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

export const universalTagNames: Record<number, string> = {
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  10: 'ENUMERATED',
  12: 'UTF8String',
  16: 'SEQUENCE',
  17: 'SET',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  23: 'UTCTime',
  24: 'GeneralizedTime',
  25: 'GraphicString',
  26: 'VisibleString',
  27: 'GeneralString',
  28: 'UniversalString',
  30: 'BMPString',
}
