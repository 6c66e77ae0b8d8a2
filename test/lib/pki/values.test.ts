/**
 * The primitive decoders, held to X.690 and RFC 5280 over any input fast-check makes: any OID arc
 * length, any date, any INTEGER.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeOid,
  fromHex,
  integerHex,
  maxOidArcBytes,
  maxOidBytes,
  readTime,
  shownHex,
  toHex,
} from '../../../src/lib/pki/values.ts'

/** An arc as base-128 digits, high bit on all but the last (X.690 8.19.2). */
function arc(value: bigint): number[] {
  const digits = [Number(value & 0x7fn)]
  for (let v = value >> 7n; v > 0n; v >>= 7n) digits.unshift(Number(v & 0x7fn) | 0x80)
  return digits
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

describe('OBJECT IDENTIFIER', () => {
  it('decodes any arc of up to 20 base-128 bytes exactly, and refuses a longer one', () => {
    expect(maxOidArcBytes).toBe(20)
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 161n) - 1n }), (value) => {
        const digits = arc(value)
        const oid = decodeOid(new Uint8Array([0x2b, ...digits]))
        if (digits.length <= maxOidArcBytes) expect(oid).toBe(`1.3.${value}`)
        else expect(oid).toBeUndefined()
      }),
    )
  })

  it('reads every UUID OID (2.25 and a 128-bit integer, ITU-T X.667), the largest in 19 bytes', () => {
    // `openssl asn1parse -genstr OID:2.25.329800735698586629295641978511506172918` (X.667's example)
    const example = '6983f09da7ebcfdee0c7a1a7b2c0948cc8f9d776'
    expect(decodeOid(fromHex(example))).toBe('2.25.329800735698586629295641978511506172918')
    const largest = (1n << 128n) - 1n
    expect(arc(largest)).toHaveLength(19)
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: largest }), (uuid) => {
        expect(decodeOid(new Uint8Array([0x69, ...arc(uuid)]))).toBe(`2.25.${uuid}`)
      }),
    )
  })

  it('refuses any arc padded with a leading 0x80 (X.690 8.19.2) and any cut off mid-arc', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 60n }), (value) => {
        expect(decodeOid(new Uint8Array([0x2b, 0x80, ...arc(value)]))).toBeUndefined()
        expect(decodeOid(new Uint8Array([0x2b, ...arc(value), 0x81]))).toBeUndefined()
      }),
    )
  })

  it('reads OIDs up to 1 kB and refuses longer ones', () => {
    const ofBytes = (n: number) => new Uint8Array(n).fill(0x01).fill(0x2b, 0, 1)
    expect(decodeOid(ofBytes(maxOidBytes))?.split('.')).toHaveLength(maxOidBytes + 1)
    expect(decodeOid(ofBytes(maxOidBytes + 1))).toBeUndefined()
  })

  // How fast it is refused (3.5 s per 100 kB when every byte made a BigInt) is `npm run bench -- hostile`.
  it('a 200 kB arc is refused', () => {
    const huge = new Uint8Array(200_000).fill(0xff)
    huge[0] = 0x2b
    huge[huge.length - 1] = 0x7f
    expect(decodeOid(huge)).toBeUndefined()
  })
})

describe('UTCTime and GeneralizedTime', () => {
  const date = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
    })
    .map((d) => ({ ...d, exists: new Date(Date.UTC(2000, d.month, 0)).getUTCDate() >= d.day }))
    .map((d) => ({
      ...d,
      // 29 February only in leap years (the Gregorian rule, which proleptic ISO 8601 years follow).
      exists:
        d.exists &&
        !(d.month === 2 && d.day === 29 && !(d.year % 4 === 0 && (d.year % 100 !== 0 || d.year % 400 === 0))),
    }))

  it('reads any four-digit GeneralizedTime year, 0000 included, and refuses days that do not exist', () => {
    fc.assert(
      fc.property(date, (d) => {
        const text = `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}${pad(d.hour, 2)}${pad(d.minute, 2)}${pad(d.second, 2)}Z`
        const read = readTime(24, new TextEncoder().encode(text))
        if (!d.exists) {
          expect(read).toBeUndefined()
          return
        }
        expect(read).toEqual({
          iso: `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}T${pad(d.hour, 2)}:${pad(d.minute, 2)}:${pad(d.second, 2)}Z`,
          withoutSeconds: false,
        })
      }),
    )
  })

  it('reads UTCTime with or without seconds (RFC 5280 4.1.2.5.1: YY 50-99 are 19xx), and says which', () => {
    fc.assert(
      fc.property(date, fc.boolean(), (d, seconds) => {
        const yy = d.year % 100
        const text = `${pad(yy, 2)}${pad(d.month, 2)}${pad(d.day, 2)}${pad(d.hour, 2)}${pad(d.minute, 2)}${seconds ? pad(d.second, 2) : ''}Z`
        const year = yy >= 50 ? 1900 + yy : 2000 + yy
        const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
        const exists =
          new Date(Date.UTC(2000, d.month, 0)).getUTCDate() >= d.day &&
          !(d.month === 2 && d.day === 29 && !leap)
        const read = readTime(23, new TextEncoder().encode(text))
        if (!exists) {
          expect(read).toBeUndefined()
          return
        }
        expect(read?.iso).toBe(
          `${year}-${pad(d.month, 2)}-${pad(d.day, 2)}T${pad(d.hour, 2)}:${pad(d.minute, 2)}:${pad(seconds ? d.second : 0, 2)}Z`,
        )
        expect(read?.withoutSeconds).toBe(!seconds)
      }),
    )
  })

  it('refuses second 60, hour 24, minute 60 and 31 February rather than rolling them over', () => {
    for (const text of [
      '20261101000060Z',
      '20261101240000Z',
      '20261101006000Z',
      '20270231000000Z',
      '20270229000000Z',
    ])
      expect(readTime(24, new TextEncoder().encode(text)), text).toBeUndefined()
    expect(readTime(24, new TextEncoder().encode('20280229000000Z'))?.iso).toBe('2028-02-29T00:00:00Z')
  })
})

describe('INTEGER', () => {
  /** The minimal two's complement DER content of n (X.690 8.3.2). */
  function der(n: bigint): Uint8Array {
    const bytes: number[] = []
    let v = n
    for (;;) {
      bytes.unshift(Number(v & 0xffn))
      v >>= 8n
      if ((v === 0n && !(bytes[0] & 0x80)) || (v === -1n && bytes[0] & 0x80)) break
    }
    return new Uint8Array(bytes)
  }

  it('shows any value as openssl does: its magnitude in whole bytes, after a minus sign when negative', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }), (n) => {
        const magnitude = n < 0n ? -n : n
        let hex = magnitude.toString(16)
        if (hex.length % 2) hex = `0${hex}`
        expect(integerHex(der(n))).toBe(n < 0n ? `-${hex}` : hex)
      }),
    )
    expect(integerHex(new Uint8Array([0xfb, 0xce, 0x99, 0x6c, 0x13]))).toBe('-04316693ed')
  })

  it('a long value is shown cut, with its length; a 20-byte serial is shown whole', () => {
    expect(shownHex('ab'.repeat(20))).toBe('ab'.repeat(20))
    expect(shownHex('5a'.repeat(1_000_000))).toBe(`${'5a'.repeat(16)}… (1000000 bytes)`)
    expect(shownHex(`-${'5a'.repeat(100)}`)).toBe(`-${'5a'.repeat(16)}… (100 bytes)`)
  })

  it('toHex is lowercase hex of every byte, short or long', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'))
      }),
    )
  })
})
