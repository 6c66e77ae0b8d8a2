import { describe, expect, it } from 'vitest'
import {
  extraRoundTrips,
  initialWindowBytes,
  roundOfByte,
  segmentsFor,
} from '../../../src/lib/sim/slowStart.ts'

describe('TCP slow start (RFC 6928 initial window)', () => {
  it('the initial window is 10 segments of 1460 bytes', () => {
    expect(initialWindowBytes).toBe(14_600)
    expect(segmentsFor(14_600)).toBe(10)
    expect(segmentsFor(14_601)).toBe(11)
  })

  it('a flight that fits the initial window costs no extra round trip', () => {
    expect(extraRoundTrips(1)).toBe(0)
    expect(extraRoundTrips(14_600)).toBe(0)
  })

  it('each doubling of the window beyond it costs one round trip', () => {
    expect(extraRoundTrips(14_601)).toBe(1)
    expect(extraRoundTrips(3 * 14_600)).toBe(1)
    expect(extraRoundTrips(3 * 14_600 + 1)).toBe(2)
    expect(roundOfByte(0)).toBe(0)
    expect(roundOfByte(7 * 14_600)).toBe(3)
  })
})
