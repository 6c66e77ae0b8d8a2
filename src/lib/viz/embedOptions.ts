/**
 * How an embed shows its diagrams, beside the scenario in the same query string (#/embed?..., the
 * <staple-lab-diagram> element's attributes, and theme= for #/present):
 *
 *   rows=ocsp-soft-fail,must-staple   the rows to show (all four by default)
 *   theme=light|dark                  a fixed theme (the reader's preference by default)
 *   controls=none|play|full           no buttons, a play button (default), or the playback bar
 *   start=end                         open on the finished diagram instead of playing it
 *
 * A value the embed does not know is reported (one line naming it) and its default is shown.
 */
import { comparisonRows, type ComparisonRow } from '../sim/types.ts'
import { parsePresenterRows } from './presenterLink.ts'

export const embedThemes = ['auto', 'light', 'dark'] as const
export type EmbedTheme = (typeof embedThemes)[number]
export const embedControls = ['none', 'play', 'full'] as const
export type EmbedControls = (typeof embedControls)[number]
export const embedStarts = ['begin', 'end'] as const
export type EmbedStart = (typeof embedStarts)[number]

export interface EmbedOptions {
  rows: ComparisonRow[]
  theme: EmbedTheme
  controls: EmbedControls
  start: EmbedStart
}

export const defaultEmbedOptions: EmbedOptions = {
  rows: [...comparisonRows],
  theme: 'auto',
  controls: 'play',
  start: 'begin',
}

/** The query keys of the embed's own options: never a scenario key. */
export const embedKeys = ['rows', 'theme', 'controls', 'start'] as const
export type EmbedKey = (typeof embedKeys)[number]

export interface EmbedOptionProblem {
  code: 'unknown-row' | 'unknown-value'
  key: EmbedKey
  message: string
}

function oneOf<T extends string>(
  key: EmbedKey,
  text: string | null,
  allowed: readonly T[],
  fallback: T,
  problems: EmbedOptionProblem[],
): T {
  if (text === null || text === '') return fallback
  if ((allowed as readonly string[]).includes(text)) return text as T
  problems.push({
    code: 'unknown-value',
    key,
    message: `${key}: "${text}" is not one of ${allowed.join(', ')}; showing ${fallback}.`,
  })
  return fallback
}

/** The theme a link asks for (theme=light|dark), or auto: presenter mode reads it too. */
export function readTheme(query: URLSearchParams, problems: EmbedOptionProblem[] = []): EmbedTheme {
  return oneOf('theme', query.get('theme'), embedThemes, 'auto', problems)
}

export function parseEmbedOptions(query: URLSearchParams): {
  options: EmbedOptions
  problems: EmbedOptionProblem[]
} {
  const problems: EmbedOptionProblem[] = []
  const rowsRead = parsePresenterRows(query.get('rows'))
  if (!rowsRead.ok) problems.push({ ...rowsRead.error, key: 'rows' })
  return {
    options: {
      rows: rowsRead.ok ? rowsRead.rows : [...comparisonRows],
      theme: readTheme(query, problems),
      controls: oneOf('controls', query.get('controls'), embedControls, 'play', problems),
      start: oneOf('start', query.get('start'), embedStarts, 'begin', problems),
    },
    problems,
  }
}

/** The options as query keys, only where they differ from the defaults (short links). */
export function embedOptionsQuery(options: EmbedOptions): URLSearchParams {
  const query = new URLSearchParams()
  if (options.rows.length > 0 && options.rows.length < comparisonRows.length) {
    query.set('rows', comparisonRows.filter((row) => options.rows.includes(row)).join(','))
  }
  if (options.theme !== 'auto') query.set('theme', options.theme)
  if (options.controls !== 'play') query.set('controls', options.controls)
  if (options.start !== 'begin') query.set('start', options.start)
  return query
}

/** The attributes of <staple-lab-diagram> that say what it shows (theme is styled by its own attribute). */
export const elementAttributes = ['scenario', 'rows', 'theme', 'controls', 'start'] as const
export type ElementAttribute = (typeof elementAttributes)[number]

/**
 * The query an element's attributes mean: `scenario` is the query string the URL uses (a whole
 * Staple Lab link works too: the part after its "?"), and rows, theme, controls and start, when
 * given, win over the same keys inside it.
 */
export function elementQuery(attributes: Partial<Record<ElementAttribute, string | null>>): URLSearchParams {
  const scenario = (attributes.scenario ?? '').trim()
  const query = new URLSearchParams(
    scenario.includes('?') ? scenario.slice(scenario.indexOf('?') + 1) : scenario,
  )
  for (const key of embedKeys) {
    const value = attributes[key]
    if (value !== null && value !== undefined) query.set(key, value)
  }
  return query
}
