/**
 * The diagrams in words, as the first screen draws them: the line under a row's title and each
 * message's label for screen readers. A whole diagram as text is textAlternative.ts (it loads
 * after the diagrams are live).
 */
import { rowOffers, type ComparisonRow, type Run } from '../../../lib/sim/index.ts'
import type { Flight } from '../../../lib/viz/flights.ts'
import { laneNames } from '../../../lib/viz/lanes.ts'
import { formatBytesShort, formatMilliseconds } from '../../../lib/format.ts'

/**
 * What the row's client and server do, in a few words, under its title. With a named client the
 * row keeps its meaning, what the certificate and server offer; the client's own behaviour is in
 * the row's outcome and the "what this client does" panel, never a textbook client's words.
 */
export function rowSubtitle(
  row: ComparisonRow,
  run: Pick<Run, 'mode'> & { scenario: Pick<Run['scenario'], 'client'> },
): string {
  if (run.scenario.client !== 'textbook') return rowOffers[row]
  switch (row) {
    case 'none':
      return 'client checks nothing'
    case 'plain-ocsp':
      return run.mode === 'ocsp-hard-fail'
        ? 'client asks the CA, fails closed'
        : 'client asks the CA, gives up on timeout'
    case 'stapling':
      return 'server sends the CA’s answer'
    case 'must-staple':
      return 'certificate demands a staple'
  }
}

/** "ClientHello + status_request, from the client to the web server, 50 ms → 75 ms, 517 B." */
export function flightAriaLabel(f: Flight): string {
  const route = `${laneNames[f.from]} to ${laneNames[f.to]}`
  const fate = f.delivered
    ? `arrives at ${formatMilliseconds(f.arrive)}`
    : `dropped at ${formatMilliseconds(f.arrive)}`
  return `${f.events.map((e) => e.label).join(', ')}: ${route}, sent at ${formatMilliseconds(f.t)}, ${fate}, ${formatBytesShort(f.bytes)}.`
}
