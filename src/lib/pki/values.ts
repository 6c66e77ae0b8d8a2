/**
 * Decoding of DER primitive values (X.690 section 8) into the plain strings our models carry:
 * lowercase hex, dotted OIDs, ISO 8601 UTC times, text.
 */

const hexDigits = new TextEncoder().encode('0123456789abcdef')
const ascii = new TextDecoder('latin1')

/**
 * Lowercase hex, written as ASCII bytes and decoded once: `+=` per byte took about 1 s for a
 * 1 MB serial here, this about 5 ms.
 */
export function toHex(bytes: Uint8Array): string {
  if (bytes.length < 64) {
    let s = ''
    for (const b of bytes) s += String.fromCharCode(hexDigits[b >> 4], hexDigits[b & 15])
    return s
  }
  const out = new Uint8Array(bytes.length * 2)
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = hexDigits[bytes[i] >> 4]
    out[2 * i + 1] = hexDigits[bytes[i] & 15]
  }
  return ascii.decode(out)
}

/** Hex of the first `keep` bytes and the length: "3082…(1024 bytes)", for values too long to show. */
export function shortHex(bytes: Uint8Array, keep = 24): string {
  const hex = toHex(bytes.subarray(0, keep))
  return bytes.length > keep ? `${hex}… (${bytes.length} bytes)` : `${hex} (${bytes.length} bytes)`
}

/**
 * Longest hex value (in bytes) the summary and the cards show in full. A real serial is at most
 * 20 bytes (RFC 5280 4.1.2.2) and a hash 64; a hostile 1 MB serial is cut to its first bytes and
 * its length, "… (N bytes)", and the whole value stays in the ASN.1 view and the hex dump.
 */
const maxShownBytes = 64

/**
 * A model's hex string (a serial, "-04316693ed" too) as shown: whole up to maxShownBytes, else its
 * first 16 bytes and its length. `separator` goes between bytes (":" on the page), never after the sign.
 */
