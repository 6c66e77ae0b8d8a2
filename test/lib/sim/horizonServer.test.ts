/**
 * How long past nextUpdate each strategy keeps stapling what it holds (its staple window), as
 * calibrated against the real servers (docs/calibration.md, near-expiry).
 */
import { describe, expect, it } from 'vitest'
import { serverCache, stapleWindowHours } from '../../../src/lib/sim/horizonServer.ts'

const down = () => false

describe('the staple window past nextUpdate', () => {
  it('comes from the server each strategy models: nginx 0, Apache 300 s, Caddy for ever, nginx ssl_stapling_file for ever', () => {
    expect(stapleWindowHours).toMatchObject({
      lazy: 0,
      blocking: 300 / 3600,
      proactive: Infinity,
      static: Infinity,
    })
  })

  it('Caddy keeps stapling its last response, stale, while its refreshes fail through nextUpdate', () => {
    const cache = serverCache('proactive', 24, 0)
    cache.runTimers(0, () => true)
    cache.runTimers(30, down)
    expect(cache.freshness(23)).toBe('fresh')
    expect(cache.freshness(30)).toBe('stale')
  })

  it('Apache staples a response up to 300 s past nextUpdate without fetching, then renews it in the handshake', () => {
    const cache = serverCache('blocking', 8 / 3600, 0)
    expect(cache.handshakeTriggersFetch(0)).toBe(true)
    expect(cache.serve(0, true)).toBe('fresh')
    const past = 10 / 3600
    expect(cache.freshness(past)).toBe('stale')
    expect(cache.handshakeTriggersFetch(past)).toBe(false)
    expect(cache.handshakeTriggersFetch(320 / 3600)).toBe(true)
  })

  it('a negative window (HAProxy: 300 s before nextUpdate) stops stapling a file before it expires', () => {
    const cache = serverCache('static', 1, 0, -300 / 3600)
    expect(cache.freshness(0.5)).toBe('fresh')
    expect(cache.freshness(56 / 60)).toBe('none')
    expect(cache.nextChange(0.5)).toBeCloseTo(55 / 60)
  })
})
