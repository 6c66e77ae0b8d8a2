/**
 * Bad input: each gives one error value whose one-line message names the problem and where,
 * never a throw and never a hang.
 */
import { describe, expect, it } from 'vitest'
import { inspectBytes, maxInputBytes, parseAsn1Tree, type PkiError } from '../../../src/lib/pki/index.ts'
import { fixture } from './helpers.ts'

async function errorOf(bytes: Uint8Array): Promise<PkiError> {
  const objects = await inspectBytes('bad', bytes)
  expect(objects).toHaveLength(1)
  const r = objects[0].result
  if (r.ok) throw new Error(`expected an error, got a ${r.value.kind}`)
  expect(r.error.message).not.toMatch(/\n/)
  return r.error
}

const ascii = (s: string) => new TextEncoder().encode(s)

function nested(depth: number): Uint8Array {
  // 10,000 SEQUENCEs, each with a definite length: 30 82 hi lo ...
  const out = new Uint8Array(depth * 4)
  for (let i = 0; i < depth; i++) {
    const len = (depth - i - 1) * 4
    out.set([0x30, 0x82, len >> 8, len & 0xff], i * 4)
  }
  return out
}

describe('errors name the problem and the byte', () => {
  it('empty input', async () => {
    expect(await errorOf(new Uint8Array(0))).toMatchObject({
      code: 'empty',
      message: expect.stringMatching(/empty/),
    })
  })

  it('whitespace only', async () => {
    expect((await errorOf(ascii('  \n\t\n'))).code).toBe('empty')
  })

  it('a length of 0x7fffffff is a clear error naming byte 1 and the data size', async () => {
    const bytes = new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00])
    const e = await errorOf(bytes)
    expect(e.code).toBe('not-der')
    expect(e.message).toBe(
      'not DER: the length at byte 1 (2147483647 bytes) runs past the end of the data (9 bytes)',
    )
    expect(e.offset).toBe(1)
  })

  it('a child longer than its SEQUENCE names the child and the enclosing end', async () => {
    const e = await errorOf(new Uint8Array([0x30, 0x03, 0x02, 0x05, 0x00, 0x01, 0x02, 0x03, 0x04]))
    expect(e.message).toBe(
      'not DER: the length at byte 3 (5 bytes) runs past its enclosing element at byte 5',
    )
  })

  it('10,000 nested SEQUENCEs fail fast on depth, before any recursion runs deep', async () => {
    const e = await errorOf(nested(10_000))
    expect(e.code).toBe('not-der')
    expect(e.message).toMatch(/nesting deeper than \d+ levels at byte \d+/)
    expect(parseAsn1Tree(nested(10_000)).ok).toBe(false)
  })

  it('the committed nested-10000 fixture too', async () => {
    expect((await errorOf(fixture('bad/nested-10000.der'))).message).toMatch(/nesting deeper/)
  })

  it('indefinite length is BER, not DER', async () => {
    const e = await errorOf(new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00]))
    expect(e.message).toBe('not DER: indefinite length at byte 1 (allowed in BER, not in DER)')
  })

  it('truncated certificate names the outer length', async () => {
    const e = await errorOf(fixture('certs/leaf-rsa.der').subarray(0, 100))
    expect(e.message).toMatch(
      /^not DER: the length at byte 1 \(\d+ bytes\) runs past the end of the data \(100 bytes\)$/,
    )
  })

  it('random bytes', async () => {
    const bytes = new Uint8Array(1024).map((_, i) => (i * 7919 + 13) % 251)
    expect((await errorOf(bytes)).message).toMatch(/^not DER, PEM or base64: .*starts with byte 0x0d/)
  })

  it('a PNG says it is a PNG', async () => {
    const e = await errorOf(fixture('bad/tiny.png'))
    expect(e.message).toBe(
      'not DER, PEM or base64: the data starts with 0x89 0x50 0x4e 0x47, the signature of a PNG image',
    )
  })

  it('corrupt PEM base64 names the block, line and column', async () => {
    const e = await errorOf(fixture('bad/corrupt-base64.pem'))
    expect(e.code).toBe('bad-pem')
    expect(e.message).toMatch(
      /^the base64 of PEM block 1 \(CERTIFICATE\) is corrupt at line \d+, column \d+: character "!" is not base64$/,
    )
  })

  it('an unterminated PEM block', async () => {
    const e = await errorOf(ascii('-----BEGIN CERTIFICATE-----\nMIIB\n'))
    expect(e).toMatchObject({
      code: 'bad-pem',
      message: expect.stringMatching(/no -----END CERTIFICATE----- line/),
    })
  })

  it('mismatched PEM labels', async () => {
    const e = await errorOf(ascii('-----BEGIN CERTIFICATE-----\nMAA=\n-----END X509 CRL-----\n'))
    expect(e.message).toMatch(
      /begins with BEGIN CERTIFICATE \(line 1\) but ends with END X509 CRL \(line 3\)/,
    )
  })

  it('text that is neither PEM nor base64', async () => {
    expect((await errorOf(ascii('hello, world'))).code).toBe('bad-base64')
  })

  it('5 MB of zeros are refused by size, without parsing', async () => {
    const e = await errorOf(new Uint8Array(5 * 1000 * 1000))
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/above the 1 MiB limit, not parsed/)
  })

  it('the cap is 1 MiB: one byte more is refused, a file at the cap is read', async () => {
    expect(maxInputBytes).toBe(1024 * 1024)
    expect((await errorOf(new Uint8Array(maxInputBytes + 1).fill(0x30))).code).toBe('too-large')
    const atCap = await errorOf(new Uint8Array(maxInputBytes).fill(0x30))
    expect(atCap.code).toBe('not-der')
  })

  it('trailing bytes after the object', async () => {
    const der = fixture('certs/leaf-ecdsa.der')
    const e = await errorOf(new Uint8Array([...der, 0, 0]))
    expect(e.message).toBe(`not DER: 2 bytes left over after the first element, from byte ${der.length}`)
  })

  it('valid DER that is not a PKI object', async () => {
    const e = await errorOf(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]))
    expect(e.code).toBe('unsupported')
    expect(e.message).toBe(
      'valid DER, but not a certificate, OCSP response or OCSP request: a SEQUENCE of 2 elements (INTEGER, INTEGER)',
    )
  })

  it('a certificate with a broken field says which field, in the RFC names', async () => {
    // Turn the validity SEQUENCE (30) into a SET (31): still DER, no longer a certificate.
    const der = fixture('certs/leaf-ecdsa.der').slice()
    const tree = parseAsn1Tree(der)
    if (!tree.ok) throw new Error(tree.error.message)
    const validity = tree.value.children[0].children[4]
    der[validity.offset] = 0x31
    const e = await errorOf(der)
    expect(e.code).toBe('malformed')
    expect(e.message).toBe(
      `malformed certificate: tbsCertificate.validity at byte ${validity.offset} should be SEQUENCE, found SET`,
    )
    const der2 = fixture('certs/leaf-ecdsa.der').slice()
    const serial = tree.value.children[0].children[1]
    der2[serial.offset] = 0x04
    const e2 = await errorOf(der2)
    expect(e2.code).toBe('malformed')
    expect(e2.message).toBe(
      `malformed certificate: tbsCertificate.serialNumber at byte ${serial.offset} should be INTEGER, found OCTET STRING`,
    )
  })

  it('a bad file among good ones does not stop the others', async () => {
    const good = new TextDecoder().decode(fixture('certs/leaf-ecdsa.pem'))
    const objects = await inspectBytes(
      'mixed',
      ascii(`${good}\n-----BEGIN CERTIFICATE-----\nMII!\n-----END CERTIFICATE-----\n${good}`),
    )
    expect(objects.map((o) => o.result.ok)).toEqual([true, false, true])
    expect(objects.map((o) => o.index)).toEqual([0, 1, 2])
  })
})
