import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatBytesShort,
  formatCount,
  formatDurationFromHours,
  formatDurationFromMilliseconds,
  formatLossRate,
  formatMilliseconds,
  formatMillisecondsAsSeconds,
  formatMillisecondTick,
  formatPercent,
} from '../../src/lib/format.ts'

describe('one formatter per unit', () => {
  it('milliseconds: whole from 100 up, one decimal below, grouped', () => {
    expect(formatMilliseconds(2100)).toBe('2,100 ms')
    expect(formatMilliseconds(230.4)).toBe('230 ms')
    expect(formatMilliseconds(12.5)).toBe('12.5 ms')
    expect(formatMilliseconds(0.4)).toBe('0.4 ms')
    expect(formatMilliseconds(0)).toBe('0 ms')
  })

  it('axis ticks carry the unit once, on the first tick', () => {
    expect(formatMillisecondTick(0, 0)).toBe('0 ms')
    expect(formatMillisecondTick(1500, 3)).toBe('1,500')
  })

  it('one size, one wording: exact bytes in text, short decimal units on arrows', () => {
    expect(formatBytes(3900)).toBe('3,900 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(1024 * 1024)).toBe('1 MiB')
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5.5 MiB')
    expect(formatBytesShort(517)).toBe('517 B')
    expect(formatBytesShort(3548)).toBe('3.5 kB')
    expect(formatBytesShort(3900)).toBe('3.9 kB')
  })

  it('durations say their unit in the name: hours for the days view, milliseconds for the inspector', () => {
    expect(formatDurationFromHours(12)).toBe('12 hours')
    expect(formatDurationFromHours(1)).toBe('1 hour')
    expect(formatDurationFromHours(168)).toBe('7 days')
    expect(formatDurationFromHours(60)).toBe('2.5 days')
    expect(formatDurationFromMilliseconds(90_000)).toBe('1 min')
    expect(formatDurationFromMilliseconds(3 * 3_600_000 + 12 * 60_000)).toBe('3 h 12 min')
    expect(formatDurationFromMilliseconds(45_000)).toBe('45 s')
  })

  it('counts, seconds and shares', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000')
    expect(formatMillisecondsAsSeconds(510)).toBe('0.51 s')
    expect(formatPercent(0.58)).toBe('58%')
    expect(formatLossRate(0.005)).toBe('0.5%')
  })
})
