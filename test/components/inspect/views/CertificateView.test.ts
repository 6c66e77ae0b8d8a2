// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import CertificateView from '../../../../src/components/inspect/views/CertificateView.svelte'
import { certificate } from '../models'

const now = new Date('2026-11-24T12:00:00Z')

describe('CertificateView', () => {
  it('shows the OCSP Must-Staple badge and what it means when the TLS Feature lists status_request', () => {
    render(CertificateView, { info: certificate({ mustStaple: true, tlsFeatures: [5] }), now })
    expect(screen.getByText('OCSP Must-Staple')).toBeTruthy()
    expect(screen.getByTestId('must-staple').textContent).toMatch(/must staple a current OCSP response/)
    expect(screen.getByText('status_request (5)')).toBeTruthy()
  })

  it('shows no badge for a certificate without must-staple', () => {
    render(CertificateView, { info: certificate(), now })
    expect(screen.queryByText('OCSP Must-Staple')).toBeNull()
  })

  it('renders a hostile subject as literal text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const { container } = render(CertificateView, { info: certificate({ subject: `CN=${hostile}` }), now })
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toContain(`CN=${hostile}`)
  })

  it('says in words how long the certificate has left, or how long ago it expired', () => {
    const { unmount } = render(CertificateView, {
      info: certificate({ notAfter: '2027-01-04T12:00:00Z' }),
      now,
    })
    expect(screen.getByText(/expires in 41 days/)).toBeTruthy()
    unmount()
    render(CertificateView, { info: certificate({ notAfter: '2026-11-21T12:00:00Z' }), now })
    expect(screen.getByText(/expired 3 days ago/)).toBeTruthy()
    expect(screen.getByText('expired')).toBeTruthy()
  })

  it('prints serial and fingerprints as colon-separated hex', () => {
    render(CertificateView, { info: certificate(), now })
    expect(screen.getByText('30:04')).toBeTruthy()
    expect(screen.getByText(Array(20).fill('ef').join(':'))).toBeTruthy()
  })
})
