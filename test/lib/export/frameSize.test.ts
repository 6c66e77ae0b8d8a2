import { describe, expect, it } from 'vitest'
import { fitInside, frameSize, maxSide } from '../../../src/lib/export/frameSize.ts'

describe('the size of an exported animation', () => {
  it('is the 16:9 size chosen, whatever the diagrams measure', () => {
    expect(frameSize('800x450', { width: 1200, height: 2000 })).toEqual({ width: 800, height: 450 })
    expect(frameSize('1920x1080', { width: 300, height: 200 })).toEqual({ width: 1920, height: 1080 })
  })

  it('as shown keeps the diagrams’ size, with even sides for video', () => {
    expect(frameSize('as-shown', { width: 1233, height: 977 })).toEqual({ width: 1234, height: 978 })
    const tall = frameSize('as-shown', { width: 1000, height: 9000 })
    expect(tall.height).toBe(maxSide)
    expect(tall.width % 2).toBe(0)
  })

  it('fits the picture inside the frame, centred, its proportions kept', () => {
    const placed = fitInside({ width: 1000, height: 1000 }, { width: 800, height: 450 })
    expect(placed).toEqual({ x: 175, y: 0, width: 450, height: 450 })
    const wide = fitInside({ width: 1600, height: 400 }, { width: 800, height: 450 })
    expect(wide).toEqual({ x: 0, y: 125, width: 800, height: 200 })
  })
})
