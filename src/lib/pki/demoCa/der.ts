/**
 * A small DER writer (ITU-T X.690 section 10) for the structures the demo CA and the request
 * builder make: certificates (RFC 5280) and OCSP requests and responses (RFC 6960).
 *
 * Why our own instead of pkijs: nothing else in src/ ships pkijs (the parser reads DER itself, see
 * src/lib/pki/index.ts), so the demo CA would be its only user and would pull about 85 kB gzip of
 * pkijs + asn1js for a handful of SEQUENCEs. Writing the bytes ourselves also gives exact control
 * where libraries choose for us: UTCTime before 2050 (RFC 5280 4.1.2.5), no fractional seconds in
 * GeneralizedTime (RFC 5280 4.1.2.5.2), minimal named-bit BIT STRINGs (X.690 11.2.2), and the exact
 * TLS Feature bytes 30 03 02 01 05 (RFC 7633). The tests check every object with openssl and pkijs.
 *
 * Every function returns a whole element (tag, length, contents) as a fresh Uint8Array.
 */

export type Der = Uint8Array<ArrayBuffer>

const empty = (): Der => new Uint8Array(0)

export function concat(parts: readonly Uint8Array[]): Der {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** X.690 8.1.3: short form below 128, else the long form with the fewest length bytes. */
function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

/** One element with a single identifier octet (every tag we write is below 31). */
export function tlv(tag: number, content: Uint8Array): Der {
  return concat([Uint8Array.of(tag, ...lengthOctets(content.length)), content])
}

/** Items that are `undefined` are left out, which is how OPTIONAL and DEFAULT fields are written. */
export function sequence(...items: (Uint8Array | undefined)[]): Der {
  return tlv(0x30, concat(items.filter((i): i is Uint8Array => i !== undefined)))
}

export function set(...items: Uint8Array[]): Der {
  return tlv(0x31, concat(items))
}

/**
 * A non-negative INTEGER from a number or from big-endian magnitude bytes: leading zero bytes
 * dropped, one 00 added when the top bit is set (X.690 8.3.2, the value stays positive).
 */
export function integer(value: number | Uint8Array): Der {
  let bytes: number[]
  if (typeof value === 'number') {
    bytes = []
    for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  } else {
    bytes = [...value]
    while (bytes.length > 0 && bytes[0] === 0) bytes.shift()
  }
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0)
  return tlv(0x02, Uint8Array.from(bytes))
}

export function enumerated(value: number): Der {
  return tlv(0x0a, integer(value).subarray(2))
}

export function boolean(value: boolean): Der {
  return tlv(0x01, Uint8Array.of(value ? 0xff : 0x00))
}

export function nullValue(): Der {
  return tlv(0x05, empty())
}

/** X.690 8.19: the first two arcs share one subidentifier; each subidentifier is base 128. */
export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map((a) => BigInt(a))
  const subidentifiers = [arcs[0] * 40n + arcs[1], ...arcs.slice(2)]
  const out: number[] = []
  for (const sub of subidentifiers) {
    const digits = [Number(sub & 0x7fn)]
    for (let v = sub >> 7n; v > 0n; v >>= 7n) digits.unshift(Number(v & 0x7fn) | 0x80)
    out.push(...digits)
  }
  return tlv(0x06, Uint8Array.from(out))
}

export function octetString(content: Uint8Array): Der {
  return tlv(0x04, content)
}

export function bitString(content: Uint8Array, unusedBits = 0): Der {
  return tlv(0x03, concat([Uint8Array.of(unusedBits), content]))
}

/**
 * A named-bit BIT STRING (KeyUsage) from bit numbers (0 = the leftmost bit). X.690 11.2.2: DER
 * drops trailing zero bits, so the unused-bits count is set by the highest bit present.
 */
export function namedBits(bits: readonly number[]): Der {
  if (bits.length === 0) return bitString(empty())
  const highest = Math.max(...bits)
  const bytes = new Uint8Array((highest >> 3) + 1)
  for (const b of bits) bytes[b >> 3] |= 0x80 >> (b & 7)
  return bitString(bytes, 7 - (highest & 7))
}

/** The bytes of an ASCII string, for IA5String contents under an IMPLICIT tag (dNSName, URI). */
export function ascii(s: string): Der {
  return new TextEncoder().encode(s) as Der
}

export function utf8String(s: string): Der {
  return tlv(0x0c, ascii(s))
}

export function printableString(s: string): Der {
  return tlv(0x13, ascii(s))
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function timeDigits(d: Date): string {
  return (
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds())
  )
}

/** YYYYMMDDHHMMSSZ, whole seconds only (RFC 5280 4.1.2.5.2, and RFC 6960 uses it for every time). */
export function generalizedTime(d: Date): Der {
  return tlv(0x18, ascii(`${pad(d.getUTCFullYear(), 4)}${timeDigits(d)}Z`))
}

export function utcTime(d: Date): Der {
  return tlv(0x17, ascii(`${pad(d.getUTCFullYear() % 100)}${timeDigits(d)}Z`))
}

/** RFC 5280 4.1.2.5: certificate validity in UTCTime through 2049, GeneralizedTime from 2050. */
export function certificateTime(d: Date): Der {
  return d.getUTCFullYear() < 2050 ? utcTime(d) : generalizedTime(d)
}

/** [n] EXPLICIT: a constructed context-specific element around one whole element. */
export function explicit(n: number, inner: Uint8Array): Der {
  return tlv(0xa0 | n, inner)
}

/** [n] IMPLICIT on a primitive type: the contents keep, the tag changes (GeneralName's dNSName...). */
export function implicitPrimitive(n: number, content: Uint8Array): Der {
  return tlv(0x80 | n, content)
}

/** [n] IMPLICIT on a constructed type (SEQUENCE): its contents under a constructed context tag. */
export function implicitConstructed(n: number, content: Uint8Array): Der {
  return tlv(0xa0 | n, content)
}

/** The header of the element at `offset` in DER we wrote or already checked (no bounds errors here). */
export function elementAt(
  der: Uint8Array,
  offset: number,
): { tag: number; contentStart: number; end: number } {
  const tag = der[offset]
  let length = der[offset + 1]
  let contentStart = offset + 2
  if (length & 0x80) {
    const count = length & 0x7f
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + der[offset + 2 + i]
    contentStart += count
  }
  return { tag, contentStart, end: contentStart + length }
}

export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

export function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** RFC 7468 textual encoding: 64 characters a line, LF line ends, a final newline. */
export function toPem(der: Uint8Array, label: string): string {
  const lines = base64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
