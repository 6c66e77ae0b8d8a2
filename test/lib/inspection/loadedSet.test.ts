import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LoadedSet, type AnalysisRequest, type LoadInput } from '../../../src/lib/inspection/loadedSet'

const fixture = (path: string): LoadInput => ({
  key: path,
  source: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url))),
})

/** Between the must-staple staple's thisUpdate (2026-11-24 00:05) and nextUpdate (2026-11-28 00:05). */
const at = new Date('2026-11-25T00:00:00Z')

const request = (overrides: Partial<AnalysisRequest>): AnalysisRequest => ({
  remove: [],
  add: [],
  maxObjects: 100,
  at,
  skewSeconds: 300,
  ...overrides,
})

const chainFiles = ['certs/leaf-must-staple.pem', 'certs/intermediate.pem', 'certs/root.pem']
const staple = 'ocsp/resp-must-staple-good.der'

const statusOf = (checks: { id: string; status: string }[] | undefined, id: string) =>
  checks?.find((c) => c.id === id)?.status

describe('LoadedSet', () => {
  it('answers a drop of a chain and its staple with the cards, the verified chain and the checklist at once', async () => {
    const set = new LoadedSet()
    const analysis = await set.analyse(request({ add: [...chainFiles, staple].map(fixture) }))
    expect(analysis.inputs.map((i) => i.objects.map((o) => o.key))).toEqual([
      ['certs/leaf-must-staple.pem'],
      ['certs/intermediate.pem'],
      ['certs/root.pem'],
      [staple],
    ])
    expect(analysis.chain.map((l) => [l.role, l.signature.status])).toEqual([
      ['leaf', 'pass'],
      ['intermediate', 'pass'],
      ['root', 'pass'],
    ])
    const checks = analysis.checks[staple]
    for (const id of ['cert-id', 'cert-status', 'signature', 'freshness'])
      expect(statusOf(checks, id), id).toBe('pass')
  })

  it('later files join the same set: the staple sent first is checked against the issuer sent after', async () => {
    const set = new LoadedSet()
    const first = await set.analyse(request({ add: [fixture(staple), fixture(chainFiles[0]!)] }))
    // Without its issuer the CertID's hashes cannot be matched.
    expect(statusOf(first.checks[staple], 'cert-id')).not.toBe('pass')
    expect(first.chain).toEqual([])

    const second = await set.analyse(request({ add: [fixture(chainFiles[1]!), fixture(chainFiles[2]!)] }))
    expect(second.inputs.map((i) => i.key)).toEqual([chainFiles[1], chainFiles[2]])
    expect(statusOf(second.checks[staple], 'cert-id')).toBe('pass')
    expect(second.chain.map((l) => l.role)).toEqual(['leaf', 'intermediate', 'root'])
  })

  it('a removed object leaves the chain and the checks', async () => {
    const set = new LoadedSet()
    await set.analyse(request({ add: [...chainFiles, staple].map(fixture) }))
    const after = await set.analyse(request({ remove: ['certs/intermediate.pem'] }))
    expect(after.inputs).toEqual([])
    expect(after.chain.map((l) => l.info.subject.split(',')[0])).not.toContain(
      'CN=Staple Lab Test Issuing CA I1',
    )
    expect(statusOf(after.checks[staple], 'cert-id')).not.toBe('pass')
    const gone = await set.analyse(request({ remove: [staple] }))
    expect(gone.checks).toEqual({})
  })

  it('judges freshness at the clock and allowance of each message', async () => {
    const set = new LoadedSet()
    await set.analyse(request({ add: [...chainFiles, staple].map(fixture) }))
    // 200 s after nextUpdate: fresh within 300 s of skew, stale with none.
    const late = new Date('2026-11-28T00:09:02Z')
    const lenient = await set.analyse(request({ at: late, skewSeconds: 300 }))
    const strict = await set.analyse(request({ at: late, skewSeconds: 0 }))
    expect(statusOf(lenient.checks[staple], 'freshness')).toBe('pass')
    expect(statusOf(strict.checks[staple], 'freshness')).toBe('fail')
  })

  it('the inputs of one drop share its limit; what is past it is counted, not parsed', async () => {
    const pem = readFileSync(new URL('../../fixtures/certs/root.pem', import.meta.url), 'utf8')
    const bundle = (key: string, count: number): LoadInput => ({
      key,
      source: `${key}.pem`,
      bytes: new TextEncoder().encode(pem.repeat(count)) as Uint8Array<ArrayBuffer>,
    })
    const set = new LoadedSet()
    const analysis = await set.analyse(request({ add: [bundle('a', 70), bundle('b', 50)] }))
    expect(analysis.inputs.map((i) => [i.objects.length, i.notShown])).toEqual([
      [70, 0],
      [30, 20],
    ])
    expect(analysis.inputs[1]!.objects.map((o) => o.key).slice(0, 2)).toEqual(['b', 'b-1'])
    expect(set.size).toBe(100)
  })

  it("never answers with a private key's bytes", async () => {
    const set = new LoadedSet()
    const analysis = await set.analyse(request({ add: [fixture('other/private-key-pkcs8.pem')] }))
    const [object] = analysis.inputs[0]!.objects
    expect(object?.object.result.ok && object.object.result.value.kind).toBe('privateKey')
    expect(object?.object.der.length).toBe(0)
    expect(object?.object.asn1).toBeUndefined()
  })

  it('a response echoing the nonce of a loaded request passes the nonce check', async () => {
    const set = new LoadedSet()
    const alone = await set.analyse(request({ add: [fixture('ocsp/resp-good-sha1-byname-nonce.der')] }))
    const withRequest = await set.analyse(request({ add: [fixture('ocsp/req-sha1-nonce.der')] }))
    const key = 'ocsp/resp-good-sha1-byname-nonce.der'
    expect(statusOf(alone.checks[key], 'nonce')).not.toBe('pass')
    expect(statusOf(withRequest.checks[key], 'nonce')).toBe('pass')
  })

  it('a set restored from the bytes the page shows answers as the one it replaces', async () => {
    const original = new LoadedSet()
    const before = await original.analyse(request({ add: [...chainFiles, staple].map(fixture) }))
    const restored = new LoadedSet()
    await restored.restore([...chainFiles, staple].map(fixture))
    const after = await restored.analyse(request({}))
    expect(after.chain.map((l) => [l.role, l.signature.status])).toEqual(
      before.chain.map((l) => [l.role, l.signature.status]),
    )
    expect(after.checks).toEqual(before.checks)
  })

  it('a later drop verifies only the signatures it brings; the chain already there is not checked again', async () => {
    const set = new LoadedSet()
    const chain = await set.analyse(request({ add: chainFiles.map(fixture) }))
    expect(chain.chain.map((l) => l.signature.status)).toEqual(['pass', 'pass', 'pass'])
    // Leaf by the intermediate, intermediate by the root, the root by itself.
    expect(set.signaturesVerified).toBe(3)

    const withStaple = await set.analyse(request({ add: [fixture(staple)] }))
    // Only the staple's own signature (made by the intermediate, the CA itself) is new.
    expect(set.signaturesVerified).toBe(4)
    expect(withStaple.chain.map((l) => [l.role, l.signature.status, l.signature.detail])).toEqual(
      chain.chain.map((l) => [l.role, l.signature.status, l.signature.detail]),
    )
    expect(statusOf(withStaple.checks[staple], 'signature')).toBe('pass')

    // A new clock or allowance runs the checklist again, and verifies nothing.
    const later = await set.analyse(request({ at: new Date('2026-12-01T00:00:00Z') }))
    expect(statusOf(later.checks[staple], 'freshness')).toBe('fail')
    expect(statusOf(later.checks[staple], 'signature')).toBe('pass')
    expect(set.signaturesVerified).toBe(4)
  })

  it('bytes dropped again are parsed and verified anew, not taken from what an earlier card held', async () => {
    const set = new LoadedSet()
    await set.analyse(request({ add: chainFiles.map(fixture) }))
    const again = await set.analyse(
      request({ remove: chainFiles, add: chainFiles.map((f) => ({ ...fixture(f), key: `again/${f}` })) }),
    )
    expect(again.chain.map((l) => l.signature.status)).toEqual(['pass', 'pass', 'pass'])
    expect(set.signaturesVerified).toBe(6)
  })
})
