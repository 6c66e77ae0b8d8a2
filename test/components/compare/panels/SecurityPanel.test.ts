// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import SecurityPanel from '../../../../src/components/compare/panels/SecurityPanel.svelte'
import { engineRuns } from './fixtures'

function rowOf(name: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(`^${name}`) }).closest('li') as HTMLElement
}

describe('SecurityPanel', () => {
  it('shows soft-fail accepting a revoked certificate when an attacker blocks OCSP, in the danger style', () => {
    render(SecurityPanel, {
      runs: engineRuns({ responder: 'blocked', certStatus: 'revoked', staple: 'none' }),
    })
    const plain = rowOf('Plain OCSP \\(soft-fail\\)')
    const verdict = within(plain).getByText('accepted a revoked certificate')
    expect(verdict.closest('.verdict')?.classList.contains('danger')).toBe(true)
    expect(plain.classList.contains('danger')).toBe(true)
    expect(within(plain).getByText('none: no revocation check')).toBeTruthy()
    expect(within(plain).getByText(/Soft-fail: no answer from the responder/)).toBeTruthy()
  })

  it('shows must-staple refusing a certificate served without a staple', () => {
    render(SecurityPanel, {
      runs: engineRuns({ responder: 'blocked', certStatus: 'revoked', staple: 'none' }),
    })
    const must = rowOf('Must-staple')
    const verdict = within(must).getByText('rejected: no staple')
    expect(verdict.closest('.verdict')?.classList.contains('ok')).toBe(true)
    expect(must.classList.contains('danger')).toBe(false)
  })

  it('names the staple as the revocation source when stapling checks a good certificate', () => {
    render(SecurityPanel, { runs: engineRuns() })
    const stapling = rowOf('Stapling')
    expect(within(stapling).getByText('connected: checked, good')).toBeTruthy()
    expect(within(stapling).getByText('the stapled response')).toBeTruthy()
    expect(within(rowOf('No check')).getByText('connected without a revocation check')).toBeTruthy()
  })
})
