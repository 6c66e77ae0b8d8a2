/**
 * Numbers written as Intl.NumberFormat writes them in en-US (the one locale the page's text is
 * in), for the options the page uses, without Intl. A renderer's first Intl.NumberFormat loads
 * ICU's locale data: 34-48 ms of Chromium's main thread in a fresh tab (measured in Chromium 156
 * on this 2-core machine), the largest single piece of script in #/compare's start-up, paid by
 * whichever task formats the first number, and again by the parse worker. Rounding is the
 * same as Intl's: half away from zero, on the number's shortest decimal (fixed, below).
 * test/lib/numberFormat.test.ts compares both over random numbers. Not d3-format: it rounds the
 * double's binary value (1.005 to 1.00, where Intl and the page so far wrote 1.01), and it would
 * add about 3 kB gzip to the first screen, which has under 1 kB left of its 75 kB budget.
 */
export interface DecimalFormatOptions {
  /** Digits after the point at most (Intl's default for a decimal is 3). */
  maximumFractionDigits?: number
  /** Digits after the point at least; trailing zeros are kept up to it. */
  minimumFractionDigits?: number
  /** Thousands separators ("1,234"); Intl's default, true. */
  useGrouping?: boolean
  /** A percentage: the number times 100, then "%", as Intl's style 'percent'. */
  style?: 'decimal' | 'percent'
}

export interface DecimalFormat {
  format(n: number): string
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ',')

export function decimalFormat(options: DecimalFormatOptions = {}): DecimalFormat {
  const percent = options.style === 'percent'
  const min = options.minimumFractionDigits ?? 0
  // Intl's defaults: up to 3 digits for a decimal, none for a percentage, and never below the minimum.
  const max = Math.max(min, options.maximumFractionDigits ?? (percent ? 0 : 3))
  const grouping = options.useGrouping ?? true
  const suffix = percent ? '%' : ''
  return {
    format(n: number): string {
      if (Number.isNaN(n)) return `NaN${suffix}`
      const sign = n < 0 || Object.is(n, -0) ? '-' : ''
      if (!Number.isFinite(n)) return `${sign}∞${suffix}`
      const [whole, fraction] = fixed(Math.abs(n), max, percent ? 2 : 0)
      let digits = fraction
      while (digits.length > min && digits.endsWith('0')) digits = digits.slice(0, -1)
      const integer = grouping ? groupThousands(whole) : whole
      return `${sign}${integer}${digits ? `.${digits}` : ''}${suffix}`
    },
  }
}

/**
 * `x` (finite, not negative) times 10^shift, rounded half up to `places` decimals, as its whole
 * and fraction digits. Like Intl (V8's ICU reads a double as its shortest round-trip decimal,
 * String(x)), rounding starts from those digits, not from the double's exact binary value:
 * 1.005 to two places is 1.01 (toFixed says 1.00), and 70368744177588.77 keeps its 17 digits.
 */
function fixed(x: number, places: number, shift: number): [string, string] {
  const [mantissa = '0', exponent = '0'] = String(x).split('e')
  const [int = '0', fraction = ''] = mantissa.split('.')
  let digits = `${int}${fraction}`
  let point = int.length + Number(exponent) + shift
  if (point < 0) {
    digits = `${'0'.repeat(-point)}${digits}`
    point = 0
  }
  // Enough digits for the whole part and `places` after it, and one more to round on.
  digits = digits.padEnd(point + places + 1, '0')
  const roundUp = digits.charCodeAt(point + places) >= 53 // '5'
  let kept = digits.slice(0, point + places)
  if (roundUp) kept = increment(kept)
  // A carry past the first digit ("99.96" -> "100.0") made the whole part a digit longer.
  const wholeLength = kept.length - places
  const whole = kept.slice(0, wholeLength).replace(/^0+(?=\d)/, '') || '0'
  return [whole, kept.slice(wholeLength)]
}

/** A string of decimal digits plus one ("0999" -> "1000", "99" -> "100"). */
function increment(digits: string): string {
  let i = digits.length - 1
  while (i >= 0 && digits[i] === '9') i--
  if (i < 0) return `1${'0'.repeat(digits.length)}`
  return `${digits.slice(0, i)}${String(Number(digits[i]) + 1)}${'0'.repeat(digits.length - i - 1)}`
}
