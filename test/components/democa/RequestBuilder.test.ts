// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import RequestBuilder from '../../../src/components/democa/RequestBuilder.svelte'

const certs = join(import.meta.dirname, '../../fixtures/certs')
const der = (name: string) => new Uint8Array(readFileSync(join(certs, `${name}.der`)))
const sha1GetUrl =
  'http://ocsp.staple-lab.example/MFIwUDBOMEwwSjAJBgUrDgMCGgUABBTElkftixXXiiawrG7kXLx91hkvzQQU0QYlnqKarBNCHBW0xMNNGpA5tAACEQCPHTymsOJHXJofAMTS47eh'

const commands = () => screen.queryAllByTestId('command-text').map((e) => e.textContent)

async function built(): Promise<void> {
  await waitFor(() => expect(commands()).toContain(sha1GetUrl), { timeout: 10_000 })
}

afterEach(() => vi.restoreAllMocks())

describe('RequestBuilder', () => {
  it('shows the GET URL of the request and the commands, and offers request.der', async () => {
    render(RequestBuilder, { certDer: der('leaf-rsa'), issuerDer: der('intermediate') })
    await built()
    expect(screen.getByText(/143 bytes: at most 255, so a client uses GET/)).toBeTruthy()
    expect(commands()).toContain(
      'openssl ocsp -issuer issuer.pem -cert cert.pem -url http://ocsp.staple-lab.example -no_nonce -resp_text',
    )
    expect(commands()).toContain(
      "curl -s -H 'Content-Type: application/ocsp-request' --data-binary @request.der http://ocsp.staple-lab.example -o response.der",
    )
    expect(commands()).toContain(`curl -s ${sha1GetUrl} -o response.der`)
    const download = screen.getByRole('link', { name: /request\.der/ })
    expect(download.getAttribute('download')).toBe('request.der')
    expect(download.getAttribute('href')).toMatch(/^blob:/)
  })

  it('rebuilds with SHA-256 and a nonce when the options change', async () => {
    render(RequestBuilder, { certDer: der('leaf-rsa'), issuerDer: der('intermediate') })
    await built()
    const hash = screen.getByRole('combobox', { name: /CertID hash/ }) as HTMLSelectElement
    hash.value = 'sha256'
    await fireEvent.change(hash)
    await fireEvent.click(screen.getByRole('checkbox', { name: /Nonce/ }))
    await waitFor(() =>
      expect(commands()).toContain(
        'openssl ocsp -issuer issuer.pem -sha256 -cert cert.pem -url http://ocsp.staple-lab.example -resp_text',
      ),
    )
    expect(screen.getByTestId('request-summary').textContent).toMatch(/SHA-256.*nonce [0-9a-f]{32}/s)
    const first = screen.getByTestId('request-summary').textContent
    await fireEvent.click(screen.getByRole('button', { name: 'New nonce' }))
    await waitFor(() => expect(screen.getByTestId('request-summary').textContent).not.toBe(first))
  })

  it('copies a command to the clipboard and says so', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    render(RequestBuilder, { certDer: der('leaf-rsa'), issuerDer: der('intermediate') })
    await built()
    await fireEvent.click(screen.getByRole('button', { name: 'Copy: GET URL' }))
    expect(writeText).toHaveBeenCalledWith(sha1GetUrl)
    expect(await screen.findByText('Copied')).toBeTruthy()
  })

  it('explains that there is nowhere to send it when the certificate has no OCSP URL', async () => {
    render(RequestBuilder, { certDer: der('root'), issuerDer: der('root') })
    expect(await screen.findByText(/names no http OCSP responder/, {}, { timeout: 10_000 })).toBeTruthy()
    expect(screen.queryByText(/curl/)).toBeNull()
  })

  it('shows the problem, not a crash, when the issuer is not a certificate', async () => {
    render(RequestBuilder, {
      certDer: der('leaf-rsa'),
      issuerDer: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05),
    })
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(
      /^the issuer certificate/,
    )
  })
})
