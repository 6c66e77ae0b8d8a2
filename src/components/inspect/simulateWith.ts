/**
 * "Simulate with this": the comparison's scenario for a certificate card, from everything loaded
 * beside it. The bridge to the simulation (scenarioFromPki, the scenario's link) is a chunk the page
 * loads when the button is pressed: a drop never runs it, so the view does not load it.
 */
import type { BridgeResult, PkiResponse } from '../../lib/bridge/scenarioFromPki'
import { isCertificateCard } from './inspectCards.ts'
import type { Inspector } from './inspector.svelte'

/** The scenario of the certificate card `key`; undefined when it is not (or no longer) one. */
export async function scenarioFor(
  inspector: Inspector,
  key: string,
  at: Date,
): Promise<BridgeResult | undefined> {
  const { scenarioFromPki } = await import('../../lib/bridge/scenarioFromPki')
  const card = inspector.cards.find((c) => c.key === key)
  if (!card || !isCertificateCard(card)) return undefined
  const responses: PkiResponse[] = []
  for (const c of inspector.cards) {
    if (c.type === 'object' && c.object.result.ok && c.object.result.value.kind === 'ocspResponse')
      responses.push({ info: c.object.result.value, der: c.object.der })
  }
  return scenarioFromPki({
    leaf: { info: card.object.result.value, der: card.object.der },
    // scenarioFromPki uses the chain only when it starts at this certificate.
    chain: inspector.chain.state === 'built' ? inspector.chain.links : [],
    responses,
    at,
    skewSeconds: inspector.skewSeconds,
  })
}

/** The comparison's address for the card, or the one sentence saying why there is none. */
export async function simulateHref(
  inspector: Inspector,
  key: string,
  at: Date,
): Promise<{ ok: true; href: string } | { ok: false; message: string } | undefined> {
  const [result, { compareHrefFor }] = await Promise.all([
    scenarioFor(inspector, key, at),
    import('../../lib/bridge/compareLink'),
  ])
  if (!result) return undefined
  return result.ok
    ? { ok: true, href: compareHrefFor(result.value) }
    : { ok: false, message: result.error.message }
}
