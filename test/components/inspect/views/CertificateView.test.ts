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

  it('a TLS Feature that is not DER reads "unknown", not "none", and no badge', () => {
    const extension = {
      oid: '1.3.6.1.5.5.7.1.24',
      name: 'TLS Feature',
      critical: false,
      valueHex: '3081030201' + '05',
      notDer: 'non-minimal length at byte 1 (3 bytes written in 2 bytes; DER allows only the shortest form)',
    }
    render(CertificateView, { info: certificate({ extensions: [extension] }), now })
    expect(
      screen.getByText(/^unknown: the TLS Feature extension is not DER \(non-minimal length/),
    ).toBeTruthy()
    expect(screen.queryByText(/none: a server may serve it/)).toBeNull()
    expect(screen.queryByTestId('must-staple')).toBeNull()
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

  it('shows the subject as written, each value in its own bidi run, a hidden override as a marker', () => {
    const subject = 'CN=invoice\u202egnp.exe,O=ירושלים,C=IL'
    const { container } = render(CertificateView, { info: certificate({ subject }), now })
    const name = screen.getAllByTestId('name')[0]
    expect(name.textContent).toBe('CN=invoice⟨U+202E⟩gnp.exe,O=ירושלים,C=IL')
    expect(container.textContent).not.toContain('\u202e')
    expect([...name.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      'invoice⟨U+202E⟩gnp.exe',
      'ירושלים',
      'IL',
    ])
    expect(name.querySelector('.mark')?.getAttribute('title')).toBe(
      'U+202E RIGHT-TO-LEFT OVERRIDE: reverses the text after it',
    )
  })

  it('shows an empty RDN and bytes that are not text as markers, not as a stray comma or wrong letters', () => {
    render(CertificateView, { info: certificate({ subject: 'CN=#0C035AC328,O=Staple Lab,' }), now })
    expect(screen.getAllByTestId('name')[0].textContent).toBe(
      'CN=⟨invalid UTF8String: 5A C3 28⟩,O=Staple Lab,⟨empty RDN⟩',
    )
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
