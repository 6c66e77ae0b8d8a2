/**
 * The engine's predictions for the calibration scenarios, server by server: what the real servers
 * did on Debian 12 (docs/calibration.md), held as the model's behaviour so a change to a strategy
 * that breaks the agreement shows here, without the servers installed.
 */
import { describe, expect, it } from 'vitest'
import { calibrationScenarios, predictCalibration } from '../../../src/lib/servers/calibration.ts'
import { serverProfiles } from '../../../src/lib/servers/index.ts'
import type { ServerId } from '../../../src/lib/servers/types.ts'
import { sequenceText } from '../../../src/lib/servers/calibrationReport.ts'

const scenario = (id: string) => calibrationScenarios.find((s) => s.id === id)!
const predict = (server: ServerId, id: string) =>
  sequenceText(predictCalibration(serverProfiles[server], scenario(id)))

describe('the model of each real server, scenario by scenario', () => {
  it('nginx fetches lazily: no staple on the first connection after start, then the good one', () => {
    expect(predict('nginx', 'first-and-later')).toBe('none · good · good')
  })

  it('nginx and Caddy never staple a revoked response; Apache and HAProxy staple it as it is', () => {
    expect(predict('nginx', 'revoked')).toBe('none · none')
    expect(predict('caddy', 'revoked')).toBe('none · none')
    expect(predict('apache', 'revoked')).toBe('revoked · revoked')
    expect(predict('haproxy', 'revoked')).toBe('revoked · revoked')
  })

  it('Apache staples a made-up tryLater when the responder is down, and passes on its tryLater', () => {
    expect(predict('apache', 'down')).toBe('tryLater · tryLater')
    expect(predict('apache', 'tryLater')).toBe('tryLater · tryLater')
    expect(predict('nginx', 'tryLater')).toBe('none · none')
  })

  it('only Apache makes a handshake wait for a slow responder; Caddy fetched before serving', () => {
    expect(predict('apache', 'slow')).toBe('good (waited) · good')
    expect(predict('nginx', 'slow')).toBe('none · good')
    expect(predict('caddy', 'slow')).toBe('good · good')
  })

  it('past nextUpdate: nginx stops, Apache (within its 300 s skew) and Caddy staple the stale one, HAProxy never stapled a response with under 300 s left', () => {
    expect(predict('nginx', 'near-expiry')).toBe('none · good · none')
    expect(predict('apache', 'near-expiry')).toBe('good · good · good (stale)')
    expect(predict('caddy', 'near-expiry')).toBe('good · good · good (stale)')
    expect(predict('haproxy', 'near-expiry')).toBe('none · none · none')
  })

  it('every server module names its strategy and a source for each fact', () => {
    for (const p of Object.values(serverProfiles)) {
      expect(p.facts.length).toBeGreaterThan(0)
      for (const f of p.facts) expect(f.source).toMatch(/^https:\/\//)
    }
  })
})
