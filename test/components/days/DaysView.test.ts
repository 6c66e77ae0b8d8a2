// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { beforeEach, describe, expect, it } from 'vitest'
import DaysView from '../../../src/components/days/DaysView.svelte'
import { router } from '../../../src/lib/route.svelte.ts'

/**
 * The lanes come in slices between tasks, and the view's parts a frame each: long enough on a
 * loaded machine to pass testing-library's default second, so each wait may take longer.
 */
const slices = { timeout: 15_000 }

function summary(): string {
  return screen.getByTestId('days-summary').textContent ?? ''
}

describe('DaysView', () => {
  beforeEach(() => {
    router.go('#/days', { replace: true })
  })

  it('says which servers keep a must-staple site up through the default 12-hour outage', async () => {
    render(DaysView)
    await waitFor(
      () =>
        expect(summary()).toBe(
          'With a 12-hour outage and 7-day responses, proactive and static-file servers keep their must-staple sites up; a lazy one fails during 1 hour, a blocking one during 13 hours.',
        ),
      slices,
    )
    await waitFor(() => expect(screen.getByTestId('failing-proactive').textContent).toBe('0'), slices)
  })

  it('changes the sentence when an outage outlasts the validity: even a proactive server then fails', async () => {
    router.go('#/days?v=96', { replace: true })
    render(DaysView)
    await waitFor(
      () =>
        expect(summary()).toMatch(
          /^With a 12-hour outage and 4-day responses, a proactive server keeps its must-staple site up/,
        ),
      slices,
    )
    const before = summary()
    const inputs = await screen.findByRole('group', { name: 'Responder outages' }, slices)
    const duration = within(inputs).getByRole('spinbutton', { name: /duration/ })
    // A 5-day outage from hour 48 against 4-day responses: the staple fetched at 0 expires at 96.
    await fireEvent.change(duration, { target: { value: '120' } })
    await waitFor(() => expect(summary()).not.toBe(before), slices)
    expect(summary()).toMatch(
      /^With a 5-day outage and 4-day responses, a proactive server fails must-staple during 72 hours/,
    )
    expect(Number(screen.getByTestId('failing-proactive').textContent)).toBeGreaterThan(0)
    expect(router.current.query.get('o')).toBe('48-168')
  })

  it('adds and removes outages from the keyboard-operable editor', async () => {
    render(DaysView)
    await fireEvent.click(await screen.findByRole('button', { name: 'Remove outage 1' }, slices))
    await waitFor(() => expect(summary()).toMatch(/^With no responder outage and 7-day responses, /), slices)
    expect(screen.getByTestId('days-spof').textContent).toMatch(/responder up throughout/)
    await fireEvent.click(screen.getByRole('button', { name: 'Add an outage' }))
    await waitFor(() => expect(summary()).toMatch(/^With a 12-hour outage/), slices)
  })

  it('says it is still working while a year is computed, not that every server keeps its site up', async () => {
    router.go('#/days?d=365', { replace: true })
    render(DaysView)
    await waitFor(() => expect(summary()).toMatch(/: working out what each server staples…$/), slices)
    await waitFor(() => expect(summary()).toMatch(/keeps? (its|their) must-staple sites? up|fails/), {
      timeout: 15_000,
    })
    expect(summary()).not.toMatch(/working out/)
  })

  it("opens a year's link with a shell, then draws the view, its inputs and its lanes a part per task", async () => {
    router.go('#/days?d=366&r=1000000', { replace: true })
    const { container } = render(DaysView)
    // The task that mounts the route draws the title and says it is working; the view's code loads.
    expect(screen.getByRole('heading', { name: 'Over days' })).toBeTruthy()
    expect(container.textContent).toContain('Working out what each server staples…')
    expect(screen.queryByTestId('days-summary')).toBeNull()
    // Then, at every change to the page: what the view shows so far.
    const snapshots: { timeline: boolean; lanes: number; inputs: number; caLoad: boolean }[] = []
    const look = () => {
      const timeline = container.querySelector('[data-testid="timeline"]')
      const shot = {
        timeline: timeline !== null,
        lanes: timeline?.querySelectorAll('.lane-title').length ?? 0,
        inputs: container.querySelectorAll('input[type="number"]').length,
        caLoad: container.querySelector('[data-testid="ca-ratio"]') !== null,
      }
      const last = snapshots.at(-1)
      if (!last || Object.entries(shot).some(([k, v]) => last[k as keyof typeof shot] !== v))
        snapshots.push(shot)
    }
    const watch = new MutationObserver(look)
    watch.observe(container, { childList: true, subtree: true })
    await waitFor(
      () => expect(container.querySelector('[data-testid="timeline"][aria-busy="false"]')).not.toBeNull(),
      slices,
    )
    await waitFor(
      () => expect(container.querySelector('section.days[aria-busy="false"]')).not.toBeNull(),
      slices,
    )
    look()
    watch.disconnect()
    // The view's first draw is its headline and the timeline's frame: no lane, no input, no CA load.
    expect(snapshots.find((s) => s.timeline)).toEqual({ timeline: true, lanes: 0, inputs: 0, caLoad: false })
    expect(summary()).not.toMatch(/working out/)
    // Every count of lanes in turn, one a frame (plain OCSP's heading comes with the first lane).
    expect([...new Set(snapshots.map((s) => s.lanes))]).toEqual([0, 2, 3, 4, 5, 6])
    // The inputs and the CA load came after the view's first draw, in draws of their own.
    expect(snapshots.findIndex((s) => s.inputs > 0)).toBeGreaterThan(snapshots.findIndex((s) => s.timeline))
    expect(snapshots.findIndex((s) => s.caLoad)).toBeGreaterThan(snapshots.findIndex((s) => s.inputs > 0))
    expect(snapshots.at(-1)).toMatchObject({ lanes: 6, caLoad: true })
  })

  it('applies every arrow key on an outage, even two in one task before the link has changed', async () => {
    render(DaysView)
    const outage = await screen.findByRole('slider', { name: /^Outage 1/ }, slices)
    // The first key starts a history entry (location.hash, read back at hashchange, a task later).
    await fireEvent.keyDown(outage, { key: 'ArrowRight' })
    await fireEvent.keyDown(outage, { key: 'ArrowRight' })
    await waitFor(() => expect(router.current.query.get('o')).toBe('50-62'), slices)
  })

  it('reads its inputs from the hash', async () => {
    router.go('#/days?v=24&o=10-60', { replace: true })
    render(DaysView)
    await waitFor(() => expect(summary()).toMatch(/^With a 50-hour outage and 24-hour responses/), slices)
    expect(
      ((await screen.findByRole('spinbutton', { name: /Response validity/ }, slices)) as HTMLInputElement)
        .value,
    ).toBe('24')
  })

  it('names a link’s bad values and still shows its valid ones', async () => {
    router.go('#/days?d=abc&v=24&o=10-60_300-330', { replace: true })
    render(DaysView)
    const problems = await screen.findByTestId('link-problems', {}, slices)
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Days simulated: d=abc is not a number from 1 to 366 days',
      'Responder outages: outage 2 (300-330) starts after the 168 simulated hours',
    ])
    await waitFor(() => expect(summary()).toMatch(/^With a 50-hour outage and 24-hour responses/), slices)
  })

  it('never counts an outage the simulation did not see: past the window it is cut, and the sentences agree', async () => {
    router.go('#/days?d=2&o=40-70', { replace: true })
    render(DaysView)
    await waitFor(() => expect(summary()).toMatch(/^With an 8-hour outage and 7-day responses/), slices)
    expect(screen.getByTestId('days-spof').textContent).not.toMatch(/up throughout/)
  })

  it('offers no 21st outage', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `${i * 8}-${i * 8 + 1}`).join('_')
    router.go(`#/days?o=${twenty}`, { replace: true })
    render(DaysView)
    // aria-disabled rather than disabled, so the button keeps focus when the 20th outage is added.
    const add = await screen.findByRole('button', { name: 'Add an outage' }, slices)
    expect(add.getAttribute('aria-disabled')).toBe('true')
    await fireEvent.click(add)
    expect(location.hash).toBe(`#/days?o=${twenty}`)
    expect(screen.getByText(/At most 20 outages/)).toBeTruthy()
    await screen.findByTestId('days-summary', {}, slices)
    expect(screen.queryByTestId('link-problems')).toBeNull()
  })

  it('marks a typed value out of range and says the allowed range, like the compare fields', async () => {
    render(DaysView)
    const days = await screen.findByRole('spinbutton', { name: /Days simulated/ }, slices)
    await fireEvent.change(days, { target: { value: '400' } })
    expect(days.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText(/Days simulated: enter a number from 1 to 366 days\./)).toBeTruthy()
    expect(router.current.query.get('d')).toBeNull()
  })
})
