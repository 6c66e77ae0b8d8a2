/**
 * The text of the ASN.1 string types a Name's values use (RFC 5280 4.1.2.4 DirectoryString, plus
 * IA5String for emailAddress and the older 8-bit types), decoded strictly: bytes that are not a
 * valid encoding of their type come back as a problem naming the byte, never as replacement
 * characters or guessed text.
 */
import { toHex } from './values.ts'

export type StringTypeName =
  | 'UTF8String'
  | 'NumericString'
  | 'PrintableString'
  | 'TeletexString'
  | 'IA5String'
  | 'GraphicString'
  | 'VisibleString'
  | 'GeneralString'
  | 'UniversalString'
  | 'BMPString'

/** X.680 universal tag numbers of the string types. */
export const stringTypes: Partial<Record<number, StringTypeName>> = {
  12: 'UTF8String',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  25: 'GraphicString',
  26: 'VisibleString',
  27: 'GeneralString',
  28: 'UniversalString',
  30: 'BMPString',
}

export type DecodedString = { ok: true; text: string } | { ok: false; problem: string }

const hexByte = (b: number) => b.toString(16).toUpperCase().padStart(2, '0')
const codePoint = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0')

/** The decoded text of a universal string type; undefined when the tag is not a string type. */
export function decodeDirectoryString(tagNumber: number, content: Uint8Array): DecodedString | undefined {
  const type = stringTypes[tagNumber]
  switch (type) {
    case undefined:
      return undefined
    case 'UTF8String':
      return utf8(content)
    case 'BMPString':
      return bmp(content)
    case 'UniversalString':
      return universal(content)
    // Teletex (T.61) is read as Latin-1, as OpenSSL does (crypto/asn1/a_strex.c, do_buf: one byte is
    // one character); so are the 8-bit GraphicString and GeneralString. Every byte is some character.
    case 'TeletexString':
    case 'GraphicString':
    case 'GeneralString':
      return { ok: true, text: latin1(content) }
    default:
      return ascii(type, content)
  }
}

function latin1(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

/**
 * PrintableString, IA5String, VisibleString and NumericString are 7-bit: a byte above 7F has no
 * meaning in them (which 8-bit charset would it be?), so it is a problem, not a guess. Characters
 * outside PrintableString's own set (X.680 41.4), such as "@", "&" or "*", are shown as they are:
 * CAs have written them for decades and OpenSSL and browsers read them as ASCII.
 */
function ascii(type: StringTypeName, bytes: Uint8Array): DecodedString {
  const at = bytes.findIndex((b) => b > 0x7f)
  if (at >= 0)
    return { ok: false, problem: `${type} holds byte ${hexByte(bytes[at])} at offset ${at}, outside ASCII` }
  return { ok: true, text: latin1(bytes) }
}

/** RFC 3629 section 4: well-formed UTF-8 only (no overlong forms, no surrogates, at most U+10FFFF). */
function utf8(bytes: Uint8Array): DecodedString {
  let text = ''
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const [length, min] =
      b < 0x80
        ? [1, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80]
          : b >= 0xe0 && b <= 0xef
            ? [3, 0x800]
            : b >= 0xf0 && b <= 0xf4
              ? [4, 0x10000]
              : [0, 0]
    let cp = length === 1 ? b : length ? b & (0xff >> (length + 1)) : -1
    for (let k = 1; k < length && cp >= 0; k++) {
      const c = bytes[i + k]
      cp = c !== undefined && (c & 0xc0) === 0x80 ? (cp << 6) | (c & 0x3f) : -1
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      const shown = toHex(bytes.subarray(i, i + Math.max(length, 1))).toUpperCase()
      return { ok: false, problem: `UTF8String is not valid UTF-8 at offset ${i} (${shown})` }
    }
    text += String.fromCodePoint(cp)
    i += length
  }
  return { ok: true, text }
}

/** BMPString: UCS-2 big-endian (X.680 41.16), two bytes per character, no surrogates. */
function bmp(bytes: Uint8Array): DecodedString {
  if (bytes.length % 2)
    return { ok: false, problem: `BMPString has ${bytes.length} bytes, not whole 2-byte characters` }
  let text = ''
  for (let i = 0; i < bytes.length; i += 2) {
    const unit = (bytes[i] << 8) | bytes[i + 1]
    if (unit >= 0xd800 && unit <= 0xdfff)
      return {
        ok: false,
        problem: `BMPString holds ${codePoint(unit)} at offset ${i}, a UTF-16 surrogate, not a UCS-2 character`,
      }
    text += String.fromCharCode(unit)
  }
  return { ok: true, text }
}

/** UniversalString: UCS-4 big-endian (X.680 41.16), four bytes per character. */
function universal(bytes: Uint8Array): DecodedString {
  if (bytes.length % 4)
    return { ok: false, problem: `UniversalString has ${bytes.length} bytes, not whole 4-byte characters` }
  let text = ''
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return {
        ok: false,
        problem: `UniversalString holds ${codePoint(cp)} at offset ${i}, not a Unicode character`,
      }
    text += String.fromCodePoint(cp)
  }
  return { ok: true, text }
}
