// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ClientPanel from '../../../../src/components/compare/panels/ClientPanel.svelte'

describe('ClientPanel', () => {
  it('lists what Chrome does, each behaviour with its source', () => {
    render(ClientPanel, { client: 'chrome' })
    const panel = screen.getByRole('region', { name: 'What this client does: Chrome / Edge' })
    expect(within(panel).getByText(/Never fetches OCSP itself/)).toBeTruthy()
    expect(within(panel).getByText(/revocation_checker\.cc, CheckRevocationOfCert/)).toBeTruthy()
    expect(
      within(panel).getByText('Holds for Chrome and Edge 2026 (Chromium’s own certificate verifier).'),
    ).toBeTruthy()
    // A named client's rows are what the certificate and server offer.
    expect(within(panel).getByText('a certificate without an OCSP URL, no staple')).toBeTruthy()
  })

  it('says plainly where Safari’s behaviour is unconfirmed', () => {
    render(ClientPanel, { client: 'safari' })
    expect(screen.getAllByText(/unconfirmed/).length).toBeGreaterThan(0)
  })
})
