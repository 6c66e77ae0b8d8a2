/** buildChain: leaf-to-root order from any input order, and each signature checked with WebCrypto. */
import { describe, expect, it } from 'vitest'
import { buildChain, parseAsn1Tree } from '../../../src/lib/pki/index.ts'
import { certificate, data, fixture, inspectAll, valueOf } from './helpers.ts'

async function bundle() {
  const objects = await inspectAll(fixture('other/bundle-leaf-int-root.pem'))
  return objects.map((o) => {
    const info = valueOf(o)
    if (info.kind !== 'certificate') throw new Error('not a certificate')
    return { der: o.der, info }
  })
}

describe('buildChain', () => {
  it('orders root, leaf, intermediate as leaf, intermediate, root and verifies every link', async () => {
    const [leaf, int, root] = await bundle()
    const chain = await buildChain([root, leaf, int])
    expect(
      chain.map((l) => [l.role, l.info.subject.split(',')[0], l.inputIndex, l.signature.status]),
    ).toEqual([
      ['leaf', 'CN=rsa.staple-lab.example', 1, 'pass'],
      ['intermediate', 'CN=Staple Lab Test Issuing CA I1', 2, 'pass'],
      ['root', 'CN=Staple Lab Test Root R1', 0, 'pass'],
    ])
    expect(chain[2].signature.detail).toBe('verified with its own key (self-signed)')
    expect(chain[0].signature.detail).toMatch(/^verified with the key of CN=Staple Lab Test Issuing CA I1/)
  })

  it('verifies ECDSA P-256 and P-384 signers and Ed25519 keys and signatures', async () => {
    const names = ['root.pem', 'int.pem', 'leaf.pem', 'ed.pem', 'edroot.pem', 'p384root.pem']
    const certs = await Promise.all(names.map((n) => certificate(data(n))))
    const [root, int, leaf, ed, edroot, p384root] = certs
    const p384chain = await buildChain([leaf, root, int])
    expect(p384chain.map((l) => l.signature.status)).toEqual(['pass', 'pass', 'pass'])
    expect(p384chain[0].signature.detail).toMatch(/^verified with the key of CN=Test Intermediate CA/)
    expect((await buildChain([ed, int])).map((l) => l.signature.status)).toEqual(['pass', 'skip'])
    const [edLink] = await buildChain([edroot])
    expect(edLink).toMatchObject({ role: 'root', signature: { status: 'pass' } })
    expect(edLink.info.signatureAlgorithm).toBe('ED25519')
    const [p384Link] = await buildChain([p384root])
    expect(p384Link.info.signatureAlgorithm).toBe('ecdsa-with-SHA384')
    expect(p384Link.signature.status).toBe('pass')
  })

  it('a tampered byte in the signed part fails the signature, with the reason', async () => {
    const [leaf, int] = await bundle()
    const der = new Uint8Array(leaf.der)
    const tree = parseAsn1Tree(der)
    if (!tree.ok) throw new Error(tree.error.message)
    const notAfter = tree.value.children[0].children[4].children[1]
    der[notAfter.offset + notAfter.headerLength + 3] ^= 0x01 // a year digit: 2036 -> 2037
    const tampered = await certificate(der)
    const chain = await buildChain([tampered, int])
    expect(chain[0].signature.status).toBe('fail')
    expect(chain[0].signature.detail).toMatch(/signature does not match the signed bytes and the key/)
  })

  it('an issuer that was not given is a skip that names it', async () => {
    const [leaf] = await bundle()
    const [link] = await buildChain([leaf])
    expect(link.role).toBe('leaf')
    expect(link.signature).toMatchObject({
      status: 'skip',
      detail:
        'the issuer (CN=Staple Lab Test Issuing CA I1,O=Staple Lab Test PKI,C=ZZ) was not provided, so the signature was not checked',
    })
  })

  it('a certificate off the path is listed as unlinked, not forced into the chain', async () => {
    const [leaf, int] = await bundle()
    const stranger = await certificate(data('edroot.pem'))
    const chain = await buildChain([leaf, stranger, int])
    expect(chain.map((l) => l.role)).toEqual(['leaf', 'intermediate', 'unlinked'])
    expect(chain[2].signature.status).toBe('skip')
  })

  it('names in its sentences are as written, a hidden override shown as a marker, never acting', async () => {
    const spoof = await certificate(fixture('names/bidi-spoof.der'))
    const stranger = await certificate(data('edroot.pem'))
    const chain = await buildChain([spoof, stranger])
    expect(chain[1].signature.detail).toBe(
      'not on the path from CN=invoice⟨U+202E⟩gnp.exe,O=Evil⟨U+200B⟩Corp: neither its issuer nor issued by a certificate on it',
    )
  })

  it('no certificates, no chain', async () => {
    expect(await buildChain([])).toEqual([])
  })
})
