/** The handshake view's server strategies where the calibration corrected them (docs/calibration.md). */
import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'
import { serverStrategyModels } from '../../../src/lib/sim/serverStrategies.ts'

const revoked = { ...defaultScenario, certStatus: 'revoked' as const }

describe('what a server staples from its cache', () => {
  it('nginx (lazy) and Caddy (proactive) never staple a revoked response, and say why', () => {
    for (const name of ['lazy', 'proactive'] as const) {
      const plan = serverStrategyModels[name].plan('fresh', revoked)
      expect(plan.cached).toBeNull()
      expect(plan.note).toMatch(/staples only a good response/)
    }
  })

  it('Apache (blocking) and a staple file (static) staple the revoked response as it is', () => {
    expect(serverStrategyModels.blocking.plan('fresh', revoked).cached).toEqual({
      kind: 'response',
      status: 'revoked',
      fresh: true,
    })
    expect(serverStrategyModels.static.plan('fresh', revoked).cached).toEqual({
      kind: 'response',
      status: 'revoked',
      fresh: true,
    })
  })

  it('Caddy goes on stapling its stale response while it refreshes beside the handshake', () => {
    const plan = serverStrategyModels.proactive.plan('stale', defaultScenario)
    expect(plan).toMatchObject({
      cached: { kind: 'response', status: 'good', fresh: false },
      fetch: 'background',
    })
  })
})
