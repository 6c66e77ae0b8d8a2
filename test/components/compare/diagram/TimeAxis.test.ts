// @vitest-environment happy-dom
/**
 * The diagrams' time axis, drawn by Svelte, against d3-axis drawing the same ticks through the same
 * stops (axisTop/axisLeft, the calls the diagrams made before): the same tick positions, lines and
 * labels, so the stylesheet, the SVG export and a reader see the axis they saw.
 */
import { render } from '@testing-library/svelte'
import { axisLeft, axisTop } from 'd3-axis'
import { scaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import { describe, expect, it } from 'vitest'
import TimeAxis from '../../../../src/components/compare/diagram/TimeAxis.svelte'
import { formatMillisecondTick } from '../../../../src/lib/format.ts'
import { timeScale, timeTicks, type TimeGap } from '../../../../src/lib/viz/timeScale.ts'

interface DrawnTick {
  transform: string | null
  line: Record<string, string | null>
  text: Record<string, string | null>
}

function ticksIn(g: Element): DrawnTick[] {
  return [...g.querySelectorAll('.tick')].map((tick) => {
    const line = tick.querySelector('line')!
    const text = tick.querySelector('text')!
    return {
      transform: tick.getAttribute('transform'),
      line: Object.fromEntries(['x2', 'y2', 'stroke'].map((a) => [a, line.getAttribute(a)])),
      text: {
        ...Object.fromEntries(['x', 'y', 'dy', 'fill'].map((a) => [a, text.getAttribute(a)])),
        content: text.textContent,
      },
    }
  })
}

/** What d3-axis 3 drew for the diagrams, on a d3 scale through the same stops. */
function byD3Axis(
  orientation: 'horizontal' | 'vertical',
  gridLength: number,
  gaps: readonly TimeGap[],
  labels = true,
): { ticks: DrawnTick[]; anchor: string | null } {
  const ours = timeScale(2200, 960, { left: 120, right: 20 }, gaps)
  const scale = scaleLinear().domain(ours.domain()).range(ours.range())
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g')
  const axis = (orientation === 'horizontal' ? axisTop(scale) : axisLeft(scale))
    .tickValues(timeTicks(ours, gaps))
    .tickFormat((d, i) => (labels ? formatMillisecondTick(Number(d), i) : ''))
    .tickSizeInner(-gridLength)
    .tickSizeOuter(0)
    .tickPadding(6)
  select(g).call(axis)
  return { ticks: ticksIn(g), anchor: g.getAttribute('text-anchor') }
}

function bySvelte(
  orientation: 'horizontal' | 'vertical',
  gridLength: number,
  gaps: readonly TimeGap[],
  labels = true,
) {
  const scale = timeScale(2200, 960, { left: 120, right: 20 }, gaps)
  const { container } = render(TimeAxis, {
    scale,
    gridLength,
    gaps,
    orientation,
    labels,
    transform: 'translate(0,30)',
  })
  const g = container.querySelector('g.time-axis')!
  return { ticks: ticksIn(g), anchor: g.getAttribute('text-anchor'), transform: g.getAttribute('transform') }
}

describe('TimeAxis', () => {
  const gap = [{ start: 300, end: 2000 }]

  it('draws the ticks d3-axis drew along the top of a horizontal diagram, none inside a shortened gap', () => {
    for (const gaps of [[], gap]) {
      const ours = bySvelte('horizontal', 140, gaps)
      const d3 = byD3Axis('horizontal', 140, gaps)
      expect(ours.ticks.length).toBeGreaterThan(3)
      expect(ours.ticks).toEqual(d3.ticks)
      expect(ours.anchor).toBe(d3.anchor)
      expect(ours.transform).toBe('translate(0,30)')
    }
  })

  it('draws them down the left of a vertical one, with the grid lines to the right', () => {
    const ours = bySvelte('vertical', 300, gap)
    const d3 = byD3Axis('vertical', 300, gap)
    expect(ours.ticks).toEqual(d3.ticks)
    expect(ours.anchor).toBe(d3.anchor)
  })

  it("leaves the times out on a slide's rows, keeping the grid lines", () => {
    const ours = bySvelte('horizontal', 80, [], false)
    expect(ours.ticks).toEqual(byD3Axis('horizontal', 80, [], false).ticks)
    expect(ours.ticks.every((tick) => tick.text.content === '')).toBe(true)
  })
})
