/**
 * The comparison's address for a scenario made from real bytes: the scenario's keys, the
 * provenance marker and the facts it was made from (certFacts.ts), all in the link, so a reload,
 * a bookmark or a shared link shows what "Simulate with this" showed. Pure: no clock, no DOM.
 */
import { formatRoute } from '../route.ts'
import { scenarioToQuery, type Scenario } from '../sim/index.ts'
import { writeProvenance } from './provenance.ts'
import type { PkiScenario } from './scenarioFromPki.ts'

/** `scenario` overrides the mapped one (the probe simulates what it saw: no staple when none came). */
export function compareHrefFor(result: PkiScenario, scenario: Scenario = result.scenario): string {
  const query = scenarioToQuery(scenario)
  writeProvenance(query, result.provenance)
  return formatRoute({ view: 'compare', query })
}
