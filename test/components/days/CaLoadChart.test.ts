// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import CaLoadChart from '../../../src/components/days/CaLoadChart.svelte'
import { caLoadInput } from '../../../src/components/days/caLoadText.ts'
import { defaultDaysInput, type DaysInput } from '../../../src/lib/days/daysFields.ts'
import { caLoad } from '../../../src/lib/sim/index.ts'

function renderFor(input: DaysInput) {
  const loadInput = caLoadInput(input)
  return render(CaLoadChart, {
    input,
    load: { input: loadInput, result: caLoad(loadInput) },
    onchange: () => {},
  })
}

/*
 * The default week: 1,000,000 clients x 20 visits a day = 833,333 requests an hour without a client
 * cache, 140 million in 168 hours; 10,000 sites each fetch at hour 0 and hour 84 (half the 7-day
 * validity) = 20,000. 140,000,000 / 20,000 = 7,000. With client caches the engine's integration
 * gives 99.3 million (a client refetches only after nextUpdate), about 5,000x stapling's.
 */
describe('CaLoadChart', () => {
  it('states how many times fewer requests stapling sends, from the numbers it is given', () => {
    renderFor(defaultDaysInput)
    expect(screen.getByTestId('ca-ratio').textContent).toBe(
      'Stapling sends 5,000x fewer requests to the CA than plain OCSP with client caches, and 7,000x fewer than without them.',
    )
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'ApproachMean per hourBusiest hour',
      'Plain OCSP, no client cache833,333833,333',
      'Plain OCSP, client caches590,833827,587',
      'Stapling, refresh every 84 h11910,000',
    ])
  })

  it('says when stapling costs the CA more: ten clients, ten thousand sites refreshing anyway', () => {
    // Ten clients: 1,400 requests a week at most against the sites' 20,000.
    renderFor({ ...defaultDaysInput, clients: 10 })
    expect(screen.getByTestId('ca-ratio').textContent).toBe(
      'With so few clients, stapling sends 20x more requests to the CA than plain OCSP with client caches: every site refreshes whether visited or not.',
    )
  })

  it('shows the aggregate-math caveat with the engine method', () => {
    renderFor(defaultDaysInput)
    expect(screen.getByText(/Not a per-event simulation/).textContent).toContain(
      'Aggregate: expected requests from each client-site pair',
    )
  })

  it('while a newer input is computed, labels the bars with the input they were computed for, dimmed', () => {
    // The result is for 7-day responses (refresh every 84 h); the input has moved on to 4-day ones.
    const loadInput = caLoadInput(defaultDaysInput)
    render(CaLoadChart, {
      input: { ...defaultDaysInput, validityHours: 96, days: 14 },
      load: { input: loadInput, result: caLoad(loadInput) },
      busy: true,
      onchange: () => {},
    })
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    expect(rows[3]!.textContent).toBe('Stapling, refresh every 84 h11910,000')
    expect(screen.getByText(/Not a per-event simulation/).textContent).toContain('over 7 days')
    const chart = screen.getByTestId('ca-ratio').parentElement!
    expect(chart.getAttribute('aria-busy')).toBe('true')
    expect(chart.classList.contains('busy')).toBe(true)
  })

  it('before its first load arrives, says it is computing and draws no bars', () => {
    render(CaLoadChart, { input: defaultDaysInput, load: undefined, busy: true, onchange: () => {} })
    expect(screen.getByTestId('ca-ratio').textContent).toBe('Computing the load on the CA...')
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1)
  })
})
