/** The same scenario under every comparison row, for the page to show side by side. */
import type { ClientProfile } from './clients/profile.ts'
import { simulateAs } from './engine.ts'
import { rowMode } from './modes.ts'
import { comparisonRows, type ComparisonRow, type Run, type Scenario } from './types.ts'

export interface ComparisonEntry {
  row: ComparisonRow
  run: Run
}

/**
 * Four runs in the fixed order none, plain OCSP (the scenario's soft/hard choice), stapling,
 * must-staple, as the scenario's client (`profile`) makes them.
 */
export function compareModesAs(profile: ClientProfile, scenario: Scenario): ComparisonEntry[] {
  return comparisonRows.map((row) => ({ row, run: simulateAs(profile, scenario, rowMode(row, scenario)) }))
}
