import { describe, expect, it } from 'vitest'
import {
  certFactKeys,
  factSentences,
  readCertFacts,
  writeCertFacts,
  type CertFacts,
} from '../../../src/lib/bridge/certFacts.ts'
import { provenanceKeys } from '../../../src/lib/bridge/provenance.ts'
import { scenarioFields } from '../../../src/lib/sim/index.ts'
import { viewKeys } from '../../../src/components/compare/scenarioState.svelte.ts'

const revoked: CertFacts = {
  site: { from: 'san', wildcard: true },
  responder: { from: 'aia', host: 'ocsp.staple-lab.example' },
  mustStaple: false,
  chain: { sent: [1200, 1100], leafOnly: false, rootLeftOut: true },
  staple: {
    kind: 'response',
    bytes: 471,
    status: 'revoked',
    revocationTime: '2026-11-20T12:00:00Z',
    revocationReason: 'keyCompromise',
    freshness: 'fresh',
    thisUpdate: '2026-11-24T00:05:42Z',
    nextUpdate: '2026-11-28T00:05:42Z',
    checkedAt: '2026-11-25T12:00:00.000Z',
    skewSeconds: 300,
  },
}

function roundTrip(facts: CertFacts) {
  const query = new URLSearchParams()
  const { mustStaple: _m, ...linkFacts } = facts
  writeCertFacts(query, linkFacts)
  const nextUpdate = facts.staple.kind === 'response' ? facts.staple.nextUpdate : undefined
  return readCertFacts(new URLSearchParams(query.toString()), nextUpdate)
}

describe('certificate facts in the link', () => {
  it('use no key of the scenario, the view or the provenance marker', () => {
    const taken = new Set([
      'v',
      ...Object.values(scenarioFields).map((s) => s.urlKey),
      ...Object.values(viewKeys),
      ...Object.values(provenanceKeys),
    ])
    for (const key of Object.values(certFactKeys)) expect(taken.has(key), key).toBe(false)
    expect(new Set(Object.values(certFactKeys)).size).toBe(Object.values(certFactKeys).length)
  })

  it('read back as written, and say the same sentences', () => {
    const back = roundTrip(revoked)
    expect({ ...back, mustStaple: false }).toEqual(revoked)
    const sentences = factSentences(revoked, 'shop.example').join(' ')
    expect(sentences).toContain(
      'Site: shop.example, its first DNS subjectAltName (*.shop.example, shown without the wildcard).',
    )
    expect(sentences).toContain(
      'Chain: 2,300 bytes (1,200 + 1,100), the leaf and 1 intermediate the server sends; the root is left out',
    )
    expect(sentences).toContain('Status: revoked on 2026-11-20 12:00 UTC (keyCompromise).')
    expect(sentences).toContain(
      'Staple: fresh until 2026-11-28 00:05 UTC (checked at 2026-11-25 12:00 UTC, 300 s clock skew allowed).',
    )
  })

  it('a hand-edited part is left out with its sentence; only host names, numbers, reason names and times are read', () => {
    const read = (pairs: Record<string, string>) =>
      readCertFacts(new URLSearchParams(pairs), '2026-11-28T00:05:42Z')
    expect(read({ fr: 'bank.example: REVOKED, call +1 555 0100' }).responder).toBeUndefined()
    expect(read({ fr: '<img src=x onerror=alert(1)>' }).responder).toBeUndefined()
    expect(read({ fr: 'ocsp.ca.example' }).responder).toEqual({ from: 'aia', host: 'ocsp.ca.example' })
    expect(read({ fc: '1200.abc', fck: 'path' }).chain).toBeUndefined()
    expect(read({ fc: '1200', fck: 'sideways' }).chain).toBeUndefined()
    expect(read({ fs: 'san-x' }).site).toBeUndefined()
    expect(read({ fo: 'none', fsn: 'zz' }).staple).toBeUndefined()
    const staple = {
      fo: 'revoked',
      fob: '471',
      frr: 'the CA says call us',
      frt: 'yesterday',
      ff: 'fresh',
      ftu: '2026-11-24T00:05:42Z',
      fat: '2026-11-25T12:00:00Z',
      fsk: '300',
    }
    // The status stands; the reason and the time, not valid, are not said.
    expect(read(staple).staple).toMatchObject({ kind: 'response', status: 'revoked' })
    expect(read(staple).staple).not.toHaveProperty('revocationReason')
    expect(read(staple).staple).not.toHaveProperty('revocationTime')
    expect(read({ ...staple, ff: 'forever' }).staple).toBeUndefined()
    expect(read({ ...staple, fob: '1e9' }).staple).toBeUndefined()
  })

  it('says when a size was simulated at the end of its range', () => {
    const huge: CertFacts = {
      ...revoked,
      chain: { sent: [1200, 300_000], leafOnly: false, rootLeftOut: false },
    }
    expect(factSentences(huge, 'shop.example').join(' ')).toMatch(
      /301,200 bytes is outside the simulator's 100 to 200,000 bytes for chainBytes: simulated as 200,000 bytes/,
    )
  })
})