export function shownHex(hex: string, separator = ''): string {
  const sign = hex.startsWith('-') ? '-' : ''
  const digits = hex.slice(sign.length)
  const cut = digits.length > maxShownBytes * 2
  const shown = cut ? digits.slice(0, 32) : digits
  const bytes = (shown.match(/../g) ?? [shown]).join(separator)
  return `${sign}${bytes}${cut ? `… (${Math.ceil(digits.length / 2)} bytes)` : ''}`
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

/**
 * The INTEGER's value as lowercase hex without leading zero bytes (a serial number's usual form).
 * A negative value (two's complement, X.690 8.3.3) is its magnitude after a minus sign, the way
 * openssl's i2a_ASN1_INTEGER prints it ("-04316693ed"), so it cannot pass for a positive one.
 */
export function integerHex(content: Uint8Array): string {
  if (content.length > 0 && content[0] & 0x80) return `-${toHex(magnitude(content))}`
  let i = 0
  while (i < content.length - 1 && content[i] === 0) i++
  return toHex(content.subarray(i))
}

/** True when a DER INTEGER's content is negative (its top bit is set). */
export function isNegativeInteger(content: Uint8Array): boolean {
  return content.length > 0 && (content[0] & 0x80) !== 0
}

/** |value| of a negative two's complement INTEGER, in the fewest bytes. */
function magnitude(content: Uint8Array): Uint8Array {
  const out = new Uint8Array(content.length)
  let carry = 1
  for (let i = content.length - 1; i >= 0; i--) {
    const v = (~content[i] & 0xff) + carry
    out[i] = v & 0xff
    carry = v >> 8
  }
  let i = 0
  while (i < out.length - 1 && out[i] === 0) i++
  return out.subarray(i)
}

/** A small INTEGER or ENUMERATED as a number (two's complement), or undefined when above 2^48. */
export function integerValue(content: Uint8Array): number | undefined {
  if (content.length === 0 || content.length > 6) return undefined
  let v = content[0] & 0x80 ? -1 : 0
  for (const b of content) v = v * 256 + b
  return v
}

/**
 * Bounds on an OBJECT IDENTIFIER we decode. The longest real arc is a UUID under 2.25 (ITU-T X.667:
 * a 128-bit integer, 19 base-128 bytes at most; the longest in OpenSSL's objects.txt need 4): 20
 * bytes leaves it room. An arc is summed as one small BigInt; a BigInt per byte made one 100 kB arc
 * take 3.5 s (quadratic). Past these bounds the OID is invalid and shown as hex.
 */
export const maxOidArcBytes = 20
export const maxOidBytes = 1024

/** Why an OID's content is refused, for messages: its first bytes and the limits. */
export function invalidOidText(content: Uint8Array): string {
  return `${shortHex(content)}; an arc over ${maxOidArcBytes} bytes or an OID over ${maxOidBytes} bytes is refused`
}

/**
 * The dotted form of an OID's content, or undefined when it is not a valid DER OID: empty, cut off
 * mid-arc, an arc padded with a leading 0x80 (X.690 8.19.2), or past maxOidArcBytes/maxOidBytes.
 */
export function decodeOid(content: Uint8Array): string | undefined {
  if (content.length === 0 || content.length > maxOidBytes || content[content.length - 1] & 0x80)
    return undefined
  const arcs: string[] = []
  let start = 0
  for (let i = 0; i < content.length; i++) {
    if (content[i] & 0x80) {
      if (i === start && content[i] === 0x80) return undefined
      if (i - start + 1 >= maxOidArcBytes) return undefined
      continue
    }
    // One arc: at most maxOidArcBytes base-128 digits, so a small bigint sum is cheap and stays linear.
    let v = 0n
    for (let j = start; j <= i; j++) v = (v << 7n) | BigInt(content[j] & 0x7f)
    if (start === 0) {
      // X.690 8.19.4: the first subidentifier packs the first two arcs.
      if (v < 40n) arcs.push('0', v.toString())
      else if (v < 80n) arcs.push('1', (v - 40n).toString())
      else arcs.push('2', (v - 80n).toString())
    } else arcs.push(v.toString())
    start = i + 1
  }
  return arcs.join('.')
}

function digits(s: string, from: number, count: number): number {
  const part = s.slice(from, from + count)
  return /^\d+$/.test(part) && part.length === count ? Number(part) : NaN
}

/** A time as read from DER, with what RFC 5280 4.1.2.5 would object to in its encoding. */
export interface TimeReading {
  /** ISO 8601 UTC with seconds precision. */
  iso: string
  /** No seconds (YYMMDDHHMMZ): X.680 allows it, RFC 5280 4.1.2.5.1/4.1.2.5.2 and DER (X.690 11.7.2, 11.8.2) do not. */
  withoutSeconds: boolean
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(2000, month, 0)).getUTCDate() -
  (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0)

/**
 * UTCTime (tag 23) or GeneralizedTime (24), strictly: RFC 5280 4.1.2.5 UTCTime years 50-99 are
 * 19xx; both end in Z; fractional seconds are dropped. A date that does not exist (31 February,
 * second 60, hour 24) is undefined, never rolled into the next day. Any four-digit year works,
 * 0000 included (Date.UTC alone maps years 0-99 to 19xx).
 */
export function readTime(tagNumber: number, content: Uint8Array): TimeReading | undefined {
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
  const withSeconds = /^\d\d/.test(tail)
  if (withSeconds) {
    second = digits(tail, 0, 2)
    tail = tail.slice(2)
  }
  // X.680 lets only GeneralizedTime carry fractions, and only after the seconds.
  if (tagNumber === 24 && withSeconds) tail = tail.replace(/^[.,]\d+/, '')
  if (tail !== 'Z' || [year, month, day, hour, minute, second].some(Number.isNaN)) return undefined
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second))
  date.setUTCFullYear(year)
  return { iso: isoSeconds(date), withoutSeconds: !withSeconds }
}

/** The time as ISO 8601 UTC (see readTime), or undefined when it is not a valid time. */
export function decodeTime(tagNumber: number, content: Uint8Array): string | undefined {
  return readTime(tagNumber, content)?.iso
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Bytes as the string of the same code units (ISO 8859-1), converted natively a slice at a time. */
export function latin1(bytes: Uint8Array): string {
  let s = ''
  for (let at = 0; at < bytes.length; at += latin1Slice)
    s += String.fromCharCode.apply(null, bytes.subarray(at, at + latin1Slice) as unknown as number[])
  return s
}
/** Well under every engine's limit on a call's arguments. */
const latin1Slice = 8192

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
