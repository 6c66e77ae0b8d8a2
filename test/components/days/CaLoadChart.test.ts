// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import CaLoadChart from '../../../src/components/days/CaLoadChart.svelte'
import { caLoadInput } from '../../../src/components/days/caLoadText.ts'
import { defaultDaysInput } from '../../../src/components/days/daysState.ts'
import { caLoad } from '../../../src/lib/sim/index.ts'

const twoFigures = (r: number) => Number(r.toPrecision(2)).toLocaleString('en-US')

describe('CaLoadChart', () => {
  it("states the ratio from caLoad's own totals", () => {
    render(CaLoadChart, { input: defaultDaysInput, onchange: () => {} })
    const { totals } = caLoad(caLoadInput(defaultDaysInput))
    const cached = totals.plainOcsp / totals.stapling
    const raw = totals.plainOcspNoCache / totals.stapling
    expect(cached).toBeGreaterThan(100)
    expect(screen.getByTestId('ca-ratio').textContent).toBe(
      `Stapling sends ${twoFigures(cached)}x fewer requests to the CA than plain OCSP with client caches, and ${twoFigures(raw)}x fewer than without them.`,
    )
  })

  it('says when stapling costs the CA more: ten clients, ten thousand sites refreshing anyway', () => {
    render(CaLoadChart, { input: { ...defaultDaysInput, clients: 10 }, onchange: () => {} })
    const { totals } = caLoad(caLoadInput({ ...defaultDaysInput, clients: 10 }))
    const ratio = totals.plainOcsp / totals.stapling
    expect(1 / ratio).toBeGreaterThan(10)
    expect(1 / ratio).toBeLessThan(100)
    expect(screen.getByTestId('ca-ratio').textContent).toContain(
      `stapling sends ${Math.round(1 / ratio)}x more requests`,
    )
  })

  it('shows the aggregate-math caveat with the engine method', () => {
    render(CaLoadChart, { input: defaultDaysInput, onchange: () => {} })
    expect(screen.getByText(/Not a per-event simulation/).textContent).toContain(
      caLoad(caLoadInput(defaultDaysInput)).method,
    )
  })
})
