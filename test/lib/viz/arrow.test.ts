import { describe, expect, it } from 'vitest'
import { arrowAt, crossPath, flightGeometry, spanEndAt } from '../../../src/lib/viz/arrow.ts'
import { laneLayout } from '../../../src/lib/viz/lanes.ts'
import { timeScale } from '../../../src/lib/viz/timeScale.ts'

// 0..250 ms over 0..1000 px: 4 px per ms.
const x = timeScale(250, 1000, { left: 0, right: 0 })
const layout = laneLayout(['server', 'client', 'attacker', 'dns', 'responder'])

const syn = { from: 'client', to: 'server', t: 0, arrive: 25, delivered: true } as const

describe('an arrow at a clock time', () => {
  it('leaves the sender at x(t) and reaches the receiver at x(arrive): the slant is the delay', () => {
    const g = flightGeometry(syn, x, layout.at, true)
    expect(g).toMatchObject({ x1: 0, x2: 100, y1: layout.at('client'), y2: layout.at('server') })
  })

  it('runs down the page in a vertical chart: lanes are columns, the drop is the delay', () => {
    const g = flightGeometry(syn, x, layout.at, true, 'vertical')
    expect(g).toMatchObject({ x1: layout.at('client'), x2: layout.at('server'), y1: 0, y2: 100 })
    expect(arrowAt(g, 12.5)).toMatchObject({ x: (layout.at('client') + layout.at('server')) / 2, y: 50 })
  })

  it('is hidden before it is sent, half way at half its flight, whole on arrival', () => {
    const g = flightGeometry(syn, x, layout.at, true)
    expect(arrowAt(g, 0).visible).toBe(false)
    const mid = arrowAt(g, 12.5)
    expect(mid.visible).toBe(true)
    expect(mid.progress).toBeCloseTo(0.5)
    expect(mid.x).toBeCloseTo(50)
    expect(mid.y).toBeCloseTo((layout.at('client') + layout.at('server')) / 2)
    expect(mid.done).toBe(false)
    expect(arrowAt(g, 25)).toMatchObject({ x: 100, y: layout.at('server'), done: true })
    expect(arrowAt(g, 300).x).toBe(100)
  })

  it('with reduced motion appears whole the moment it is sent', () => {
    const g = flightGeometry({ ...syn, t: 50, arrive: 75 }, x, layout.at, false)
    expect(arrowAt(g, 49.9, true).visible).toBe(false)
    expect(arrowAt(g, 50, true)).toMatchObject({ visible: true, progress: 1, x: 300, done: true })
  })

  it('a message the attacker drops dies on the attacker lane', () => {
    const dropped = { from: 'client', to: 'responder', t: 120, arrive: 132.5, delivered: false } as const
    const g = flightGeometry(dropped, x, layout.at, true)
    expect(g.y2).toBe(layout.at('attacker'))
    expect(g.x2).toBeCloseTo(530)
  })

  it('without an attacker a lost message dies half way between the lanes', () => {
    const lost = { from: 'client', to: 'responder', t: 120, arrive: 132.5, delivered: false } as const
    const g = flightGeometry(lost, x, layout.at, false)
    expect(g.y2).toBeCloseTo((layout.at('client') + layout.at('responder')) / 2)
  })

  it('a waiting span grows with the clock and stops at its end', () => {
    expect(spanEndAt(100, 230, 50)).toBe(100)
    expect(spanEndAt(100, 230, 150)).toBe(150)
    expect(spanEndAt(100, 230, 999)).toBe(230)
  })

  it('draws a cross centred where the message dies', () => {
    expect(crossPath(10, 20, 5)).toBe('M5,15L15,25M5,25L15,15')
  })
})
