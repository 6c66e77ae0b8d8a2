/**
 * The "Over days" view's inputs, each declared once (URL key, label, unit, range, slider, hint),
 * and their place in the URL hash (the URL is the state: docs/architecture.md).
 *
 *   #/days?d=14&v=96&o=48-120_200-212&c=100000
 *
 * Short keys, and only values that differ from the engine's defaults, so a default link stays
 * `#/days`. A link's bad values are named, one problem each, like the comparison view's; its
 * valid values are kept.
 */
import {
  defaultCaLoadInput,
  defaultHorizonInput,
  maxOutages,
  outagesInWindow,
  type CaLoadInput,
  type Outage,
} from '../sim/index.ts'
import { decimalFormat } from '../numberFormat.ts'

export interface DaysInput {
  days: number
  validityHours: number
  responseAgeHours: number
  handshakesPerHour: number
  outages: Outage[]
  clients: number
  sites: number
  visitsPerClientPerDay: number
  popularity: CaLoadInput['popularity']
  fetchersPerSite: number
  /** When the CA revokes the certificate, for the revocation window (src/lib/sim/revocationWindow.ts). */
  revokedAtHour: number
}

export const defaultDaysInput: DaysInput = {
  days: defaultHorizonInput.days,
  validityHours: defaultHorizonInput.validityHours,
  responseAgeHours: defaultHorizonInput.responseAgeHours,
  handshakesPerHour: defaultHorizonInput.handshakesPerHour,
  outages: defaultHorizonInput.outages.map((o) => ({ ...o })),
  clients: defaultCaLoadInput.clients,
  sites: defaultCaLoadInput.sites,
  visitsPerClientPerDay: defaultCaLoadInput.visitsPerClientPerDay,
  popularity: defaultCaLoadInput.popularity,
  fetchersPerSite: defaultCaLoadInput.fetchersPerSite,
  revokedAtHour: 24,
}

export type DaysNumberField = Exclude<keyof DaysInput, 'outages' | 'popularity'>

export interface DaysFieldSpec {
  urlKey: string
  label: string
  unit: string
  /** What it means and where its default comes from. */
  hint: string
  /** What may be typed or linked. */
  min: number
  max: number
  /** The slider's own range when narrower (validity: 8 hours to 10 days), or a log scale. */
  slider: { min?: number; max?: number; log?: boolean }
}

export const daysFields: Record<DaysNumberField, DaysFieldSpec> = {
  days: {
    urlKey: 'd',
    label: 'Days simulated',
    unit: 'days',
    hint: "Default a week: one Let's Encrypt response lifetime.",
    min: 1,
    max: 366,
    slider: { max: 60 },
  },
  validityHours: {
    urlKey: 'v',
    label: 'Response validity',
    unit: 'hours',
    // CA/B Forum BR 4.9.10: at least 8 hours, at most 10 days; below and above kept for experiments.
    hint: "CA/B Forum BR 4.9.10: 8 hours to 10 days; Let's Encrypt used 7 days.",
    min: 1,
    max: 720,
    slider: { min: 8, max: 240 },
  },
  responseAgeHours: {
    urlKey: 'a',
    label: 'Response age when fetched',
    unit: 'hours',
    hint: 'CAs pre-produce responses, so a fetched one may already be hours old; 0 means produced on demand.',
    min: 0,
    max: 720,
    slider: { max: 96 },
  },
  handshakesPerHour: {
    urlKey: 'r',
    label: 'Handshakes',
    unit: 'per hour',
    hint: 'Engine default 100 an hour, each from a new client. Lazy and blocking servers fetch only when one arrives.',
    min: 0.1,
    max: 1_000_000,
    slider: { log: true },
  },
  clients: {
    urlKey: 'c',
    label: 'Clients',
    unit: 'C',
    hint: 'Default a million browsers.',
    min: 1,
    max: 100_000_000,
    slider: { log: true },
  },
  sites: {
    urlKey: 's',
    label: 'Sites',
    unit: 'S',
    hint: 'Default 10,000 sites, each with its own certificate.',
    min: 1,
    max: 1_000_000,
    slider: { log: true },
  },
  visitsPerClientPerDay: {
    urlKey: 'vpd',
    label: 'Visits per client',
    unit: 'per day',
    hint: "Default 20 site visits a day, each needing the certificate's status.",
    min: 0,
    max: 1000,
    slider: { max: 200 },
  },
  fetchersPerSite: {
    urlKey: 'f',
    label: 'Fetchers per site',
    unit: 'servers or workers',
    hint: 'nginx caches per worker process, so each worker fetches its own staple.',
    min: 0,
    max: 64,
    slider: { max: 16 },
  },
  revokedAtHour: {
    urlKey: 'rv',
    label: 'Revoked at',
    unit: 'h',
    hint: 'Hours since the start: when the CA revokes the certificate.',
    min: 0,
    max: 366 * 24,
    slider: { max: 14 * 24 },
  },
}

const daysNumberFields = Object.keys(daysFields) as DaysNumberField[]

export const outagesField = { urlKey: 'o', label: 'Responder outages' } as const

export const popularityField = {
  urlKey: 'pop',
  label: 'Popularity',
  options: { zipf: 'Zipf (a few sites get most visits)', uniform: 'Uniform' },
} as const satisfies { urlKey: string; label: string; options: Record<CaLoadInput['popularity'], string> }

const isPopularity = (text: string): text is CaLoadInput['popularity'] => text in popularityField.options

