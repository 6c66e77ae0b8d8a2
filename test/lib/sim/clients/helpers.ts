/** Shared by the client profile tests: one handshake of a client on a mode, over the defaults. */
import { simulate } from '../../../../src/lib/sim/simulate.ts'
import { defaultScenario } from '../../../../src/lib/sim/scenario.ts'
import type { Client, Mode, Run, Scenario } from '../../../../src/lib/sim/types.ts'

export function runAs(client: Client, mode: Mode, changes: Partial<Scenario> = {}): Run {
  return simulate({ ...defaultScenario, ...changes, client }, mode)
}

export const clientTalksToResponder = (run: Run): boolean =>
  run.events.some((e) => e.from === 'client' && e.to === 'responder')
