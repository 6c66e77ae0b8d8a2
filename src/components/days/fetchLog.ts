/**
 * When the server fetched, and whether the fetch reached the responder: the engine's own log
 * (horizon().fetchLog), so the days view draws exactly the fetches the engine counted.
 */
import { horizon, type HorizonInput, type ServerFetch } from '../../lib/sim/index.ts'

export type Fetch = ServerFetch

export function fetchLog(input: HorizonInput): Fetch[] {
  return horizon(input).fetchLog
}
