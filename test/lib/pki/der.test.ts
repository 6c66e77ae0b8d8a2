/**
 * The strict reader: what BER allows and DER does not is refused with its byte (X.690 section
 * 10-11), and hostile inputs (a huge OID, a 1 MB serial) finish fast instead of freezing a task.
 */
import { describe, expect, it } from 'vitest'
import { readDer } from '../../../src/lib/pki/der.ts'
import { inspectBytes, parseAsn1Tree, type InspectedObject } from '../../../src/lib/pki/index.ts'
import { summaryText } from '../../../src/lib/pki/summary.ts'
import { fixture } from './helpers.ts'

function refusal(bytes: number[]): string {
  const r = readDer(new Uint8Array(bytes))
  if (r.ok) throw new Error('expected a refusal')
  return r.error.message
}

function len(n: number): number[] {
  if (n < 0x80) return [n]
  const b: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff)
  return [0x80 | b.length, ...b]
}

/** leaf-rsa with its tbsCertificate field `index` replaced by `field` (signature left as is). */
function leafWith(index: number, field: Uint8Array): Uint8Array {
  const der = fixture('certs/leaf-rsa.der')
  const tree = parseAsn1Tree(der)
  if (!tree.ok) throw new Error(tree.error.message)
  const [tbs, alg, sig] = tree.value.children
  const part = (n: { offset: number; headerLength: number; length: number }) =>
    der.subarray(n.offset, n.offset + n.headerLength + n.length)
  const fields = tbs.children.map((c, i) => (i === index ? field : part(c)))
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    parts.reduce((o, p) => (out.set(p, o), o + p.length), 0)
    return out
  }
  const seq = (body: Uint8Array) => join([new Uint8Array([0x30, ...len(body.length)]), body])
  return seq(join([seq(join(fields)), part(alg), part(sig)]))
}

// How long these take is measured by `npm run bench -- hostile`, not asserted here.
async function one(bytes: Uint8Array): Promise<{ obj: InspectedObject }> {
  const [obj] = await inspectBytes('hostile', bytes)
  return { obj }
}

describe('DER, not BER', () => {
  it('a length in more bytes than it needs is refused (X.690 10.1)', () => {
    expect(refusal([0x30, 0x81, 0x03, 0x02, 0x01, 0x05])).toBe(
      'not DER: non-minimal length at byte 1 (3 bytes written in 2 bytes; DER allows only the shortest form)',
    )
    expect(refusal([0x30, 0x82, 0x00, 0x05, 0x05, 0x00, 0x05, 0x00, 0x05])).toMatch(
      /^not DER: non-minimal length at byte 1 \(5 bytes written in 3 bytes/,
    )
  })

  it('a SEQUENCE marked primitive, or an INTEGER marked constructed, is refused', () => {
    expect(refusal([0x10, 0x00])).toBe('not DER: the SEQUENCE at byte 0 is marked primitive (X.690 8.9.1)')
    expect(refusal([0x30, 0x05, 0x22, 0x03, 0x02, 0x01, 0x05])).toBe(
      'not DER: the element at byte 2 (tag 0x22) is marked constructed; DER encodes this type primitive (X.690 10.2)',
    )
  })

  it('a BOOLEAN other than 00 or ff, a NULL with content, a padded INTEGER are refused', () => {
    expect(refusal([0x30, 0x03, 0x01, 0x01, 0x01])).toBe(
      'not DER: the BOOLEAN at byte 2 is 0x01; DER allows only 0x00 (FALSE) or 0xff (TRUE) (X.690 11.1)',
    )
    expect(refusal([0x05, 0x01, 0x00])).toBe('not DER: the NULL at byte 0 has content (X.690 8.8.2)')
    expect(refusal([0x02, 0x02, 0x00, 0x05])).toBe(
      'not DER: the INTEGER at byte 0 starts with a needless 0x00 byte (X.690 8.3.2)',
    )
    expect(refusal([0x02, 0x02, 0xff, 0x85])).toMatch(/needless 0xff byte/)
    expect(readDer(new Uint8Array([0x02, 0x02, 0x00, 0x85])).ok).toBe(true)
  })

  it("an embedded certificate's error names the byte in the response's file, not in the certificate", async () => {
    const file = fixture('bad/resp-embedded-cert-malformed.der')
    const { obj } = await one(file)
    if (obj.result.ok) throw new Error('expected an error')
    // Where the embedded intermediate starts in the file, and its validity inside it.
    const intermediate = fixture('certs/intermediate.der')
    const start = Buffer.from(file).indexOf(Buffer.from(intermediate.subarray(0, 64)))
    const tree = parseAsn1Tree(intermediate)
    if (!tree.ok || start < 0) throw new Error('the intermediate is not embedded')
    const validity = tree.value.children[0].children[4]
    expect(obj.result.error.message).toBe(
      `malformed certificate: tbsCertificate.validity at byte ${start + validity.offset} should be SEQUENCE, found SET`,
    )
    expect(obj.result.error.offset).toBe(start + validity.offset)
  })
})

describe('hostile inputs finish fast', () => {
  it('a 200 kB OID arc, or a 200 kB OID of small arcs, in a certificate is refused with its byte', async () => {
    const arc = new Uint8Array(200_002).fill(0xff)
    arc[0] = 0x2b
    arc[arc.length - 1] = 0x7f
    const arcs = new Uint8Array(200_000).fill(0x01)
    arcs[0] = 0x2b
    for (const oid of [arc, arcs]) {
      const inner = [0x06, ...len(oid.length), ...oid]
      const field = new Uint8Array([0x30, ...len(inner.length), ...inner])
      const { obj } = await one(leafWith(2, field))
      if (obj.result.ok) throw new Error('expected an error')
      expect(obj.result.error.message).toMatch(
        /^malformed certificate: the OBJECT IDENTIFIER at byte 39 is not valid \([0-9a-f]{48}… \(\d+ bytes\); an arc over 20 bytes or an OID over 1024 bytes is refused\)$/,
      )
      // The ASN.1 view still shows it, as hex.
      expect(JSON.stringify(obj.asn1)).toContain('invalid OID 2b')
    }
  })

  it('a 1 MB serial is read, and shown cut to its first bytes and its length', async () => {
    const serial = new Uint8Array(1_000_000).fill(0x5a)
    const bytes = leafWith(1, new Uint8Array([0x02, ...len(serial.length), ...serial]))
    const { obj } = await one(bytes)
    if (!obj.result.ok || obj.result.value.kind !== 'certificate') throw new Error('expected a certificate')
    expect(obj.result.value.serialNumber).toHaveLength(2_000_000)
    expect(summaryText(obj, new Date('2026-12-01T00:00:00Z'))).toContain(
      `Serial        ${'5a'.repeat(16)}… (1000000 bytes)`,
    )
  })
})
