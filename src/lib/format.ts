/**
 * Every number the page, the sentences and the CLI print, formatted in one place: one rule per
 * unit, and the unit in each formatter's name. One fixed locale, en-US (numberFormat.ts): the text around the numbers is
 * English, and a test can assert the exact output.
 */
import { decimalFormat } from './numberFormat.ts'

const whole = decimalFormat({ maximumFractionDigits: 0 })
const upToOne = decimalFormat({ maximumFractionDigits: 1 })
const upToTwo = decimalFormat({ maximumFractionDigits: 2 })
const twoDecimals = decimalFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 })
const percent = decimalFormat({ style: 'percent', maximumFractionDigits: 0 })
const percentOneDecimal = decimalFormat({ style: 'percent', maximumFractionDigits: 1 })

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many)

/** A count: "1,000,000". */
export function formatCount(n: number): string {
  return whole.format(n)
}

/**
 * "2,100 ms", "12.5 ms": whole milliseconds from 100 up, one decimal below, since a 0.4 ms phase
 * is not "0 ms" and half a 25 ms round trip is 12.5 ms.
 */
export function formatMilliseconds(ms: number): string {
  const rounded = Math.abs(ms) >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10
  return `${upToOne.format(rounded)} ms`
}

/** A time-axis tick: the first carries the unit ("0 ms"), the others are bare ("1,500"). */
export function formatMillisecondTick(ms: number, index: number): string {
  return index === 0 ? formatMilliseconds(ms) : whole.format(Math.round(ms))
}

/** A moment on a run's clock in seconds, "0.51 s": the privacy sentences read better so. */
export function formatMillisecondsAsSeconds(ms: number): string {
  return `${twoDecimals.format(ms / 1000)} s`
}

/** "3 d 4 h", "4 h 12 min", "12 min", "45 s": a duration in its two largest units. */
export function formatDurationFromMilliseconds(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  if (m > 0) return `${m} min`
  return `${s} s`
}

/** "12 hours", "1 hour", "3 days", "2.5 days" (days from two days up, when they read whole). */
export function formatDurationFromHours(hours: number): string {
  if (hours >= 48 && Math.abs(hours / 2.4 - Math.round(hours / 2.4)) < 1e-9) {
    const days = hours / 24
    return `${upToOne.format(days)} ${plural(days, 'day')}`
  }
  return `${upToTwo.format(hours)} ${plural(hours, 'hour')}`
}

const mebibyte = 1024 * 1024

/**
 * "3,548 bytes": the exact size, for panels, sentences and the inspector; from a mebibyte up
 * "5 MiB", the unit the inspector's input limit is set in (lib/pki/pem.ts maxInputBytes).
 */
export function formatBytes(bytes: number): string {
  if (bytes >= mebibyte) return `${upToOne.format(bytes / mebibyte)} MiB`
  return `${whole.format(bytes)} ${plural(bytes, 'byte')}`
}

/** "517 B", "3.5 kB": a message's size on a diagram's arrow (decimal kilobytes, as on the wire). */
export function formatBytesShort(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`
  const kb = bytes / 1000
  return `${kb >= 100 ? Math.round(kb) : Math.round(kb * 10) / 10} kB`
}

/** A share, "58%". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio)
}

/** A loss probability, "0.5%". */
export function formatLossRate(ratio: number): string {
  return percentOneDecimal.format(ratio)
}

/** Capitalise the first letter of a sentence built from lower-case parts. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
