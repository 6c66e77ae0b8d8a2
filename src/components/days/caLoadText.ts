/**
 * The CA load in words and the numbers behind its bars, all from the engine's caLoad() totals.
 */
import type { CaLoadInput, CaLoadResult } from '../../lib/sim/index.ts'
import type { DaysInput } from '../../lib/days/daysFields.ts'
import { decimalFormat } from '../../lib/numberFormat.ts'

export function caLoadInput(input: DaysInput): CaLoadInput {
  return {
    clients: input.clients,
    sites: input.sites,
    days: input.days,
    visitsPerClientPerDay: input.visitsPerClientPerDay,
    popularity: input.popularity,
    validityHours: input.validityHours,
    clientCache: true,
    // A proactive server (Caddy) refreshes at half the validity; the engine's default does the same.
    serverRefreshHours: input.validityHours / 2,
    fetchersPerSite: input.fetchersPerSite,
  }
}

const grouped = decimalFormat({ maximumFractionDigits: 0 })
const oneDecimal = decimalFormat({ maximumFractionDigits: 1 })

/** "2,400", "37", "1.8": two significant figures from 100 up, so a ratio never claims false precision. */
export function formatRatio(r: number): string {
  if (r >= 100) return grouped.format(Number(r.toPrecision(2)))
  if (r >= 10) return grouped.format(r)
  return oneDecimal.format(r)
}

/** "1.2 million", "340,000", "12", "0.4". */
export function formatRate(n: number): string {
  if (n >= 1e9) return `${oneDecimal.format(n / 1e9)} billion`
  if (n >= 1e6) return `${oneDecimal.format(n / 1e6)} million`
  if (n >= 10) return grouped.format(n)
  return oneDecimal.format(n)
}

export type LoadKey = 'plainOcspNoCache' | 'plainOcsp' | 'stapling'

export interface LoadBar {
  key: LoadKey
  label: string
  /** Mean requests per hour over the run. */
  mean: number
  /** The busiest hour. */
  peak: number
  source: string
}

export function loadBars(result: CaLoadResult, input: CaLoadInput): LoadBar[] {
  const hours = Math.max(1, result.hours.length)
  const peak = (key: LoadKey) => result.hours.reduce((m, h) => Math.max(m, h[key]), 0)
  return [
    {
      key: 'plainOcspNoCache',
      label: 'Plain OCSP, no client cache',
      mean: result.totals.plainOcspNoCache / hours,
      peak: peak('plainOcspNoCache'),
      source: 'Every visit asks the CA: clients x visits a day / 24.',
    },
    {
      key: 'plainOcsp',
      label: 'Plain OCSP, client caches',
      mean: result.totals.plainOcsp / hours,
      peak: peak('plainOcsp'),
      source:
        'A client caches each response until its nextUpdate and asks again only after that; the first hour, with every cache empty, is the busiest.',
    },
    {
      key: 'stapling',
      label: `Stapling, refresh every ${oneDecimal.format(input.serverRefreshHours)} h`,
      mean: result.totals.stapling / hours,
      peak: peak('stapling'),
      source: 'Each site fetches at start and once per refresh interval, whatever the number of clients.',
    },
  ]
}

/** "Stapling sends 2,400x fewer requests to the CA than plain OCSP with client caches (...)". */
export function ratioSentence(result: CaLoadResult): string {
  const { plainOcsp, plainOcspNoCache, stapling } = result.totals
  if (stapling <= 0) return 'With no fetchers per site, stapling sends no requests to the CA at all.'
  if (plainOcsp <= 0) return 'With no visits, plain OCSP sends no requests; stapling still refreshes.'
  const cached = plainOcsp / stapling
  const raw = plainOcspNoCache / stapling
  if (cached >= 1)
    return `Stapling sends ${formatRatio(cached)}x fewer requests to the CA than plain OCSP with client caches, and ${formatRatio(raw)}x fewer than without them.`
  return `With so few clients, stapling sends ${formatRatio(1 / cached)}x more requests to the CA than plain OCSP with client caches: every site refreshes whether visited or not.`
}
