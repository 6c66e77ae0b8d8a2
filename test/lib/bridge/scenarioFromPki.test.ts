import { describe, expect, it } from 'vitest'
import { readProvenance, stapleIdOf, writeProvenance } from '../../../src/lib/bridge/provenance.ts'
import { scenarioFromPki, type PkiResponse } from '../../../src/lib/bridge/scenarioFromPki.ts'
import { buildChain, checkOcspResponse, type OcspResponseInfo } from '../../../src/lib/pki/index.ts'
import {
  compareModes,
  defaultScenario,
  scenarioFromQuery,
  scenarioToQuery,
} from '../../../src/lib/sim/index.ts'
import { certificate, fixture, inspectOne, valueOf } from '../pki/helpers.ts'

// Between the 4-day responses' thisUpdate (2026-11-24) and nextUpdate (2026-11-28): fixed, so the
// tests do not go stale with the fixtures.
const at = new Date('2026-11-25T12:00:00Z')

async function response(path: string): Promise<PkiResponse> {
  const obj = await inspectOne(fixture(path))
  const info = valueOf(obj)
  if (info.kind !== 'ocspResponse') throw new Error(`${path} is not an OCSP response`)
  return { info: info as OcspResponseInfo, der: obj.der }
}

async function chainOf(...paths: string[]) {
  const certs = await Promise.all(paths.map((p) => certificate(fixture(p))))
  return { certs, links: await buildChain(certs) }
}

