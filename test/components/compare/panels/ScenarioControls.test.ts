// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import ScenarioControls from '../../../../src/components/compare/panels/ScenarioControls.svelte'
import { defaultScenario, presets, scenarioFieldNames } from '../../../../src/lib/sim/index'
import type { Scenario } from '../../../../src/lib/sim/types'

function setup(scenario: Scenario = { ...defaultScenario }) {
  const onchange = vi.fn<(next: Scenario) => void>()
  const oncommit = vi.fn<(next: Scenario) => void>()
  const view = render(ScenarioControls, { scenario, onchange, oncommit })
  return { onchange, oncommit, view }
}

describe('ScenarioControls', () => {
  it('picking TLS 1.2 calls onchange and oncommit with tls "1.2" and nothing else changed', async () => {
    const { onchange, oncommit } = setup()
    await fireEvent.click(screen.getByRole('radio', { name: 'TLS 1.2' }))
    expect(onchange).toHaveBeenCalledTimes(1)
    expect(onchange.mock.calls[0][0]).toEqual({ ...defaultScenario, tls: '1.2' })
    expect(oncommit).toHaveBeenCalledWith({ ...defaultScenario, tls: '1.2' })
  })

  it('a slider calls onchange on every input, and oncommit only on release', async () => {
    const { onchange, oncommit } = setup()
    const slider = screen.getByRole('slider', { name: 'Client ↔ server RTT (ms)' })
    ;(slider as HTMLInputElement).value = '120'
    await fireEvent.input(slider)
    expect(onchange.mock.calls.at(-1)?.[0].rttServerMs).toBe(120)
    expect(oncommit).not.toHaveBeenCalled()
    await fireEvent.change(slider)
    expect(oncommit.mock.calls.at(-1)?.[0].rttServerMs).toBe(120)
  })

  it('shows loss in percent and stores a probability', async () => {
    const { onchange } = setup()
    const box = screen.getByRole('spinbutton', { name: 'Packet loss' }) as HTMLInputElement
    box.value = '2.5'
    await fireEvent.input(box)
    expect(onchange.mock.calls.at(-1)?.[0].lossRate).toBe(0.025)
  })

  it('rejects a value the engine rejects, says why, and does not call onchange', async () => {
    const { onchange } = setup()
    const box = screen.getByRole('spinbutton', { name: 'Client ↔ server RTT' }) as HTMLInputElement
    box.value = '-5'
    await fireEvent.input(box)
    expect(onchange).not.toHaveBeenCalled()
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Client ↔ server RTT: enter a number from 0 to 60,000 ms.')).toBeTruthy()
    const site = screen.getByRole('textbox', { name: 'Site' }) as HTMLInputElement
    site.value = 'not a host!'
    await fireEvent.input(site)
    expect(onchange).not.toHaveBeenCalled()
    site.value = 'bank.example'
    await fireEvent.input(site)
    expect(onchange.mock.calls.at(-1)?.[0].site).toBe('bank.example')
  })

  it('the responder select offers the attacker states', async () => {
    const { onchange } = setup()
    const select = screen.getByRole('combobox', { name: 'OCSP responder' }) as HTMLSelectElement
    expect(within(select).getByRole('group', { name: 'Attacker' })).toBeTruthy()
    select.value = 'blocked'
    await fireEvent.change(select)
    expect(onchange.mock.calls.at(-1)?.[0].responder).toBe('blocked')
  })

  it('a preset click applies its fields over the defaults and marks itself pressed', async () => {
    const { onchange, oncommit, view } = setup({ ...defaultScenario, rttServerMs: 400 })
    const attack = presets.find((p) => p.id === 'attacker-blocks-ocsp')
    if (!attack) throw new Error('preset attacker-blocks-ocsp is gone')
    await fireEvent.click(screen.getByRole('button', { name: attack.name }))
    const next = onchange.mock.calls.at(-1)?.[0]
    expect(next).toEqual({ ...defaultScenario, ...attack.scenario })
    expect(oncommit).toHaveBeenCalledWith(next)
    await view.rerender({ scenario: next })
    expect(screen.getByRole('button', { name: attack.name }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText(attack.description)).toBeTruthy()
  })

  it('has a control for every scenario field but the mode', () => {
    const { view } = setup()
    const ids = [...view.container.querySelectorAll('[id]')].map((e) => e.id)
    for (const field of scenarioFieldNames.filter((f) => f !== 'mode')) {
      expect(ids.some((id) => id.endsWith(`-${field}-hint`))).toBe(true)
    }
  })

  it('opens a folded group by itself when something inside it differs from the defaults', () => {
    const { view } = setup({ ...defaultScenario, jitterMs: 60, lossRate: 0.02 })
    const summaries = [...view.container.querySelectorAll('summary')]
    const network = summaries.find((s) => s.textContent?.startsWith('More: DNS, server'))
    expect(network?.textContent).toContain('(2 changed)')
    expect(network?.parentElement?.hasAttribute('open')).toBe(true)
    const sizes = summaries.find((s) => s.textContent?.startsWith('More: chain'))
    expect(sizes?.parentElement?.hasAttribute('open')).toBe(false)
  })

  it('folds into a drawer behind a Scenario toggle', async () => {
    setup()
    const toggle = screen.getByRole('button', { name: /^Scenario/ })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '')
    expect(body?.classList.contains('open')).toBe(false)
    await fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(body?.classList.contains('open')).toBe(true)
  })
})
