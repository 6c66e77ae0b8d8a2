/**
 * One freshness rule: the card's sentence and badge, the checklist and "Simulate with this" judge
 * a staple alike at every instant, including the five minutes after nextUpdate that the
 * clock-skew allowance still accepts.
 */
import { describe, expect, it } from 'vitest'
import { scenarioFromPki } from '../../../src/lib/bridge/scenarioFromPki.ts'
import {
  checkOcspResponse,
  defaultSkewSeconds,
  describeFreshness,
  judgeFreshness,
  type OcspResponseInfo,
} from '../../../src/lib/pki/index.ts'
import { certificate, fixture, inspectOne, valueOf } from './helpers.ts'

const thisUpdate = '2026-11-24T00:00:00Z'
const nextUpdate = '2026-11-28T00:00:00Z'
const next = Date.parse(nextUpdate)
const after = (seconds: number) => new Date(next + seconds * 1000)

describe('judgeFreshness', () => {
  it('stays fresh up to the allowance after nextUpdate, and is stale one second past it', () => {
    expect(defaultSkewSeconds).toBe(300)
    expect(judgeFreshness({ thisUpdate, nextUpdate }, after(-60))).toEqual({
      state: 'fresh',
      leftMs: 60_000,
      aheadMs: 0,
    })
    expect(judgeFreshness({ thisUpdate, nextUpdate }, after(299))).toMatchObject({
      state: 'fresh',
      leftMs: -299_000,
    })
    expect(judgeFreshness({ thisUpdate, nextUpdate }, after(300)).state).toBe('fresh')
    expect(judgeFreshness({ thisUpdate, nextUpdate }, after(301))).toEqual({
      state: 'stale',
      pastMs: 301_000,
    })
    expect(judgeFreshness({ thisUpdate, nextUpdate }, after(1), 0).state).toBe('stale')
  })

  it('accepts a thisUpdate up to the allowance ahead of the clock, not beyond', () => {
    const t = Date.parse(thisUpdate)
    expect(judgeFreshness({ thisUpdate, nextUpdate }, new Date(t - 299_000))).toMatchObject({
      state: 'fresh',
      aheadMs: 299_000,
    })
    expect(judgeFreshness({ thisUpdate, nextUpdate }, new Date(t - 301_000))).toEqual({
      state: 'not-yet-valid',
      aheadMs: 301_000,
    })
  })

  it('without nextUpdate a response is open-ended (RFC 6960 4.2.2.1)', () => {
    expect(judgeFreshness({ thisUpdate }, new Date(Date.parse(thisUpdate) + 3_600_000))).toEqual({
      state: 'open',
      sinceMs: 3_600_000,
      aheadMs: 0,
    })
  })
})

describe('describeFreshness, the card sentence', () => {
  it('names the grace after nextUpdate instead of calling the response stale', () => {
    expect(describeFreshness(thisUpdate, nextUpdate, after(-3600))).toBe('fresh for 1 h')
    expect(describeFreshness(thisUpdate, nextUpdate, after(299))).toBe(
      'fresh within the 5 min allowed for clock skew: nextUpdate passed 4 min ago',
    )
    expect(describeFreshness(thisUpdate, nextUpdate, after(301))).toBe('stale since 2026-11-28 00:00 UTC')
  })

  it('a thisUpdate slightly ahead is fresh and says so', () => {
    const early = new Date(Date.parse(thisUpdate) - 120_000)
    expect(describeFreshness(thisUpdate, nextUpdate, early)).toBe(
      'fresh for 4 d; thisUpdate is 2 min ahead of this clock, within the 5 min allowed for clock skew',
    )
  })
})

describe('every caller at the boundary instants of a real response', () => {
  it('card, checklist and "Simulate with this" agree at nextUpdate + 299 s and + 301 s', async () => {
    const obj = await inspectOne(fixture('ocsp/resp-must-staple-good.der'))
    const info = valueOf(obj) as OcspResponseInfo
    const single = info.basic!.responses[0]!
    const leaf = await certificate(fixture('certs/leaf-must-staple.der'))
    const nu = Date.parse(single.nextUpdate!)
    for (const [offset, expected] of [
      [299, 'fresh'],
      [301, 'stale'],
    ] as const) {
      const at = new Date(nu + offset * 1000)
      const card = judgeFreshness(single, at).state
      const sentence = describeFreshness(single.thisUpdate, single.nextUpdate, at)
      const checks = await checkOcspResponse({ responseDer: obj.der, at })
      const checklist = checks.find((c) => c.id === 'freshness')!
      const bridged = scenarioFromPki({ leaf, responses: [{ info, der: obj.der }], at })
      if (!bridged.ok) throw new Error(bridged.error.message)
      expect(card, `card badge at +${offset} s`).toBe(expected)
      expect(sentence.startsWith(expected), `card sentence at +${offset} s: ${sentence}`).toBe(true)
      expect(checklist.status, `checklist at +${offset} s`).toBe(expected === 'fresh' ? 'pass' : 'fail')
      expect(bridged.value.scenario.staple, `simulation at +${offset} s`).toBe(expected)
    }
  })
})
