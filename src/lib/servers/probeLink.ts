/**
 * The probe's "#/compare?..." link: the scenario of what it saw, built as the inspector's
 * "Simulate with this" builds it (scenarioFromPki), so the page and the probe agree.
 */
import { scenarioFromPki } from '../bridge/scenarioFromPki.ts'
import { compareHrefFor } from '../bridge/compareLink.ts'
import { buildChainLinks } from './probeChain.ts'
import { formatRoute } from '../route.ts'
import { parseScenario } from '../sim/index.ts'
import type { CertificateInfo, OcspResponseInfo } from '../pki/types.ts'

export interface ProbeLinkInput {
  /** The certificates the server sent, leaf first. */
  chain: { info: CertificateInfo; der: Uint8Array }[]
  /** The last readable staple, or null when none came. */
  staple: { info: OcspResponseInfo; der: Uint8Array } | null
  at: Date
}

export function probeCompareLink(input: ProbeLinkInput): string {
  const leaf = input.chain[0]
  if (!leaf) return formatRoute({ view: 'compare' })
  const built = scenarioFromPki({
    leaf,
    chain: buildChainLinks(input.chain),
    responses: input.staple ? [input.staple] : [],
    at: input.at,
  })
  if (!built.ok) return formatRoute({ view: 'compare' })
  // What was seen: no staple came, so the simulated server holds none.
  const scenario = input.staple === null ? parseScenario({ ...built.value.partial, staple: 'none' }) : null
  return compareHrefFor(built.value, scenario?.ok ? scenario.scenario : built.value.scenario)
}
