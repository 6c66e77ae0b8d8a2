/**
 * Words for the "Over days" view: durations, hour labels, the headline sentence and tooltips. One
 * fixed locale, so tests can assert the exact text.
 */
import { formatCount, formatDurationFromHours } from '../../lib/format.ts'
import { modeLabels, serverStrategyNames, serverStrategyNouns, stapleStateNouns } from '../../lib/labels.ts'
import { outageHours, type HorizonHour, type Mode, type Outage } from '../../lib/sim/index.ts'
import type { Lane } from '../../lib/days/lanes.ts'
import { decimalFormat } from '../../lib/numberFormat.ts'

const upToTwo = decimalFormat({ maximumFractionDigits: 2 })

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many)

/** The adjective: "12-hour", "7-day". */
export function durationAdjective(hours: number): string {
  return formatDurationFromHours(hours)
    .replace(/ days?$/, '-day')
    .replace(/ hours?$/, '-hour')
}

const clock = (h: number) => {
  const minutes = Math.round((((h % 24) + 24) % 24) * 60)
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** "hour 49.5 (day 3, 01:30)": hours count from 0 at the start; days from 1. */
export function formatMoment(hour: number): string {
  return `hour ${upToTwo.format(hour)} (day ${Math.floor(hour / 24) + 1}, ${clock(hour)})`
}

/** "Hour 49 (day 3, 01:00 to 02:00)". */
export function hourLabel(hour: number): string {
  return `Hour ${hour} (day ${Math.floor(hour / 24) + 1}, ${clock(hour)} to ${clock(hour + 1)})`
}

/** "Hour 49 (...): 100 handshakes; must-staple: 100 failed (no staple)". */
export function hourText(h: HorizonHour, mode: Mode): string {
  const c = h.byMode[mode]
  const why =
    mode === 'ocsp-hard-fail' || mode === 'ocsp-soft-fail' ? 'responder down' : stapleStateNouns[h.staple]
  const parts: string[] = []
  const connected = c.ok - c.unchecked
  if (connected > 0) parts.push(`${formatCount(connected)} connected`)
  if (c.unchecked > 0) parts.push(`${formatCount(c.unchecked)} connected unchecked (${why})`)
  if (c.failed > 0) parts.push(`${formatCount(c.failed)} failed (${why})`)
  return `${hourLabel(h.hour)}: ${formatCount(h.handshakes)} ${plural(h.handshakes, 'handshake')}; ${modeLabels[mode]}: ${
    parts.join(', ') || 'none'
  }`
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

function outagePhrase(outages: readonly Outage[]): string {
  if (outages.length === 0) return 'no responder outage'
  const total = outageHours(outages)
  if (outages.length === 1) {
    const adjective = durationAdjective(total)
    return `${/^8|^11|^18/.test(adjective) ? 'an' : 'a'} ${adjective} outage`
  }
  return `${outages.length} outages (${formatDurationFromHours(total)} in all)`
}

/**
 * The headline: which fetching servers keep a must-staple site up through the outages, and how long
 * the others fail it. The non-stapling baseline always fails and is left to the table.
 */
export function headline(lanes: readonly Lane[], outages: readonly Outage[], validityHours: number): string {
  const stapling = lanes.filter((l) => l.strategy !== 'none')
  const up = stapling.filter((l) => l.mustStapleFailingHours === 0)
  const down = stapling.filter((l) => l.mustStapleFailingHours > 0)
  const start = `With ${outagePhrase(outages)} and ${durationAdjective(validityHours)} responses`
  const failing = (l: Lane, i: number) =>
    `${i === 0 ? `a ${serverStrategyNouns[l.strategy]} one fails` : `a ${serverStrategyNouns[l.strategy]} one`} during ${formatCount(
      l.mustStapleFailingHours,
    )} ${plural(l.mustStapleFailingHours, 'hour')}`
  // A year's lanes arrive in slices (lib/days/slices.ts): until the first finish there is nothing to
  // report, and "every server keeps its site up" would be a claim about no servers.
  if (stapling.length === 0) return `${start}: working out what each server staples…`
  if (down.length === 0) return `${start}, every stapling server keeps its must-staple site up.`
  if (up.length === 0) {
    const [first, ...rest] = down
    const firstText = `a ${serverStrategyNouns[first!.strategy]} server fails must-staple during ${formatCount(
      first!.mustStapleFailingHours,
    )} ${plural(first!.mustStapleFailingHours, 'hour')}`
    return `${start}, ${[firstText, ...rest.map((l, i) => failing(l, i + 1))].join(', ')}.`
  }
  const names = up.map((l) => serverStrategyNouns[l.strategy])
  const upText =
    up.length === 1
      ? `a ${names[0]} server keeps its must-staple site up`
      : `${listWords(names)} servers keep their must-staple sites up`
  return `${start}, ${upText}; ${down.map(failing).join(', ')}.`
}

/** The single point of failure: plain OCSP against the same outages (the strategy plays no part). */
export function spofSentence(lane: Lane): string {
  if (lane.responderDownHours === 0)
    return 'With the responder up throughout, plain OCSP never fails: add an outage to see the single point of failure.'
  const hard = lane.hardFailFailingHours
  const soft = lane.softFailUncheckedHours
  return `Plain OCSP asks the responder on every handshake: hard-fail clients fail during ${formatCount(hard)} ${plural(
    hard,
    'hour',
  )} of outage, soft-fail ones connect unchecked during ${formatCount(soft)}. The responder is a single point of failure.`
}

/** One line per lane for the table and the lane's tooltip. */
export function laneSentence(l: Lane): string {
  const t = l.result.totals['must-staple']
  const fetchCount = l.result.fetchLog.length
  const failedFetches = l.failedFetches
  const fetches =
    l.strategy === 'static'
      ? 'loaded once from a file'
      : l.strategy === 'none'
        ? 'never fetches'
        : `${formatCount(fetchCount)} ${plural(fetchCount, 'fetch', 'fetches')}, ${formatCount(
            failedFetches,
          )} failed`
  const outcome =
    t.failed === 0
      ? 'must-staple never fails'
      : `must-staple fails ${formatCount(t.failed)} ${plural(t.failed, 'handshake')} during ${formatCount(
          l.mustStapleFailingHours,
        )} ${plural(l.mustStapleFailingHours, 'hour')}`
  return `${serverStrategyNames[l.strategy].name} (${serverStrategyNames[l.strategy].like}): ${outcome}; ${fetches}.`
}
