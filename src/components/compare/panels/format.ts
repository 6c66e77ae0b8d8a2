/**
 * Number formatting for the comparison panels. One fixed locale: the sentences around the numbers
 * are English, and a test can assert the exact text.
 */
const locale = 'en-US'

const wholeNumber = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
const seconds = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
const lossPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })

/** "412 ms", "1,234 ms"; below 10 ms one decimal, since a 0.4 ms phase is not "0 ms". */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms)
  return `${(abs > 0 && abs < 10 ? oneDecimal : wholeNumber).format(ms)} ms`
}

/** A bare millisecond count for axis ticks: "1,500". */
export function formatTick(ms: number): string {
  return wholeNumber.format(ms)
}

/** A moment on the run's clock, "0.51 s": the privacy sentences read better in seconds. */
export function formatSeconds(ms: number): string {
  return `${seconds.format(ms / 1000)} s`
}

/** A share, "58%". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio)
}

/** A loss probability, "0.5%". */
export function formatLoss(ratio: number): string {
  return lossPercent.format(ratio)
}

export function formatBytes(bytes: number): string {
  return `${wholeNumber.format(bytes)} bytes`
}

/** Capitalise the first letter of a sentence built from lower-case parts. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
