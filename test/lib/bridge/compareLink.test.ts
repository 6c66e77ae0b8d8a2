import { describe, expect, it } from 'vitest'
import { compareHrefFor } from '../../../src/lib/bridge/compareLink.ts'
import { factsFor } from '../../../src/lib/bridge/facts.ts'
import { readProvenance } from '../../../src/lib/bridge/provenance.ts'
import { scenarioFromPki, type PkiResponse } from '../../../src/lib/bridge/scenarioFromPki.ts'
import { buildChain, type OcspResponseInfo } from '../../../src/lib/pki/index.ts'
import { parseRoute } from '../../../src/lib/route.ts'
import { scenarioFromQuery } from '../../../src/lib/sim/index.ts'
import { certificate, fixture, inspectOne, valueOf } from '../pki/helpers.ts'

const at = new Date('2026-11-25T12:00:00Z')

async function response(path: string): Promise<PkiResponse> {
  const obj = await inspectOne(fixture(path))
  return { info: valueOf(obj) as OcspResponseInfo, der: obj.der }
}

async function bridged(leafPath: string, responsePath: string) {
  const certs = await Promise.all(
    [leafPath, 'certs/intermediate.der', 'certs/root.der'].map((p) => certificate(fixture(p))),
  )
  const result = scenarioFromPki({
    leaf: certs[0]!,
    chain: await buildChain(certs),
    responses: [await response(responsePath)],
    at,
  })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** What the comparison reads after a reload: only the address. */
const reload = (href: string) => parseRoute(new URL(`https://page.example/${href}`).hash)

describe('compareHrefFor', () => {
  it('carries the scenario and every sentence of "What was taken from your certificate" through a reload', async () => {
    for (const [leaf, staple] of [
      ['certs/leaf-must-staple.der', 'ocsp/resp-must-staple-good.der'],
      ['certs/leaf-revoked.der', 'ocsp/resp-revoked-keycompromise.der'],
      ['certs/leaf-rsa.der', 'ocsp/resp-stale.der'],
    ]) {
      const result = await bridged(leaf!, staple!)
      const route = reload(compareHrefFor(result))
      expect(route.view).toBe('compare')
      const scenario = scenarioFromQuery(route.query)
      expect(scenario.ok && scenario.scenario, leaf).toEqual(result.scenario)
      expect(readProvenance(route.query), leaf).toEqual(result.provenance)
      expect(factsFor(route.query), leaf).toEqual(result.facts)
    }
  })

  it('never puts the certificate or the response bytes in the link', async () => {
    const result = await bridged('certs/leaf-must-staple.der', 'ocsp/resp-must-staple-good.der')
    const href = compareHrefFor(result)
    const der = fixture('certs/leaf-must-staple.der')
    // No run of the certificate's base64 (any 16 characters of it) appears in the address.
    const base64 = Buffer.from(der).toString('base64')
    for (let i = 0; i + 16 < base64.length; i += 16) expect(href).not.toContain(base64.slice(i, i + 16))
    expect(href.length).toBeLessThan(600)
  })
})
