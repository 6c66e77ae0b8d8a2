import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inspectBytes } from '../../src/lib/pki/inspect'
import { maxInputBytes } from '../../src/lib/pki/limits'
import { createHandlers } from '../../src/workers/handlers'

const bytes = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)))
const at = new Date('2026-11-25T00:00:00Z')

describe('parse worker handlers', () => {
  it("answers a drop without the objects' ASN.1 trees, and builds one when its tab asks", async () => {
    const handlers = createHandlers()
    const leaf = bytes('certs/leaf-must-staple.pem')
    const analysis = await handlers.analyse({
      remove: [],
      add: [{ key: 'leaf', source: 'leaf.pem', bytes: leaf }],
      maxObjects: 100,
      at,
      skewSeconds: 300,
    })
    const object = analysis.inputs[0]!.objects[0]!.object
    expect(object.asn1).toBeUndefined()
    expect(object.asn1OnDemand).toEqual({ allowTrailing: false })

    const tree = await handlers.asn1Tree({ der: object.der, allowTrailing: false })
    // The same tree the CLI builds at once.
    const [built] = await inspectBytes('leaf.pem', leaf)
    expect(tree).toEqual({ ok: true, value: built!.asn1 })
  })

  it("reads a TRUSTED CERTIFICATE's tree though OpenSSL's trust settings follow the certificate", async () => {
    const handlers = createHandlers()
    const der = bytes('certs/root.der')
    const withTrust = new Uint8Array([...der, 0x30, 0x03, 0x06, 0x01, 0x00])
    expect((await handlers.asn1Tree({ der: withTrust, allowTrailing: false })).ok).toBe(false)
    const tree = await handlers.asn1Tree({ der: withTrust, allowTrailing: true })
    expect(tree.ok && tree.value.length + tree.value.headerLength).toBe(der.length)
  })

  it('warms up on its own chain, checking real signatures, and leaves the page’s set empty', async () => {
    const handlers = createHandlers()
    const chain = await handlers.warmUp({ step: 0, at })
    // The leaf and its issuing CA; the leaf's signature checked against the CA's key.
    expect(
      chain.inputs[0]!.objects.map(({ object }) => object.result.ok && object.result.value.kind),
    ).toEqual(['certificate', 'certificate'])
    expect(chain.chain.map((link) => [link.role, link.signature.status])).toEqual([
      ['leaf', 'pass'],
      ['intermediate', 'skip'],
    ])
    expect(chain.signaturesVerified).toBe(1)
    const response = await handlers.warmUp({ step: 1, at })
    // The CA's OCSP response for the leaf, checked against both: its signature too.
    const [checks] = Object.values(response.checks)
    expect(checks?.find((check) => check.id === 'signature')?.status).toBe('pass')
    expect(response.signaturesVerified).toBe(2)
    expect((await handlers.warmUp({ step: 2, at })).inputs).toEqual([])

    const page = await handlers.analyse({ remove: [], add: [], maxObjects: 100, at, skewSeconds: 300 })
    expect(page).toEqual({ inputs: [], chain: [], checks: {} })
  })

  it('reads the files the page posts as they are, and refuses only the one it cannot read', async () => {
    const handlers = createHandlers()
    /** A file removed from disk after it was chosen: the browser rejects reading it. */
    class GoneFile extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('gone', 'NotFoundError'))
      }
    }
    const analysis = await handlers.analyse({
      remove: [],
      add: [
        { key: 'leaf', source: 'leaf.pem', file: new Blob([bytes('certs/leaf-must-staple.pem')]) },
        { key: 'gone', source: 'gone.pem', file: new GoneFile([]) },
        { key: 'ca', source: 'intermediate.der', bytes: bytes('certs/intermediate.der') },
      ],
      maxObjects: 100,
      at,
      skewSeconds: 300,
    })
    expect(analysis.inputs.map(({ key, objects, refused }) => [key, objects.length, refused])).toEqual([
      ['leaf', 1, undefined],
      ['gone', 0, 'the browser could not read this file'],
      ['ca', 1, undefined],
    ])
    expect(analysis.chain.map((link) => link.signature.status)).toEqual(['pass', 'skip'])
  })

  it('refuses a posted file over the size limit without reading its bytes, and reads the others', async () => {
    const handlers = createHandlers()
    let readBig = false
    /** A file of 1 MiB and one byte, as a chosen file reports its size before anything is read. */
    class BigFile extends Blob {
      override get size(): number {
        return maxInputBytes + 1
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        readBig = true
        return Promise.resolve(new ArrayBuffer(0))
      }
    }
    const analysis = await handlers.analyse({
      remove: [],
      add: [
        { key: 'big', source: 'big.der', file: new BigFile([]) },
        { key: 'leaf', source: 'leaf.pem', file: new Blob([bytes('certs/leaf-must-staple.pem')]) },
      ],
      maxObjects: 100,
      at,
      skewSeconds: 300,
    })
    expect(readBig).toBe(false)
    expect(analysis.inputs.map(({ key, objects, refused }) => [key, objects.length, refused])).toEqual([
      ['big', 0, '1 MiB is over the 1 MiB limit, so it was not read'],
      ['leaf', 1, undefined],
    ])
  })
})
