/**
 * The handshake engine's speed: one handshake simulation (the page re-simulates on every slider
 * move), a four-row comparison, and the 1,000,000-client, 7-day CA-load run. Rates are set against
 * JSON.stringify of the same run in the same process, so the ratio means something on any machine.
 */
import { caLoad, defaultCaLoadInput } from '../../src/lib/sim/caLoad.ts'
import { compareModes, simulate } from '../../src/lib/sim/simulate.ts'
import { defaultHorizonInput, horizon } from '../../src/lib/sim/horizon.ts'
import { defaultScenario } from '../../src/lib/sim/scenario.ts'
import type { Scenario } from '../../src/lib/sim/types.ts'
import { formatRate, opsPerSecond } from './_timing.ts'

export const name = 'sim'

export async function run(): Promise<void> {
  const scenario: Scenario = { ...defaultScenario, jitterMs: 20, lossRate: 0.01, mode: 'ocsp-soft-fail' }
  const sample = simulate(scenario)
  const reference = opsPerSecond(() => JSON.stringify(sample))
  const one = opsPerSecond(() => simulate(scenario))
  const compare = opsPerSecond(() => compareModes(scenario))
  console.log(
    `one handshake simulation: ${formatRate(one)}/s, ${(1000 / one).toFixed(4)} ms each ` +
      `(${(one / reference).toFixed(2)}x JSON.stringify of the same run: ${formatRate(reference)}/s)`,
  )
  console.log(`compareModes (4 runs): ${formatRate(compare)}/s, ${(1000 / compare).toFixed(4)} ms each`)

  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    caLoad({ ...defaultCaLoadInput, clients: 1_000_000, days: 7 })
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    `CA load, 1,000,000 clients x 10,000 sites x 7 days: ${times[2]!.toFixed(1)} ms (median of 5; ` +
      `${(times[2]! / (1000 / reference)).toFixed(0)}x one JSON.stringify)`,
  )
  const h0 = performance.now()
  horizon({ ...defaultHorizonInput, handshakesPerHour: 1_000_000, strategy: 'lazy' })
  console.log(
    `horizon, 7 days at 1,000,000 handshakes/hour (lazy server): ${(performance.now() - h0).toFixed(1)} ms`,
  )
}
