/**
 * The "Over days" view's inputs and their place in the URL hash (DESIGN.md: the URL is the state).
 *
 *   #/days?d=14&v=96&o=48-120_200-212&c=100000
 *
 * Short keys, and only values that differ from the engine's defaults, so a default link stays
 * `#/days`. A value that does not parse is ignored (its default is used): a hand-edited link never
 * breaks the page.
 */
import {
  defaultCaLoadInput,
  defaultHorizonInput,
  type CaLoadInput,
  type Outage,
} from '../../lib/sim/index.ts'

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
}

type NumberField = Exclude<keyof DaysInput, 'outages' | 'popularity'>

/** Bounds the controls offer; the engine clamps too, these keep links within what the page draws. */
export const bounds: Record<NumberField, { min: number; max: number }> = {
  days: { min: 1, max: 366 },
  // CA/B Forum BR 4.9.10: at least 8 hours, at most 10 days; below and above kept for experiments.
  validityHours: { min: 1, max: 720 },
  responseAgeHours: { min: 0, max: 720 },
  handshakesPerHour: { min: 0.1, max: 1_000_000 },
  clients: { min: 1, max: 100_000_000 },
  sites: { min: 1, max: 1_000_000 },
  visitsPerClientPerDay: { min: 0, max: 1000 },
  fetchersPerSite: { min: 0, max: 64 },
}

const keys: Record<NumberField, string> = {
  days: 'd',
  validityHours: 'v',
  responseAgeHours: 'a',
  handshakesPerHour: 'r',
  clients: 'c',
  sites: 's',
  visitsPerClientPerDay: 'vpd',
  fetchersPerSite: 'f',
}
const outageKey = 'o'
const popularityKey = 'pop'

const clamp = (x: number, f: NumberField) => Math.min(bounds[f].max, Math.max(bounds[f].min, x))

/** "48-60_100-112": start-end pairs in hours, '_' between outages (nothing URLSearchParams escapes). */
export function formatOutages(outages: readonly Outage[]): string {
  return outages.map((o) => `${round(o.startHour)}-${round(o.endHour)}`).join('_')
}

export function parseOutages(text: string): Outage[] | null {
  if (text === '') return []
  const out: Outage[] = []
  for (const part of text.split('_')) {
    const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(part)
    if (!m) return null
    const startHour = Number(m[1])
    const endHour = Number(m[2])
    if (!(endHour > startHour)) return null
    out.push({ startHour, endHour })
  }
  return out
}

/** Hours to two decimals: a drag lands on whole hours anyway, a typed value keeps its minutes. */
function round(x: number): number {
  return Math.round(x * 100) / 100
}

export function readDaysInput(query: URLSearchParams): DaysInput {
  const input: DaysInput = { ...defaultDaysInput, outages: defaultDaysInput.outages.map((o) => ({ ...o })) }
  for (const field of Object.keys(keys) as NumberField[]) {
    const raw = query.get(keys[field])
    if (raw === null || raw.trim() === '') continue
    const value = Number(raw)
    if (Number.isFinite(value)) input[field] = clamp(value, field)
  }
  const outages = query.get(outageKey)
  if (outages !== null) input.outages = parseOutages(outages) ?? input.outages
  const popularity = query.get(popularityKey)
  if (popularity === 'uniform' || popularity === 'zipf') input.popularity = popularity
  return input
}

export function daysQuery(input: DaysInput): URLSearchParams {
  const query = new URLSearchParams()
  for (const field of Object.keys(keys) as NumberField[]) {
    if (input[field] !== defaultDaysInput[field]) query.set(keys[field], String(round(input[field])))
  }
  const outages = formatOutages(input.outages)
  if (outages !== formatOutages(defaultDaysInput.outages)) query.set(outageKey, outages)
  if (input.popularity !== defaultDaysInput.popularity) query.set(popularityKey, input.popularity)
  return query
}
