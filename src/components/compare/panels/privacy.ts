/**
 * The privacy panel's sentences: each ledger entry tied to the message that told the party, and a
 * plain statement when the responder learned nothing about this client, saying why.
 */
import type { ComparisonRow, LedgerEntry, LedgerParty, Run } from '../../../lib/sim/types.ts'
import { formatMilliseconds, formatMillisecondsAsSeconds } from '../../../lib/format.ts'

export const partyName: Record<LedgerParty, string> = {
  responder: 'OCSP responder (the CA)',
  observer: 'Passive observer',
  dns: 'DNS resolver',
}

export interface Leak {
  party: LedgerParty
  learned: string
  /** "OCSP request (POST)", the arrow's label in the diagram. */
  message: string
  at: string
  atSource: string
  linksClientToSite: boolean
}

export function leaks(run: Run): Leak[] {
  return run.ledger.map((entry) => leak(run, entry))
}

function leak(run: Run, entry: LedgerEntry): Leak {
  const event = run.events[entry.viaEventIndex]
  const message = event?.label ?? 'an unrecorded message'
  const flight = event
    ? `, the ${event.from} sent it at ${formatMilliseconds(event.t)} and it arrives at ${formatMilliseconds(event.arrive)}`
    : ''
  return {
    party: entry.party,
    learned: entry.learned,
    message,
    at: formatMillisecondsAsSeconds(entry.at),
    atSource: `${formatMilliseconds(entry.at)} after the client's first SYN (ledger time of "${message}"${flight})`,
    linksClientToSite: entry.linksClientToSite,
  }
}

/** When the responder learned nothing about this client: the reason, in one sentence. */
export function quietResponder(row: ComparisonRow, run: Run): string | null {
  if (run.responderLearned || run.ledger.some((e) => e.party === 'responder')) return null
  if (run.scenario.resumed)
    return 'Nobody learned anything: a resumed session sends no certificate, so nothing is checked.'
  if (row === 'none') return 'Nobody learned anything: the client made no revocation check.'
  if (run.revocationSource === 'staple')
    return 'The responder learned nothing about this client: the server fetched the response.'
  if (run.revocationSource === 'ocsp-cache')
    return 'The responder learned nothing about this client: it answered from its own OCSP cache.'
  if (run.revocationSource === 'pushed-list')
    return 'The responder learned nothing about this client: it checked a list pushed to it ahead of time.'
  // Chrome, Firefox 142+, Safari and curl never fetch OCSP (src/lib/sim/clients/).
  const sentNothing = !run.events.some((e) => e.from === 'client' && e.to === 'responder')
  if (row === 'stapling' || row === 'must-staple' || sentNothing)
    return 'The responder learned nothing about this client: it never contacts the CA itself.'
  return 'The responder learned nothing about this client: its OCSP request never reached it.'
}
