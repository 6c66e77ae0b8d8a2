// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import OcspResponseView from '../../../../src/components/inspect/views/OcspResponseView.svelte'
import type { Check } from '../../../../src/lib/pki/types'
import { ocspResponse, singleResponse } from '../models'

const now = new Date('2026-11-24T00:00:00Z')

describe('OcspResponseView', () => {
  it('shows a revoked SingleResponse with its time, reason and what the reason means', () => {
    const revoked = singleResponse({
      certStatus: 'revoked',
      revocationTime: '2026-11-20T08:30:00Z',
      revocationReason: 'keyCompromise',
    })
    render(OcspResponseView, { info: ocspResponse([revoked]), now })
    const revocation = screen.getByTestId('revocation').textContent ?? ''
    expect(revocation).toContain('2026-11-20 08:30:00 UTC')
    expect(revocation).toContain('keyCompromise')
    expect(revocation).toMatch(/private key is known or suspected to be compromised/)
    expect(screen.getByTestId('cert-status').textContent).toBe('revoked')
  })

  it('says how long a response stays fresh, and when it went stale', () => {
    const { unmount } = render(OcspResponseView, { info: ocspResponse([singleResponse()]), now })
    expect(screen.getByTestId('freshness').textContent).toBe('fresh for 3 d 4 h')
    unmount()
    render(OcspResponseView, {
      info: ocspResponse([singleResponse()]),
      now: new Date('2026-11-28T00:00:00Z'),
    })
    expect(screen.getByTestId('freshness').textContent).toMatch(/^stale since 2026-11-27/)
  })

  it('explains an unsuccessful responseStatus', () => {
    render(OcspResponseView, { info: { kind: 'ocspResponse', responseStatus: 'tryLater' }, now })
    expect(screen.getByText('tryLater')).toBeTruthy()
    expect(screen.getByText(/cannot answer now/)).toBeTruthy()
  })

  it('lists the verification checks with pass and fail', () => {
    const checks: Check[] = [
      {
        id: 'certid',
        label: 'CertID matches the certificate',
        status: 'pass',
        detail: 'serial and issuer hashes match',
      },
      {
        id: 'signature',
        label: 'Signature verifies',
        status: 'fail',
        detail: 'the signature does not match',
      },
    ]
    render(OcspResponseView, { info: ocspResponse([singleResponse()]), now, checks })
    const list = screen.getByRole('list', { name: 'OCSP response checks' })
    expect(list.querySelectorAll('[data-status="pass"]')).toHaveLength(1)
    expect(list.querySelector('[data-status="fail"]')?.textContent).toContain('Signature verifies')
  })
})
