/** The ASN.1 view's tree: offsets that point at the right bytes, named OIDs, decoded values. */
import { describe, expect, it } from 'vitest'
import { maxTreeNodes } from '../../../src/lib/pki/asn1Tree.ts'
import { inspectBytes, parseAsn1Tree, type Asn1Node } from '../../../src/lib/pki/index.ts'
import { data, fixture } from './helpers.ts'

function walk(node: Asn1Node, visit: (n: Asn1Node) => void): void {
  visit(node)
  node.children.forEach((c) => walk(c, visit))
}

function all(node: Asn1Node): Asn1Node[] {
  const out: Asn1Node[] = []
  walk(node, (n) => out.push(n))
  return out
}

/** A SEQUENCE of `n` one-byte OCTET STRINGs, each holding `fill`: 3 bytes per node. */
function manyOctetStrings(n: number, fill: number): Uint8Array {
  // A length in three bytes, the fewest DER allows for 65,536 to 16,777,215 bytes of content.
  const len = n * 3
  const out = new Uint8Array(5 + len)
  out.set([0x30, 0x83, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff])
  for (let i = 0; i < n; i++) out.set([0x04, 0x01, fill], 5 + i * 3)
  return out
}

describe('parseAsn1Tree', () => {
  it('a certificate: offsets cover the bytes exactly, children tile their parent', () => {
    const der = fixture('certs/leaf-must-staple.der')
    const tree = parseAsn1Tree(der)
    if (!tree.ok) throw new Error(tree.error.message)
    expect(tree.value.offset).toBe(0)
    expect(tree.value.headerLength + tree.value.length).toBe(der.length)
    walk(tree.value, (n) => {
      if (!n.constructed || n.children.length === 0) return
      let pos = n.offset + n.headerLength
      for (const c of n.children) {
        expect(c.offset).toBe(pos)
        pos = c.offset + c.headerLength + c.length
      }
      expect(pos).toBe(n.offset + n.headerLength + n.length)
    })
  })

  it('names the OIDs of certificates and OCSP and decodes values', () => {
    const tree = parseAsn1Tree(fixture('certs/leaf-must-staple.der'))
    if (!tree.ok) throw new Error(tree.error.message)
    const values = all(tree.value).map((n) => n.value)
    expect(values).toContain('1.3.6.1.5.5.7.1.24 (TLS Feature)')
    expect(values).toContain('1.2.840.113549.1.1.11 (sha256WithRSAEncryption)')
    expect(values).toContain('1.3.6.1.5.5.7.48.1 (id-ad OCSP)')
    expect(values).toContain('2.5.4.3 (CN)')
    expect(values).toContain('shop.example')
    expect(values).toContain('2026-11-01T00:00:00Z')
    expect(values).toContain('12292') // serial 0x3004
    // extnValue of the TLS Feature: 30 03 02 01 05, shown as the SEQUENCE it holds
    const tls = all(tree.value).find((n) => n.value === '1.3.6.1.5.5.7.1.24 (TLS Feature)')
    expect(tls).toBeDefined()
  })

  it('an OCSP response shows the BasicOCSPResponse inside its OCTET STRING', () => {
    const tree = parseAsn1Tree(fixture('ocsp/resp-good-delegated-byname.der'))
    if (!tree.ok) throw new Error(tree.error.message)
    const octets = tree.value.children[1].children[0].children[1]
    expect(octets.tagName).toBe('OCTET STRING')
    expect(octets.value).toMatch(/^encapsulates DER/)
    expect(octets.children[0].tagName).toBe('SEQUENCE')
    const oids = all(tree.value).map((n) => n.value)
    expect(oids).toContain('1.3.6.1.5.5.7.48.1.1 (id-pkix-ocsp-basic)')
    expect(oids).toContain('1.3.6.1.5.5.7.3.9 (OCSPSigning)')
    expect(oids).toContain('1.3.6.1.5.5.7.48.1.5 (OCSP No Check)')
  })

  it('strings of every kind decode (BMPString, UniversalString, TeletexString)', () => {
    const tree = parseAsn1Tree(
      new Uint8Array([0x30, 0x0a, 0x1e, 0x04, 0x00, 0xe9, 0x00, 0x41, 0x1c, 0x02, 0x00, 0x00]),
    )
    expect(tree.ok).toBe(true)
    if (tree.ok) expect(tree.value.children[0]).toMatchObject({ tagName: 'BMPString', value: 'éA' })
  })

  it('a private key gets no tree and keeps no bytes', async () => {
    const [obj] = await inspectBytes('key', fixture('other/private-key-pkcs8.der'))
    expect(obj.asn1).toBeUndefined()
    expect(obj.der).toHaveLength(0)
    expect(obj.result).toMatchObject({ ok: true, value: { kind: 'privateKey' } })
  })

  it('RFC 4514 names escape only what RFC 4514 2.4 requires and keep other text as UTF-8, as openssl -nameopt RFC2253,-esc_msb,-esc_ctrl prints them', async () => {
    const [obj] = await inspectBytes('names', data('names.pem'))
    expect(obj.result.ok && obj.result.value.kind === 'certificate' && obj.result.value.subject).toBe(
      'CN=a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h=i/j,street=ctl\x01\x7Fdel,emailAddress=x@y.test,1.2.3.4=#0C0B756E6B6E6F776E206F6964,' +
        // The TeletexString holds the UTF-8 bytes of "é", read as Latin-1 ("Ã©") as openssl reads it.
        'OU=univ,OU=teleÃ©x,OU=bmp é,OU=trailing space\\ ,OU=\\ leading space,' +
        'OU=\\#leading hash+serialNumber=1234,O=Café Müller 日本,DC=example,C=DE',
    )
  })

  it('shows strings as written with hidden characters as markers, and broken strings as their bytes with why', () => {
    const values = (file: string) => {
      const tree = parseAsn1Tree(fixture(file))
      if (!tree.ok) throw new Error(tree.error.message)
      return all(tree.value).map((n) => n.value)
    }
    expect(values('names/bidi-spoof.der')).toContain('invoice⟨U+202E⟩gnp.exe')
    expect(values('names/bmp-tokyo.der')).toContain('東京 Tokyo')
    expect(values('names/invalid-utf8.der')).toContain(
      'UTF8String is not valid UTF-8 at offset 1 (C328): 5ac32872696368 (7 bytes)',
    )
  })

  it('stops the tree at its node limit and says how many nodes it left out', async () => {
    const [obj] = await inspectBytes('many', manyOctetStrings(100_000, 0x04))
    const tree = obj.asn1!
    const nodes = all(tree)
    expect(nodes.filter((n) => !n.omitted)).toHaveLength(maxTreeNodes)
    const rest = 100_000 + 1 - maxTreeNodes
    expect(tree.value).toBe(`${rest.toLocaleString('en')} more nodes not shown (the tree stops at 50,000)`)
    const placeholder = tree.children[tree.children.length - 1]!
    expect(placeholder).toMatchObject({ omitted: true, value: tree.value, constructed: false })
    // The placeholder covers the left-out bytes, so the children still tile their parent.
    expect(placeholder.offset + placeholder.length).toBe(tree.offset + tree.headerLength + tree.length)
    expect(placeholder.offset).toBe(5 + (maxTreeNodes - 1) * 3)
    // The error still names the whole shape, and the bytes are all kept.
    expect(obj.result.ok ? '' : obj.result.error.message).toContain('a SEQUENCE of 100000 elements')
    expect(obj.der).toHaveLength(5 + 300_000)
  })

  it('a 1 MiB input of about 350,000 nodes is inspected, its tree cut at the node limit', async () => {
    // How long it takes (12 s at the 35 us per node once measured; the worker gives up at 10 s) is
    // the "100,000 tiny elements" row of `npm run bench -- parse`.
    const [obj] = await inspectBytes('mib', manyOctetStrings(349_000, 0x30))
    expect(obj.asn1?.children).toHaveLength(maxTreeNodes)
  }, 20_000)
})
