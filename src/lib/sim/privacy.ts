/**
 * The privacy ledger: who learned that this client visits this site, when, and from which message.
 * An OCSP request names the certificate by its issuer and serial number (RFC 6960 4.1.1 CertID), so
 * whoever reads it learns which site's certificate the client is checking. It travels in plain HTTP
 * (RFC 6960 A.1), so a passive observer between client and responder reads it too; the DNS lookup
 * of the responder's host only tells the resolver which CA is involved.
 *
 * An on-path attacker that blocks or resets OCSP (responder `blocked` or `reset`) must recognise the
 * client's connection attempt to the responder's address in order to drop it: that SYN tells it this
 * client is checking a certificate from this CA. It never sees an OCSP request (TCP never connects),
 * so it cannot tell which site. LedgerParty has no 'attacker' yet and the compare view's privacy panel
 * keys its party names by LedgerParty, so the entry is an 'observer' whose sentence names the attacker.
 */
import type { Delivery, Timeline } from './timeline.ts'
import type { Scenario } from './types.ts'

export function responderLearns(tl: Timeline, s: Scenario, request: Delivery): void {
  tl.learn(
    {
      party: 'responder',
      learned: `The OCSP responder (the CA) learned that ${s.clientIp} visits ${s.site}: the request names the site's certificate by serial number.`,
      linksClientToSite: true,
      at: request.arrive,
    },
    request.eventId,
  )
}

export function observerLearns(tl: Timeline, s: Scenario, sentAt: number, request: Delivery): void {
  tl.learn(
    {
      party: 'observer',
      learned: `A passive observer between ${s.clientIp} and the responder could read the plaintext OCSP request and tell that it checks ${s.site}'s certificate.`,
      linksClientToSite: true,
      at: sentAt,
    },
    request.eventId,
  )
}

export function attackerLearns(tl: Timeline, s: Scenario, syn: { droppedAt: number; eventId: number }): void {
  tl.learn(
    {
      party: 'observer',
      learned: `The on-path attacker saw ${s.clientIp} try to connect to ${s.responderHost} (the CA's OCSP responder) and stopped it: it learned that the client checks a certificate from this CA, not which site.`,
      linksClientToSite: false,
      at: syn.droppedAt,
    },
    syn.eventId,
  )
}

export function resolverLearns(tl: Timeline, s: Scenario, query: Delivery): void {
  tl.learn(
    {
      party: 'dns',
      learned: `The DNS resolver learned that ${s.clientIp} looked up ${s.responderHost}: it is checking a certificate from this CA, not which site.`,
      linksClientToSite: false,
      at: query.arrive,
    },
    query.eventId,
  )
}
