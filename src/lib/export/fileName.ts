/**
 * The name of an exported animation says what it shows, so a folder of slides' media reads like a
 * table of contents: `staple-lab-must-staple-tls13-responder-down.gif`. It names the rows shown,
 * the TLS version and the responder's state always, then every other fact that differs from its
 * default, in the field registry's order (the order of the URL query), each in a short form
 * (`cert-revoked`, `chrome`, `rs80`).
 */
import { scenarioFieldNames, scenarioFields, type ScenarioFieldName } from '../sim/scenarioFields.ts'
import { defaultScenario } from '../sim/scenario.ts'
import { comparisonRows, type ComparisonRow, type Scenario } from '../sim/types.ts'
import type { AnimationFormat } from './schedule.ts'

/** Lower case words joined by hyphens; everything else goes (’, ↔, spaces, capitals). */
function kebab(text: string): string {
  return text
    .replace(/[’']/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A row as the file names it: the plain-OCSP row by the policy its client ran. */
function rowSlug(row: ComparisonRow, scenario: Scenario): string {
  if (row === 'none') return 'no-check'
  if (row === 'plain-ocsp') return `ocsp-${scenario.plainOcsp}`
  return row
}

/** Named in every file name, or not at all: the page-wide facts the name leads with, and text. */
const leadingOrUnnamed = new Set<ScenarioFieldName>([
  'mode', // a single run's mode: the rows say what the file shows
  'tls',
  'responder',
  'clientIp', // only in the privacy sentences, never in a diagram
  'site',
])

/** Enum values that need their field's word to be read alone ("stale" what?). */
const enumWords: Partial<Record<ScenarioFieldName, string>> = {
  certStatus: 'cert',
  staple: 'staple',
  serverStrategy: 'server',
  keyExchange: 'kx',
  httpMethod: 'ocsp',
  client: '',
  plainOcsp: '',
}

function factSlug(name: ScenarioFieldName, value: unknown): string {
  const spec = scenarioFields[name]
  switch (spec.kind) {
    case 'boolean':
      return value === true ? kebab(spec.label) : `no-${kebab(spec.label)}`
    case 'number':
      return `${spec.urlKey}${String(value)}`
    case 'enum': {
      const word = enumWords[name] ?? spec.urlKey
      return [word, kebab(String(value))].filter(Boolean).join('-')
    }
    case 'text':
      return ''
  }
}

/** The longest a name gets before its last facts are left off (file systems allow 255 bytes). */
const maxNameLength = 150

export function animationFileName(
  scenario: Scenario,
  rows: readonly ComparisonRow[],
  format: AnimationFormat,
): string {
  const shown = comparisonRows.filter((row) => rows.includes(row))
  const allRows = shown.length === comparisonRows.length || shown.length === 0
  const plainRowNamed = !allRows && shown.includes('plain-ocsp')
  const parts = [
    'staple-lab',
    allRows ? 'compare' : shown.map((row) => rowSlug(row, scenario)).join('-and-'),
    `tls${scenario.tls.replace('.', '')}`,
    `responder-${kebab(scenario.responder)}`,
  ]
  const facts = scenarioFieldNames
    .filter((name) => !leadingOrUnnamed.has(name))
    .filter((name) => !(name === 'plainOcsp' && plainRowNamed))
    .filter((name) => scenario[name] !== defaultScenario[name])
    .map((name) => factSlug(name, scenario[name]))
    .filter(Boolean)
  let name = parts.join('-')
  for (const fact of facts) {
    if (name.length + fact.length + 1 > maxNameLength) break
    name += `-${fact}`
  }
  return `${name}.${format}`
}
