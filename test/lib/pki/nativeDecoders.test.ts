import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64 } from '../../../src/lib/pki/pem.ts'
import { latin1 } from '../../../src/lib/pki/values.ts'

/**
 * Uint8Array.fromBase64 as the standard defines it (ECMA-262 2026, FromBase64, alphabet "base64",
 * lastChunkHandling "loose"), for input without whitespace: node 20 has none of its own. It throws
 * where the standard does, so a string the page would wrongly hand to the engine fails the test.
 */
function standardFromBase64(s: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new SyntaxError('not in the base64 alphabet')
  const body = s.replace(/=+$/, '')
  const padding = s.length - body.length
  if (body.length % 4 === 1) throw new SyntaxError('a lone character in the last chunk')
  if (padding > 0 && (body.length % 4) + padding !== 4)
    throw new SyntaxError('padding short of a whole chunk')
  return new Uint8Array(Buffer.from(body, 'base64'))
}

const base64ish = fc.string({
  unit: fc.constantFrom(...'ABCXYZabcxyz0189+/-_=. '.split('')),
  maxLength: 40,
})

describe('the engine decoders the reader hands work to', () => {
  it('decodes base64 natively exactly as its own loop does, and leaves the rest to the loop', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          base64ish,
          fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64')),
        ),
        (s) => {
          expect(decodeBase64(s, standardFromBase64)).toEqual(decodeBase64(s, undefined))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('keeps the loop for base64url and for padding short of a chunk, which the engine refuses', () => {
    expect(decodeBase64('_-8', standardFromBase64)).toEqual({ ok: true, bytes: new Uint8Array([0xff, 0xef]) })
    expect(decodeBase64('QQ=', standardFromBase64)).toEqual({ ok: true, bytes: new Uint8Array([0x41]) })
  })

  it('reads bytes as ISO 8859-1 code units, across the slices it converts at a time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
        expect(latin1(bytes)).toBe(Buffer.from(bytes).toString('latin1'))
      }),
      { numRuns: 200 },
    )
  })
})
