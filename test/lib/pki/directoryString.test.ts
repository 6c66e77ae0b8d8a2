/**
 * Strict decoding of the string types a Name uses: text when the bytes are a valid encoding of
 * their type, otherwise a problem that names the offending byte, never replacement characters.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeDirectoryString } from '../../../src/lib/pki/directoryString.ts'

const UTF8 = 12
const PRINTABLE = 19
const TELETEX = 20
const IA5 = 22
const UNIVERSAL = 28
const BMP = 30

const bytes = (...b: number[]) => new Uint8Array(b)
const utf16be = (text: string) =>
  bytes(...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]))

describe('decodeDirectoryString', () => {
  it('reads each type in its own encoding', () => {
    expect(decodeDirectoryString(UTF8, new TextEncoder().encode('Zürich 東京'))).toEqual({
      ok: true,
      text: 'Zürich 東京',
    })
    expect(decodeDirectoryString(PRINTABLE, bytes(0x41, 0x20, 0x31))).toEqual({ ok: true, text: 'A 1' })
    expect(decodeDirectoryString(IA5, bytes(0x61, 0x40, 0x62))).toEqual({ ok: true, text: 'a@b' })
    // T.61 read as Latin-1, as openssl does: FC is ü.
    expect(decodeDirectoryString(TELETEX, bytes(0x5a, 0xfc))).toEqual({ ok: true, text: 'Zü' })
    expect(decodeDirectoryString(BMP, utf16be('東京'))).toEqual({ ok: true, text: '東京' })
    expect(decodeDirectoryString(UNIVERSAL, bytes(0, 1, 0xf6, 0x00))).toEqual({ ok: true, text: '😀' })
  })

  it('is not a string type for INTEGER, SEQUENCE or OCTET STRING', () => {
    for (const tag of [2, 4, 16]) expect(decodeDirectoryString(tag, bytes(0x41))).toBeUndefined()
  })

  it.each([
    [UTF8, bytes(0x5a, 0xc3, 0x28), 'UTF8String is not valid UTF-8 at offset 1 (C328)'],
    [UTF8, bytes(0xc0, 0xaf), 'UTF8String is not valid UTF-8 at offset 0 (C0)'], // overlong "/"
    [UTF8, bytes(0x41, 0xed, 0xa0, 0x80), 'UTF8String is not valid UTF-8 at offset 1 (EDA080)'], // surrogate
    [UTF8, bytes(0xf4, 0x90, 0x80, 0x80), 'UTF8String is not valid UTF-8 at offset 0 (F4908080)'], // above 10FFFF
    [UTF8, bytes(0xe6, 0x9d), 'UTF8String is not valid UTF-8 at offset 0 (E69D)'], // cut short
    [PRINTABLE, bytes(0x5a, 0xfc), 'PrintableString holds byte FC at offset 1, outside ASCII'],
    [IA5, bytes(0x80), 'IA5String holds byte 80 at offset 0, outside ASCII'],
    [BMP, bytes(0x67, 0x71, 0x4e), 'BMPString has 3 bytes, not whole 2-byte characters'],
    [
      BMP,
      bytes(0, 0x41, 0xdc, 0),
      'BMPString holds DC00 at offset 2, a UTF-16 surrogate, not a UCS-2 character',
    ],
    [UNIVERSAL, bytes(0, 0, 0x41), 'UniversalString has 3 bytes, not whole 4-byte characters'],
    [UNIVERSAL, bytes(0, 0x11, 0, 0), 'UniversalString holds 110000 at offset 0, not a Unicode character'],
  ])('tag %i %o: says what is wrong and where', (tag, content, problem) => {
    expect(decodeDirectoryString(tag, content)).toEqual({ ok: false, problem })
  })

  it('accepts exactly the bytes that a strict UTF-8 decoder accepts, and reads them the same', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (content) => {
        let reference: string | undefined
        try {
          reference = strict.decode(content)
        } catch {
          reference = undefined
        }
        const ours = decodeDirectoryString(UTF8, content)
        expect(ours?.ok ? ours.text : undefined).toBe(reference)
      }),
      { numRuns: 3000 },
    )
  })

  it('reads back any text written as UTF-8 or UTF-32BE, and any BMP text as UTF-16BE', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const utf32 = bytes(
          ...[...text].flatMap((c) => {
            const cp = c.codePointAt(0) ?? 0
            return [cp >>> 24, (cp >> 16) & 0xff, (cp >> 8) & 0xff, cp & 0xff]
          }),
        )
        expect(decodeDirectoryString(UTF8, new TextEncoder().encode(text))).toEqual({ ok: true, text })
        expect(decodeDirectoryString(UNIVERSAL, utf32)).toEqual({ ok: true, text })
        if ([...text].every((c) => (c.codePointAt(0) ?? 0) <= 0xffff))
          expect(decodeDirectoryString(BMP, utf16be(text))).toEqual({ ok: true, text })
      }),
    )
  })
})
