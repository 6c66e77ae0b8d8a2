import { describe, expect, it } from 'vitest'
import { frameSchedule, webmTimestampsMs } from '../../../src/lib/export/schedule.ts'
import { muxWebm, vintSize, type EncodedFrame } from '../../../src/lib/export/webm.ts'
import { readEbml, readWebm, walk } from './mediaReaders.ts'

/** Stand-in payloads: the muxer never looks inside a frame, so each carries its own index. */
function framesFor(count: number, keyEvery: number, stepMs = 40, lastMs = 2500): EncodedFrame[] {
  return Array.from({ length: count }, (_, i) => ({
    data: new Uint8Array([i % 256, 0x9d, 0x01, 0x2a, i >> 8]),
    startMs: i * stepMs,
    durationMs: i === count - 1 ? lastMs : stepMs,
    key: i % keyEvery === 0 || i === count - 1,
  }))
}

describe('the WebM muxer', () => {
  it('writes a WebM file of the chosen size whose every frame is a block, in order, at its time', () => {
    const frames = framesFor(50, 25)
    const file = readWebm(muxWebm({ codec: 'V_VP8', width: 800, height: 450, frames }))
    expect(file.docType).toBe('webm')
    expect(file.codecId).toBe('V_VP8')
    expect([file.pixelWidth, file.pixelHeight]).toEqual([800, 450])
    expect(file.timestampScale).toBe(1_000_000)
    expect(file.blocks).toHaveLength(50)
    expect(file.blocks.map((b) => b.timeMs)).toEqual(frames.map((f) => f.startMs))
    expect(file.blocks.map((b) => b.frame[0])).toEqual(frames.map((_, i) => i))
    expect(file.blocks.map((b) => b.key)).toEqual(frames.map((f) => f.key))
  })

  it('lasts until the held last frame ends, which carries its duration', () => {
    const frames = framesFor(10, 5, 100, 2500)
    const file = readWebm(muxWebm({ codec: 'V_VP9', width: 640, height: 360, frames }))
    expect(file.durationMs).toBe(900 + 2500)
    expect(file.blocks.at(-1)!.durationMs).toBe(2500)
    expect(file.blocks.slice(0, -1).every((b) => b.durationMs === null)).toBe(true)
  })

  it('starts a cluster at each key frame and lists each in the cues, at the cluster’s byte', () => {
    const frames = framesFor(60, 20)
    const bytes = muxWebm({ codec: 'V_VP8', width: 320, height: 180, frames })
    const [, segment] = readEbml(bytes)
    const clusters = segment!.children.filter((e) => e.id === 0x1f43b675)
    expect(clusters).toHaveLength(4) // key frames 0, 20, 40 and the last
    const file = readWebm(bytes)
    expect(file.cueTimesMs).toEqual([0, 800, 1600, 59 * 40])
    const positions = [...walk(segment!.children)]
      .filter((e) => e.id === 0xf1)
      .map((e) => e.data.reduce((v, b) => v * 256 + b, 0))
    // A cluster starts 4 ID bytes and its size's bytes before its data; cues count from the
    // Segment's data.
    const starts = clusters.map((c) => c.dataOffset - 4 - vintSize(c.size).length - segment!.dataOffset)
    expect(positions).toEqual(starts)
    expect([
      ...bytes.subarray(segment!.dataOffset + starts[1]!, segment!.dataOffset + starts[1]! + 4),
    ]).toEqual([0x1f, 0x43, 0xb6, 0x75])
  })

  it('keeps every block’s relative timestamp within 16 bits over a long export', () => {
    // A slow stepped export: one key frame, then 5-minute holds would overflow one cluster.
    const frames = Array.from({ length: 6 }, (_, i) => ({
      data: new Uint8Array([i]),
      startMs: i * 20_000,
      durationMs: 20_000,
      key: i === 0,
    }))
    const file = readWebm(muxWebm({ codec: 'V_VP8', width: 2, height: 2, frames }))
    expect(file.blocks.map((b) => b.timeMs)).toEqual([0, 20_000, 40_000, 60_000, 80_000, 100_000])
  })

  it('marks a last frame that is not a key frame as depending on the one before', () => {
    const frames = framesFor(3, 10).map((f, i) => ({ ...f, key: i === 0 }))
    const bytes = muxWebm({ codec: 'V_VP8', width: 2, height: 2, frames })
    const reference = [...walk(readEbml(bytes))].find((e) => e.id === 0xfb)
    expect(reference?.data).toEqual(new Uint8Array([0xd8])) // -40 ms
    expect(readWebm(bytes).blocks.map((b) => b.key)).toEqual([true, false, false])
  })

  it('writes sizes as the shortest EBML integers, never the reserved all-ones value', () => {
    expect([...vintSize(0)]).toEqual([0x80])
    expect([...vintSize(126)]).toEqual([0xfe])
    expect([...vintSize(127)]).toEqual([0x40, 0x7f])
    expect([...vintSize(16382)]).toEqual([0x7f, 0xfe])
    expect([...vintSize(16383)]).toEqual([0x20, 0x3f, 0xff])
  })

  it('muxes a real schedule’s timestamps: the frame count is the schedule’s', () => {
    const schedule = webmTimestampsMs(
      frameSchedule({ end: 200, moments: [], mode: 'continuous', speed: 2, fps: 30 }),
    )
    const frames = schedule.map((s, i) => ({ data: new Uint8Array([1]), ...s, key: i % 60 === 0 }))
    const file = readWebm(muxWebm({ codec: 'V_VP8', width: 1280, height: 720, frames }))
    expect(file.blocks).toHaveLength(schedule.length)
    expect(file.durationMs).toBe(schedule.at(-1)!.startMs + schedule.at(-1)!.durationMs)
  })
})