/** The props of a NumberField for one of these inputs. */
export function numberFieldProps(field: DaysNumberField): {
  label: string
  unit: string
  hint: string
  min: number
  max: number
  sliderMin?: number
  sliderMax?: number
  log?: boolean
} {
  const { label, unit, hint, min, max, slider } = daysFields[field]
  return { label, unit, hint, min, max, sliderMin: slider.min, sliderMax: slider.max, log: slider.log }
}

/** "48-60_100-112": start-end pairs in hours, '_' between outages (nothing URLSearchParams escapes). */
export function formatOutages(outages: readonly Outage[]): string {
  return outages.map((o) => `${round(o.startHour)}-${round(o.endHour)}`).join('_')
}

/** Hours to two decimals: a drag lands on whole hours anyway, a typed value keeps its minutes. */
function round(x: number): number {
  return Math.round(x * 100) / 100
}

/** The hours a days input simulates (the horizon engine rounds the same way). */
export function windowHours(days: number): number {
  return Math.min(366 * 24, Math.max(1, Math.round(days * 24)))
}

/** One value in a days link that could not be used. */
export interface DaysProblem {
  field: keyof DaysInput
  urlKey: string
  message: string
}

const plain = decimalFormat({ maximumFractionDigits: 3, useGrouping: false })

/** Read the outages of a link: each must parse, end after it starts and lie inside the window. */
function readOutages(text: string, hours: number, problems: DaysProblem[]): Outage[] {
  if (text === '') return []
  const say = (message: string) =>
    problems.push({
      field: 'outages',
      urlKey: outagesField.urlKey,
      message: `${outagesField.label}: ${message}`,
    })
  const parts = text.split('_')
  const out: Outage[] = []
  parts.forEach((part, i) => {
    const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(part)
    const name = `outage ${i + 1} (${part.length > 24 ? `${part.slice(0, 21)}...` : part})`
    if (!m) return say(`${name} is not start-end in hours, such as 48-60`)
    const startHour = Number(m[1])
    const endHour = Number(m[2])
    if (!(endHour > startHour)) return say(`${name} ends before it starts`)
    if (startHour >= hours) return say(`${name} starts after the ${plain.format(hours)} simulated hours`)
    if (out.length === maxOutages) return
    out.push({ startHour, endHour: Math.min(endHour, hours) })
    if (endHour > hours)
      say(
        `${name} ends after the ${plain.format(hours)} simulated hours, so it is cut at hour ${plain.format(hours)}`,
      )
  })
  if (parts.length > maxOutages)
    say(`the link has ${parts.length} outages; the first ${maxOutages} that fit are simulated`)
  return out
}

/**
 * Read the days view's inputs from a link, keeping every valid value and naming every bad one
 * ("Days simulated: d=abc is not a number from 1 to 366 days").
 */
export function parseDaysParams(query: URLSearchParams): { input: DaysInput; problems: DaysProblem[] } {
  const input: DaysInput = { ...defaultDaysInput, outages: defaultDaysInput.outages.map((o) => ({ ...o })) }
  const problems: DaysProblem[] = []
  for (const field of daysNumberFields) {
    const spec = daysFields[field]
    const raw = query.get(spec.urlKey)
    if (raw === null) continue
    const value = raw.trim() === '' ? NaN : Number(raw)
    if (Number.isFinite(value) && value >= spec.min && value <= spec.max) input[field] = value
    else
      problems.push({
        field,
        urlKey: spec.urlKey,
        message: `${spec.label}: ${spec.urlKey}=${raw.length > 24 ? `${raw.slice(0, 21)}...` : raw} is not ${rangeText(spec)}`,
      })
  }
  const outages = query.get(outagesField.urlKey)
  const hours = windowHours(input.days)
  if (outages !== null) input.outages = readOutages(outages, hours, problems)
  else input.outages = outagesInWindow(input.outages, hours)
  const popularity = query.get(popularityField.urlKey)
  if (popularity !== null) {
    if (isPopularity(popularity)) input.popularity = popularity
    else
      problems.push({
        field: 'popularity',
        urlKey: popularityField.urlKey,
        message: `${popularityField.label}: ${popularityField.urlKey}=${popularity.slice(0, 24)} is not one of ${Object.keys(popularityField.options).join(', ')}`,
      })
  }
  return { input, problems }
}

/** "a number from 1 to 366 days": the words the typed field and the link problem share. */
export function rangeText(spec: Pick<DaysFieldSpec, 'min' | 'max' | 'unit'>): string {
  const f = decimalFormat({ maximumFractionDigits: 3 })
  return `a number from ${f.format(spec.min)} to ${f.format(spec.max)} ${spec.unit}`
}

export function readDaysInput(query: URLSearchParams): DaysInput {
  return parseDaysParams(query).input
}

/** The input as the page simulates it: outages cut to the window (after "days" shrinks it). */
export function normalizeDaysInput(input: DaysInput): DaysInput {
  return { ...input, outages: outagesInWindow(input.outages, windowHours(input.days)) }
}

export function daysQuery(input: DaysInput): URLSearchParams {
  const query = new URLSearchParams()
  for (const field of daysNumberFields) {
    if (input[field] !== defaultDaysInput[field])
      query.set(daysFields[field].urlKey, String(round(input[field])))
  }
  const outages = formatOutages(input.outages)
  if (outages !== formatOutages(defaultDaysInput.outages)) query.set(outagesField.urlKey, outages)
  if (input.popularity !== defaultDaysInput.popularity) query.set(popularityField.urlKey, input.popularity)
  return query
}
