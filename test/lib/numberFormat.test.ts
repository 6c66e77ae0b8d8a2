import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalFormat, type DecimalFormatOptions } from '../../src/lib/numberFormat'

/** Every set of options the page formats with (src/lib/format.ts and its few neighbours). */
const used: DecimalFormatOptions[] = [
  {},
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 1 },
  { maximumFractionDigits: 2 },
  { maximumFractionDigits: 3 },
  { maximumFractionDigits: 3, useGrouping: false },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { style: 'percent', maximumFractionDigits: 0 },
  { style: 'percent', maximumFractionDigits: 1 },
]

const intl = (options: DecimalFormatOptions) => new Intl.NumberFormat('en-US', options)

/** Doubles of every size, and the ones rounding is decided on: halves at 0-3 decimals. */
const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e7, max: 1e7 }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 200),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => (n + 0.5) / 1000),
  fc.constantFrom(
    0,
    -0,
    0.5,
    1.5,
    2.5,
    -0.5,
    0.005,
    0.015,
    1.005,
    0.145,
    0.285,
    999.5,
    999_999.95,
    1e21,
    2 ** 70,
    -1e-9,
  ),
)

describe('decimalFormat writes numbers as Intl.NumberFormat does in en-US', () => {
  it.each(used.map((options) => [JSON.stringify(options), options] as const))('%s', (_, options) => {
    const ours = decimalFormat(options)
    const theirs = intl(options)
    fc.assert(
      fc.property(numbers, (n) => {
        expect(ours.format(n)).toBe(theirs.format(n))
      }),
      { numRuns: 3000 },
    )
  })

  it('writes what the page shows: thousands, halves rounded away from zero, percentages', () => {
    expect(decimalFormat({ maximumFractionDigits: 0 }).format(1_000_000)).toBe('1,000,000')
    expect(decimalFormat({ maximumFractionDigits: 1 }).format(12.25)).toBe('12.3')
    expect(decimalFormat({ maximumFractionDigits: 0 }).format(-2.5)).toBe('-3')
    expect(decimalFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(0.5)).toBe('0.50')
    expect(decimalFormat({ style: 'percent', maximumFractionDigits: 0 }).format(0.57)).toBe('57%')
    expect(decimalFormat({ maximumFractionDigits: 3, useGrouping: false }).format(1500.25)).toBe('1500.25')
  })
})
