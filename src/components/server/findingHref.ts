/**
 * The link of a config checker finding (lib/servers/configChecker.ts), written by the field
 * registry of the view it opens: the scenario fields for #/compare (lib/sim/scenarioFields.ts), the
 * days view's inputs for #/days (lib/days/daysFields.ts). Only values that differ from the defaults
 * appear, so the link reads like the finding ("#/days?d=14&o=24-336").
 */
import { formatRoute } from '../../lib/route.ts'
import type { FindingLink } from '../../lib/servers/configChecker.ts'
import { defaultScenario, scenarioToQuery } from '../../lib/sim/index.ts'
import { daysQuery, defaultDaysInput } from '../../lib/days/daysFields.ts'

export function findingHref(link: FindingLink): string {
  if (link.view === 'compare')
    return formatRoute({ view: 'compare', query: scenarioToQuery({ ...defaultScenario, ...link.scenario }) })
  return formatRoute({ view: 'days', query: daysQuery({ ...defaultDaysInput, ...link.days }) })
}
