// @vitest-environment happy-dom
import { render } from '@testing-library/svelte'
import { flushSync, tick } from 'svelte'
import { SvelteSet } from 'svelte/reactivity'
import { describe, expect, it, vi } from 'vitest'
import Diagrams from '../../../../src/components/compare/diagram/Diagrams.svelte'
import { runsByRow } from '../../../../src/components/compare/diagram/playback.svelte.ts'
import {
  clientProfiles,
  comparisonRows,
  defaultScenario,
  type ComparisonRow,
  type Mode,
} from '../../../../src/lib/sim/index.ts'
import { PlaybackDriver } from '../../../../src/lib/viz/driver.ts'

/** The modes whose diagram model (labels placed: the costly part of a row) was computed, in order. */
const computed = vi.hoisted(() => ({ models: [] as Mode[] }))

// The real model, counted: how much work each step of the first frame's hand-over does.
vi.mock('../../../../src/lib/viz/diagram.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../src/lib/viz/diagram.ts')>()
  return {
    ...real,
    diagramModel: (...args: Parameters<typeof real.diagramModel>) => {
      computed.models.push(args[0].mode)
      return real.diagramModel(...args)
    },
  }
})

/**
 * What the first frame leaves in a row's place until the row is drawn (firstFrameParts.ts), read
 * from reactive state as CompareView reads it: drawing a row changes that state, not the props.
 */
function standIns(): {
  waiting: SvelteSet<ComparisonRow>
  standIn: (row: ComparisonRow) => HTMLElement | undefined
} {
  const waiting = new SvelteSet<ComparisonRow>(comparisonRows)
  const parts = new Map(
    comparisonRows.map((row) => {
      const part = document.createElement('p')
      part.className = 'stand-in'
      part.textContent = `prerendered ${row}`
      return [row, part] as const
    }),
  )
  return { waiting, standIn: (row) => (waiting.has(row) ? parts.get(row) : undefined) }
}

describe('Diagrams while the first frame is handed over', () => {
  it('computes no row while every row is still shown by its stand-in, then one row per step', async () => {
    computed.models.length = 0
    const runs = runsByRow({ ...defaultScenario }, clientProfiles.textbook)
    const driver = new PlaybackDriver()
    const { waiting, standIn } = standIns()
    const { container } = render(Diagrams, { runs, driver, standIn })
    await tick() // the first layout reports the size (test/setup/resizeObserver.ts)

    expect(computed.models).toEqual([])
    expect(container.querySelectorAll('figure.diagram')).toHaveLength(0)
    expect(container.querySelectorAll('.stand-in')).toHaveLength(4)
    expect(container.querySelector('[data-testid="diagrams"]')).toBeNull()

    // Each step draws one more row: only that row's model is computed, the others are kept.
    const drawn: ComparisonRow[] = []
    for (const row of comparisonRows) {
      drawn.push(row)
      waiting.delete(row)
      flushSync()
      expect(computed.models).toEqual(drawn.map((r) => runs[r].mode))
      expect(container.querySelectorAll('figure.diagram')).toHaveLength(drawn.length)
      expect(container.querySelectorAll('.stand-in')).toHaveLength(4 - drawn.length)
    }
    // The test id that names the live diagrams comes with the last row.
    expect(container.querySelector('[data-testid="diagrams"]')).not.toBeNull()
    driver.destroy()
  })

  it('draws every row at once when nothing stands in (another link, a phone, the lesson)', async () => {
    computed.models.length = 0
    const runs = runsByRow({ ...defaultScenario }, clientProfiles.textbook)
    const driver = new PlaybackDriver()
    const { container } = render(Diagrams, { runs, driver })
    await tick() // the first layout reports the size
    expect(computed.models).toHaveLength(4)
    expect(container.querySelectorAll('figure.diagram')).toHaveLength(4)
    expect(container.querySelector('[data-testid="diagrams"]')).not.toBeNull()
    driver.destroy()
  })

  it('on a phone, computes each row once, at the phone’s width: nothing is drawn before the first layout says how wide', async () => {
    // happy-dom lays nothing out: give the diagrams a phone's column, as Chromium lays it out at 360 px.
    const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth')!
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('diagrams') ? 328 : 0
      },
    })
    try {
      computed.models.length = 0
      const runs = runsByRow({ ...defaultScenario }, clientProfiles.textbook)
      const driver = new PlaybackDriver()
      const { container } = render(Diagrams, { runs, driver })
      expect(computed.models).toEqual([])
      expect(container.querySelectorAll('figure.diagram')).toHaveLength(0)
      await tick()
      // Four models, not eight: none was first computed at the default 960 px and thrown away.
      expect(computed.models).toHaveLength(4)
      expect(container.querySelector('.diagrams')!.getAttribute('data-orientation')).toBe('vertical')
      expect(container.querySelectorAll('figure.diagram')).toHaveLength(4)
      driver.destroy()
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth)
    }
  })
})
