/**
 * The engine with every client profile at hand, for node (the CLI, tests, benches) and the views
 * that load after the comparison's first screen. The first screen simulates with
 * simulateAs()/compareModesAs() and the profile it has (clients/load.ts).
 */
import { clientProfiles } from './clients/profiles.ts'
import { compareModesAs, type ComparisonEntry } from './compare.ts'
import { simulateAs } from './engine.ts'
import { modes, type Mode, type Run, type Scenario } from './types.ts'

/** One handshake of `mode` (the scenario's own by default) as the scenario's client makes it. */
export function simulate(scenario: Scenario, mode: Mode = scenario.mode): Run {
  return simulateAs(clientProfiles[scenario.client], scenario, mode)
}

/** The four comparison rows, in their fixed order (compare.ts). */
export function compareModes(scenario: Scenario): ComparisonEntry[] {
  return compareModesAs(clientProfiles[scenario.client], scenario)
}

/** Every one of the five modes, in the order of `modes` (the CLI's --compare). */
export function runAllModes(scenario: Scenario): Record<Mode, Run> {
  return Object.fromEntries(modes.map((m) => [m, simulate(scenario, m)])) as Record<Mode, Run>
}
