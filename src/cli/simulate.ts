/**
 * `npm run --silent simulate -- [--json] [--compare] [options]`: the handshake engine from a shell.
 * Exit 0 for any simulated outcome (a rejected handshake is a result, not an error), 2 for a usage
 * error with a one-line message on stderr. See docs/model.md ("CLI") for the JSON contract.
 */
import { runAllModes, simulate } from '../lib/sim/simulate.ts'
import { parseCliArgs, usage } from './simulateOptions.ts'
import { compareToText, runToJson, runToText } from './report.ts'

function main(argv: readonly string[]): number {
  const parsed = parseCliArgs(argv)
  if (!parsed.ok) {
    process.stderr.write(`simulate: ${parsed.error}\n`)
    return 2
  }
  const { json, compare, help, scenario } = parsed.options
  if (help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (compare) {
    const runs = runAllModes(scenario)
    const out = json
      ? JSON.stringify({ modes: Object.fromEntries(Object.entries(runs).map(([m, r]) => [m, runToJson(r)])) })
      : compareToText(runs)
    process.stdout.write(`${out}\n`)
    return 0
  }
  const run = simulate(scenario)
  process.stdout.write(`${json ? JSON.stringify(runToJson(run)) : runToText(run)}\n`)
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  // Never a stack trace to a user: an engine bug is reported in one line, with a distinct status.
  process.stderr.write(
    `simulate: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exitCode = 1
}
