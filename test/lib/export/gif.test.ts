import { describe, expect, it } from 'vitest'
import { GifWriter } from '../../../src/lib/export/gif.ts'
import { frameSchedule, gifDelaysCs } from '../../../src/lib/export/schedule.ts'
import { readGif } from './mediaReaders.ts'

/** A frame like a diagram's: a light background and a dark bar that grows with k. */
function frame(width: number, height: number, k: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const bar = y >= 10 && y < 14 && x < 4 * k
      rgba.set(bar ? [0, 114, 178, 255] : [250, 250, 248, 255], i)
    }
  }
  return rgba
}

describe('the GIF writer', () => {
  it('writes one image per scheduled frame at the chosen size, with the schedule’s delays, looping', () => {
    const schedule = frameSchedule({ end: 60, moments: [], mode: 'continuous', speed: 1, fps: 10 })
    const delays = gifDelaysCs(schedule)
    const gif = new GifWriter(80, 45)
    gif.choosePalette([frame(80, 45, schedule.length)])
    schedule.forEach((_, k) => gif.addFrame(frame(80, 45, k), delays[k]!))
    const info = readGif(gif.finish())
    expect(info.version).toBe('GIF89a')
    expect([info.width, info.height]).toEqual([80, 45])
    expect(info.frames).toHaveLength(schedule.length)
    expect(info.frames.map((f) => f.delayCs)).toEqual(delays)
    expect(info.frames.at(-1)!.delayCs).toBe(250)
    expect(info.frames.every((f) => f.width === 80 && f.height === 45 && f.left === 0 && f.top === 0)).toBe(
      true,
    )
    expect(info.loopCount).toBe(0)
    expect(info.complete).toBe(true)
  })

  it('carries one colour table for the whole animation, not one per frame', () => {
    const gif = new GifWriter(20, 20)
    gif.choosePalette([frame(20, 20, 5)])
    for (let k = 0; k < 5; k++) gif.addFrame(frame(20, 20, k), 10)
    const info = readGif(gif.finish())
    expect(info.globalColorTableSize).toBeGreaterThanOrEqual(2)
    expect(info.frames.some((f) => f.localColorTable)).toBe(false)
  })

  it('refuses a frame of the wrong size rather than writing a broken file', () => {
    const gif = new GifWriter(20, 20)
    expect(() => gif.addFrame(frame(10, 10, 1), 10)).toThrow(/20x20/)
  })
})
