/** Private keys are recognised by their exact ASN.1 shape, so nothing else has its bytes thrown away. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inspectBytes } from '../../../src/lib/pki/index.ts'
import { fixture, fixturesDir } from './helpers.ts'

function tlv(tag: number, content: Uint8Array | number[]): number[] {
  const body = [...content]
  const n = body.length
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]
  return [tag, ...length, ...body]
}
const seq = (...parts: number[][]) => tlv(0x30, parts.flat())
const int = (v: number) => tlv(0x02, [v])
const octets = (n: number) => tlv(0x04, new Array<number>(n).fill(0x5a))
const oid = tlv(0x06, [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]) // 1.2.840.10045.2.1 id-ecPublicKey
const ints = (count: number, first = 0) =>
  Array.from({ length: count }, (_, i) => int(i === 0 ? first : i + 1))

async function kindOf(der: number[]) {
  const [obj] = await inspectBytes('test', new Uint8Array(der))
  return { obj, kind: obj.result.ok ? obj.result.value.kind : obj.result.error.code }
}

/** The DER inside a PEM fixture: its label decides for PEM, so this reaches the structural check. */
function pemBody(path: string): number[] {
  const text = readFileSync(fixturesDir + path, 'latin1')
  return [...Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64')]
}

describe('private keys by structure', () => {
  it('a SEQUENCE of 12 small INTEGERs is unsupported, not a private key, and keeps its bytes', async () => {
    const der = seq(...ints(12))
    const { obj, kind } = await kindOf(der)
    expect(kind).toBe('unsupported')
    expect(obj.der).toHaveLength(der.length)
    expect(obj.asn1?.children).toHaveLength(12)
  })

  it('INTEGER shapes one field away from RSAPrivateKey are not keys either', async () => {
    // 8 or 10 INTEGERs; version 2; otherPrimeInfos on a version-0 key.
    expect((await kindOf(seq(...ints(8)))).kind).toBe('unsupported')
    expect((await kindOf(seq(...ints(10)))).kind).toBe('unsupported')
    expect((await kindOf(seq(...ints(9, 2)))).kind).toBe('unsupported')
    const other = seq(seq(int(3), int(5), int(7)))
    expect((await kindOf(seq(...ints(9, 0), other))).kind).toBe('unsupported')
  })

  it('RSAPrivateKey: version 0 or 1 and exactly 8 INTEGERs, otherPrimeInfos only in version 1', async () => {
    expect((await kindOf(seq(...ints(9, 0)))).kind).toBe('privateKey')
    expect((await kindOf(seq(...ints(9, 1)))).kind).toBe('privateKey')
    const other = seq(seq(int(3), int(5), int(7)))
    const { obj, kind } = await kindOf(seq(...ints(9, 1), other))
    expect(kind).toBe('privateKey')
    expect(obj.der).toHaveLength(0)
  })

  it('ECPrivateKey and PKCS#8 need their exact fields', async () => {
    expect((await kindOf(seq(int(1), octets(32)))).kind).toBe('privateKey')
    expect((await kindOf(seq(int(1), octets(32), tlv(0xa0, oid), tlv(0xa1, [3, 1, 0])))).kind).toBe(
      'privateKey',
    )
    // [1] before [0], or an INTEGER after the key: not SEC 1.
    expect((await kindOf(seq(int(1), octets(32), tlv(0xa1, [3, 1, 0]), tlv(0xa0, oid)))).kind).toBe(
      'unsupported',
    )
    expect((await kindOf(seq(int(1), octets(32), int(5)))).kind).toBe('unsupported')
    expect((await kindOf(seq(int(0), seq(oid), octets(34)))).kind).toBe('privateKey')
    // The AlgorithmIdentifier must start with an OID.
    expect((await kindOf(seq(int(0), seq(int(4)), octets(34)))).kind).toBe('unsupported')
  })

  it('the real key fixtures are still private keys, their bytes dropped', async () => {
    for (const der of [
      [...fixture('other/private-key-pkcs8.der')], // SEC 1, despite its name (see the README)
      pemBody('other/private-key-pkcs8.pem'),
      pemBody('other/private-key-rsa-traditional.pem'),
      pemBody('other/private-key-ec-traditional.pem'),
    ]) {
      const { obj, kind } = await kindOf(der)
      expect(kind).toBe('privateKey')
      expect(obj.der).toHaveLength(0)
      expect(obj.asn1).toBeUndefined()
    }
  })

  it('a private key is named in one sentence, then the warning', async () => {
    const pem = new Uint8Array(readFileSync(fixturesDir + 'other/private-key-pkcs8.pem'))
    for (const [source, bytes, named] of [
      ['key.pem', pem, 'This is a private key (PKCS#8).'],
      ['key.der', fixture('other/private-key-pkcs8.der'), 'This is an EC private key (SEC 1).'],
    ] as const) {
      const [obj] = await inspectBytes(source, bytes)
      const value = obj?.result.ok ? obj.result.value : undefined
      const summary = value?.kind === 'privateKey' ? value.summary : ''
      expect(summary.startsWith(`${named} Staple Lab never displays or keeps private keys`)).toBe(true)
    }
  })
})
