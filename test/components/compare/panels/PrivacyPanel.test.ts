// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import PrivacyPanel from '../../../../src/components/compare/panels/PrivacyPanel.svelte'
import { engineRuns, quickRuns, run } from './fixtures'

function rowOf(name: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(`^${name}`) }).closest('li') as HTMLElement
}

describe('PrivacyPanel', () => {
  it('names the responder leak of plain OCSP, with the message that told it and when', () => {
    render(PrivacyPanel, { runs: engineRuns() })
    const plain = rowOf('Plain OCSP')
    expect(
      within(plain).getByText(
        /The OCSP responder \(the CA\) learned that 203\.0\.113\.7 visits shop\.example/,
      ),
    ).toBeTruthy()
    const told = within(plain).getAllByText(/Told by the “OCSP request \(POST\)” message at/)
    expect(told.length).toBeGreaterThan(0)
    expect(plain.classList.contains('leaky')).toBe(true)
    expect(
      within(plain)
        .getByText(/can tie client to site/)
        .classList.contains('danger'),
    ).toBe(true)
  })

  it('says the responder learned nothing for stapling, because the server fetched', () => {
    render(PrivacyPanel, { runs: engineRuns() })
    const stapling = rowOf('Stapling')
    expect(
      within(stapling).getByText(
        'The responder learned nothing about this client: the server fetched the response.',
      ),
    ).toBeTruthy()
    expect(within(stapling).queryByText(/Told by/)).toBeNull()
    expect(stapling.classList.contains('leaky')).toBe(false)
  })

  it('ties a hand-built ledger entry to its event label and time in seconds', () => {
    const runs = quickRuns()
    runs['plain-ocsp'] = run(
      'ocsp-soft-fail',
      [
        ['tcp', 50],
        ['tls', 50],
      ],
      {
        responderLearned: true,
        events: [
          {
            t: 480,
            arrive: 510,
            from: 'client',
            to: 'responder',
            message: 'OCSP request',
            bytes: 300,
            phase: 'ocsp-http',
            label: 'OCSP request (GET)',
            explain: 'Asks about the certificate.',
            staple: false,
            delivered: true,
          },
        ],
        ledger: [
          {
            party: 'responder',
            learned: 'The responder learned that 203.0.113.7 visits shop.example.',
            linksClientToSite: true,
            at: 510,
            viaEventIndex: 0,
          },
        ],
      },
    )
    render(PrivacyPanel, { runs })
    const plain = rowOf('Plain OCSP')
    const via = within(plain).getByText(/Told by/)
    expect(via.textContent).toMatch(/^Told by the “OCSP request \(GET\)” message at 0\.51 s/)
    expect(via.textContent).toContain('510 ms after the client')
  })

  it('says nobody learned anything without a check', () => {
    render(PrivacyPanel, { runs: engineRuns() })
    expect(within(rowOf('No check')).getByText(/Nobody learned anything/)).toBeTruthy()
  })
})
