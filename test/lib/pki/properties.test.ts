/**
 * Whatever the bytes, inspectBytes gives values: mutated and truncated DER of real fixtures
 * (bit flips, byte deletions, insertions, truncation at every length) never throws and never hangs.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkOcspResponse,
  inspectBytes,
  parseAsn1Tree,
  type InspectedObject,
} from '../../../src/lib/pki/index.ts'
import { fixture } from './helpers.ts'

const seeds = {
  certificate: fixture('certs/leaf-ecdsa.der'),
  response: fixture('ocsp/resp-good-delegated-byname.der'),
  request: fixture('ocsp/req-sha256-nonce.der'),
}

function wellFormed(objects: InspectedObject[]): void {
  expect(objects.length).toBeGreaterThan(0)
  for (const o of objects) {
    if (!o.result.ok) {
      expect(o.result.error.message).not.toMatch(/\n/)
      expect(o.result.error.message.length).toBeGreaterThan(0)
    }
  }
}

const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(length - 1), bit: fc.nat(7) }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(length - 1),
      count: fc.integer({ min: 1, max: 8 }),
    }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(length), byte: fc.nat(255) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(length - 1), byte: fc.nat(255) }),
  )

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'insert'; at: number; byte: number }
  | { kind: 'set'; at: number; byte: number }

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const out = Array.from(bytes)
  if (m.kind === 'flip') out[m.at] ^= 1 << m.bit
  else if (m.kind === 'set') out[m.at] = m.byte
  else if (m.kind === 'delete') out.splice(m.at, m.count)
  else out.splice(m.at, 0, m.byte)
  return new Uint8Array(out)
}

describe('inspectBytes on mutated real objects', () => {
  for (const [name, seed] of Object.entries(seeds)) {
    it(`${name}: up to 4 mutations give a result or an error value, never a throw`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation(seed.length), { minLength: 1, maxLength: 4 }), async (ms) => {
          let bytes: Uint8Array = seed
          for (const m of ms)
            bytes = bytes.length ? apply(bytes, m.at < bytes.length ? m : { ...m, at: 0 }) : bytes
          wellFormed(await inspectBytes('mutant', bytes))
          expect(() => parseAsn1Tree(bytes)).not.toThrow()
        }),
        { numRuns: 150 },
      )
    })
  }

  it('a certificate truncated at every length is an error naming a byte, or (at full length) a certificate', async () => {
    const der = seeds.certificate
    for (let n = 0; n <= der.length; n++) {
      const [obj] = await inspectBytes('cut', der.subarray(0, n))
      if (n === der.length) expect(obj.result.ok).toBe(true)
      else {
        expect(obj.result.ok).toBe(false)
        if (!obj.result.ok && n > 0) expect(obj.result.error.message).toMatch(/byte \d+/)
      }
    }
  })

  it('arbitrary bytes, text and PEM-looking text never throw', async () => {
    const pemish = fc
      .tuple(fc.constantFrom('CERTIFICATE', 'OCSP RESPONSE', 'X'), fc.string({ maxLength: 200 }))
      .map(([label, body]) =>
        new TextEncoder().encode(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`),
      )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          pemish,
          fc.string().map((s) => new TextEncoder().encode(s)),
        ),
        async (bytes) => {
          wellFormed(await inspectBytes('any', bytes))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('checkOcspResponse on a mutated response returns checks, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(seeds.response.length), async (m) => {
        const checks = await checkOcspResponse({
          at: new Date('2026-11-25T00:00:00Z'),
          responseDer: apply(seeds.response, m),
          issuerDer: fixture('certs/intermediate.der'),
        })
        expect(checks.length).toBeGreaterThan(0)
      }),
      { numRuns: 60 },
    )
  })
})