describe('scenarioFromPki', () => {
  it('maps the must-staple leaf, its chain and its good response to a validated scenario', async () => {
    const { certs, links } = await chainOf(
      'certs/leaf-must-staple.der',
      'certs/intermediate.der',
      'certs/root.der',
    )
    const good = await response('ocsp/resp-must-staple-good.der')
    const result = scenarioFromPki({ leaf: certs[0]!, chain: links, responses: [good], at })
    if (!result.ok) throw new Error(result.error.message)
    const { scenario, facts, provenance } = result.value
    const leafBytes = fixture('certs/leaf-must-staple.der').length
    const intermediateBytes = fixture('certs/intermediate.der').length
    // The root is not sent: only the leaf and the intermediate count.
    expect(scenario.chainBytes).toBe(leafBytes + intermediateBytes)
    expect(scenario.ocspResponseBytes).toBe(fixture('ocsp/resp-must-staple-good.der').length)
    expect(scenario.certStatus).toBe('good')
    expect(scenario.staple).toBe('fresh')
    expect(scenario.site).toBe('shop.example')
    expect(scenario.responderHost).toBe('ocsp.staple-lab.example')
    expect(provenance).toMatchObject({ source: 'cert', label: 'shop.example', mustStaple: true })
    expect(provenance.stapleId).toBe(stapleIdOf(good.der))
    expect(provenance.nextUpdate).toBe('2026-11-28T00:05:42Z')
    expect(facts.join(' ')).toMatch(/root is left out/)
    expect(facts.join(' ')).toMatch(/Must-staple/)
    expect(facts).toContain("OCSP responder: ocsp.staple-lab.example, from the certificate's AIA extension.")
  })

  it('a revoked response gives certStatus revoked, and the simulation rejects or flags it', async () => {
    const { certs, links } = await chainOf('certs/leaf-revoked.der', 'certs/intermediate.der')
    const revoked = await response('ocsp/resp-revoked-keycompromise.der')
    const result = scenarioFromPki({ leaf: certs[0]!, chain: links, responses: [revoked], at })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.scenario.certStatus).toBe('revoked')
    expect(result.value.facts.join(' ')).toMatch(/revoked on 2026-11-20 12:00 UTC \(keyCompromise\)/)
    const stapling = compareModes(result.value.scenario).find((e) => e.row === 'stapling')!
    expect(stapling.run.reason).toBe('revoked')
  })

  it('a response past its nextUpdate gives a stale staple, and the must-staple row rejects it', async () => {
    const { certs, links } = await chainOf('certs/leaf-rsa.der', 'certs/intermediate.der')
    const stale = await response('ocsp/resp-stale.der')
    const result = scenarioFromPki({ leaf: certs[0]!, chain: links, responses: [stale], at })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.scenario.staple).toBe('stale')
    expect(result.value.provenance.mustStaple).toBe(false)
    const mustStaple = compareModes(result.value.scenario).find((e) => e.row === 'must-staple')!
    expect(mustStaple.run.outcome).toBe('rejected')
    expect(mustStaple.run.reason).toBe('stale-staple')
  })

  it('agrees with the checklist on freshness, skew included', async () => {
    const { certs } = await chainOf('certs/leaf-must-staple.der')
    const good = await response('ocsp/resp-must-staple-good.der')
    const nextUpdate = Date.parse(good.info.basic!.responses[0]!.nextUpdate!)
    for (const [offsetS, skew] of [
      [-10, 300],
      [200, 300],
      [400, 300],
      [400, 600],
      [5, 0],
    ] as const) {
      const when = new Date(nextUpdate + offsetS * 1000)
      const checks = await checkOcspResponse({ responseDer: good.der, at: when, skewSeconds: skew })
      const freshness = checks.find((c) => c.id === 'freshness')!
      const bridged = scenarioFromPki({ leaf: certs[0]!, responses: [good], at: when, skewSeconds: skew })
      if (!bridged.ok) throw new Error(bridged.error.message)
      expect(bridged.value.scenario.staple, `${offsetS} s after nextUpdate, skew ${skew} s`).toBe(
        freshness.status === 'pass' ? 'fresh' : 'stale',
      )
    }
  })

  it('an unknown status stays good and says so', async () => {
    const { certs } = await chainOf('certs/leaf-rsa.der')
    const unknown = await response('ocsp/resp-unknown.der')
    // resp-unknown is about serial 7fff0001: give the leaf that serial's response by pretending.
    const info = structuredClone(unknown.info)
    info.basic!.responses[0]!.certId.serialNumber = certs[0]!.info.serialNumber
    const result = scenarioFromPki({ leaf: certs[0]!, responses: [{ info, der: unknown.der }], at })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.scenario.certStatus).toBe('good')
    expect(result.value.facts.join(' ')).toMatch(/unknown/)
  })

  it('without a chain or a response: the leaf alone, default staple, said in the facts', async () => {
    const leaf = await certificate(fixture('certs/leaf-must-staple.der'))
    const other = await response('ocsp/resp-stale.der')
    const result = scenarioFromPki({ leaf, responses: [other], at })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.scenario.chainBytes).toBe(leaf.der.length)
    expect(result.value.scenario.staple).toBe(defaultScenario.staple)
    expect(result.value.scenario.ocspResponseBytes).toBe(defaultScenario.ocspResponseBytes)
    expect(result.value.provenance.stapleId).toBeUndefined()
    expect(result.value.facts.join(' ')).toMatch(/leaf alone/)
    expect(result.value.facts.join(' ')).toMatch(/No OCSP response/)
  })

  it('clamps a size outside the simulator range and reports it', async () => {
    const leaf = await certificate(fixture('certs/leaf-must-staple.der'))
    const huge = new Uint8Array(300_000)
    const result = scenarioFromPki({
      leaf,
      chain: [
        { info: leaf.info, der: leaf.der as Uint8Array<ArrayBuffer>, role: 'leaf' },
        { info: leaf.info, der: huge, role: 'intermediate' },
      ],
      at,
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.scenario.chainBytes).toBe(200_000)
    expect(result.value.facts.join(' ')).toMatch(/outside the simulator's 100 to 200,000 bytes/)
  })

  it('refuses a CA certificate', async () => {
    const root = await certificate(fixture('certs/root.der'))
    const result = scenarioFromPki({ leaf: root, at })
    expect(result.ok).toBe(false)
  })

  it('the scenario and the marker survive the URL round trip without touching each other', async () => {
    const { certs, links } = await chainOf('certs/leaf-must-staple.der', 'certs/intermediate.der')
    const good = await response('ocsp/resp-must-staple-good.der')
    const result = scenarioFromPki({ leaf: certs[0]!, chain: links, responses: [good], at })
    if (!result.ok) throw new Error(result.error.message)
    const query = scenarioToQuery(result.value.scenario)
    writeProvenance(query, result.value.provenance)
    const back = new URLSearchParams(query.toString())
    const scenario = scenarioFromQuery(back)
    expect(scenario.ok && scenario.scenario).toEqual(result.value.scenario)
    expect(readProvenance(back)).toEqual(result.value.provenance)
  })
})
