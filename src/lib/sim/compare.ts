/** The same scenario under every comparison row, for the page to show side by side. */
import { simulate } from './engine.ts'
import { rowMode } from './modes.ts'
import { comparisonRows, modes, type ComparisonRow, type Mode, type Run, type Scenario } from './types.ts'

export interface ComparisonEntry {
  row: ComparisonRow
  run: Run
}

/** Four runs in the fixed order none, plain OCSP (the scenario's soft/hard choice), stapling, must-staple. */
export function compareModes(scenario: Scenario): ComparisonEntry[] {
  return comparisonRows.map((row) => ({ row, run: simulate(scenario, rowMode(row, scenario)) }))
}

/** Every one of the five modes, in the order of `modes` (the CLI's --compare). */
export function runAllModes(scenario: Scenario): Record<Mode, Run> {
  return Object.fromEntries(modes.map((m) => [m, simulate(scenario, m)])) as Record<Mode, Run>
}
