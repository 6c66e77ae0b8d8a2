// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import LatencyBars from '../../../../src/components/compare/panels/LatencyBars.svelte'
import { quickRuns, run } from './fixtures'

describe('LatencyBars', () => {
  it('shows each row with its total in ms', () => {
    render(LatencyBars, { runs: quickRuns() })
    const plain = screen.getByRole('group', { name: 'Plain OCSP (soft-fail)' })
    expect(within(plain).getByText('300 ms')).toBeTruthy()
    const none = screen.getByRole('group', { name: 'No check' })
    expect(within(none).getByText('100 ms')).toBeTruthy()
  })

  it('says how much stapling saves over plain OCSP, computed from the runs', () => {
    render(LatencyBars, { runs: quickRuns() })
    expect(screen.getByText('Stapling saves 200 ms (67%) over plain OCSP.')).toBeTruthy()
    expect(screen.getByText('Must-staple saves 200 ms (67%) over plain OCSP.')).toBeTruthy()
    expect(screen.getByText('Plain OCSP costs 200 ms (200%) more than no check.')).toBeTruthy()
  })

  it('does not call an equal time a saving, nor a slower one', () => {
    const runs = quickRuns()
    runs.stapling = run('stapling', [
      ['tcp', 50],
      ['tls', 50],
      ['server-ocsp-fetch', 200],
    ])
    runs['must-staple'] = run('must-staple', [
      ['tcp', 50],
      ['tls', 50],
      ['server-ocsp-fetch', 300],
    ])
    render(LatencyBars, { runs })
    expect(screen.getByText('Stapling takes as long as plain OCSP: 300 ms.')).toBeTruthy()
    expect(screen.getByText('Must-staple costs 100 ms (33%) more than plain OCSP.')).toBeTruthy()
  })

  it('marks a rejected row with its reason in the danger colour', () => {
    const runs = quickRuns()
    runs['must-staple'] = run(
      'must-staple',
      [
        ['tcp', 50],
        ['tls', 25],
      ],
      { outcome: 'rejected', reason: 'no-staple' },
    )
    render(LatencyBars, { runs })
    const row = screen.getByRole('group', { name: 'Must-staple' })
    expect(row.classList.contains('rejected')).toBe(true)
    expect(within(row).getByText('✕ rejected: no staple')).toBeTruthy()
    expect(
      screen.getByText(
        'Must-staple refuses the connection after 75 ms (no staple); plain OCSP connects in 300 ms.',
      ),
    ).toBeTruthy()
  })

  it('explains a phase segment on focus: its name, its ms and what it is', async () => {
    render(LatencyBars, { runs: quickRuns() })
    const plain = screen.getByRole('group', { name: 'Plain OCSP (soft-fail)' })
    const segment = within(plain).getByRole('button', { name: /^OCSP request: 100 ms/ })
    await fireEvent.focus(segment)
    const tip = document.getElementById(segment.getAttribute('aria-describedby') ?? '')
    expect(tip?.getAttribute('role')).toBe('tooltip')
    expect(tip?.textContent).toContain('OCSP request')
    expect(tip?.textContent).toContain('100 ms')
    expect(tip?.textContent).toContain('over HTTP')
    await fireEvent.keyDown(segment, { key: 'Escape' })
    expect(segment.getAttribute('aria-describedby')).toBeNull()
  })

  it('has a legend of the phases that occur', () => {
    render(LatencyBars, { runs: quickRuns() })
    const legend = screen.getByRole('list', { name: 'Phases' })
    const items = within(legend)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      'TCP connect',
      'TLS handshake',
      'DNS for responder',
      'TCP to responder',
      'OCSP request',
    ])
  })
})
