// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import DemoCaPanel from '../../../src/components/democa/DemoCaPanel.svelte'
import { inspectBytes, type CertificateInfo, type OcspResponseInfo } from '../../../src/lib/pki/index.ts'

const commands = () => screen.getAllByTestId('command-text').map((e) => e.textContent)

type Loaded = { name: string; bytes: Uint8Array }[]

/** The page's clock, pinned: what is issued and signed carries this time. */
const pressedAt = new Date('2031-03-14T09:26:53Z')
const clock = () => pressedAt

async function generated() {
  const onload = vi.fn<(files: Loaded) => void>()
  render(DemoCaPanel, { onload, clock })
  const button = screen.getByRole('button', { name: 'Generate demo CA' })
  await fireEvent.click(button)
  await screen.findByText('Root CA', {}, { timeout: 10_000 })
  return { onload }
}

async function parse(file: { name: string; bytes: Uint8Array }) {
  const [object] = await inspectBytes(file.name, file.bytes)
  if (!object.result.ok) throw new Error(object.result.error.message)
  return object.result.value
}

describe('DemoCaPanel', () => {
  it('shows a busy state while generating, then lists the four certificates with DER and PEM downloads', async () => {
    render(DemoCaPanel, { onload: () => {}, clock })
    const button = screen.getByRole('button', { name: 'Generate demo CA' })
    await fireEvent.click(button)
    expect(button.hasAttribute('disabled')).toBe(true)
    expect(button.textContent).toContain('Generating')
    await screen.findByText('Root CA', {}, { timeout: 10_000 })
    const rows = screen.getAllByTestId('demo-file')
    expect(rows.map((r) => r.querySelector('.title')?.textContent)).toEqual([
      'Root CA',
      'Intermediate CA',
      'Leaf: shop.example',
      'Delegated OCSP responder',
      'Bundle for -verify_other',
    ])
    const leafDer = screen.getByRole('link', { name: 'Download leaf.der' })
    expect(leafDer.getAttribute('download')).toBe('leaf.der')
    expect(leafDer.getAttribute('href')).toMatch(/^blob:/)
    expect(screen.getByRole('link', { name: 'Download int.pem' }).getAttribute('href')).toMatch(/^blob:/)
    expect(commands()).toContain('openssl verify -CAfile root.pem -untrusted int.pem leaf.pem')
    expect(screen.getByText(/Made an ECDSA demo CA in/)).toBeTruthy()
  })

  it('opens the must-staple leaf in the inspector as DER bytes the parser reads', async () => {
    const { onload } = await generated()
    await fireEvent.click(screen.getByRole('button', { name: 'Open Leaf: shop.example in the inspector' }))
    expect(onload).toHaveBeenCalledTimes(1)
    const [files] = onload.mock.calls[0]
    expect(files.map((f) => f.name)).toEqual(['leaf.der'])
    const leaf = (await parse(files[0])) as CertificateInfo
    expect(leaf.kind).toBe('certificate')
    expect(leaf.mustStaple).toBe(true)
    expect(leaf.subject).toBe('CN=shop.example')
  })

  it('makes a revoked response with the chosen reason, lists it with its openssl command, and opens everything', async () => {
    const { onload } = await generated()
    await fireEvent.click(screen.getByRole('radio', { name: 'revoked' }))
    const reason = screen.getByRole('combobox', { name: 'Reason' }) as HTMLSelectElement
    reason.value = 'superseded'
    await fireEvent.change(reason)
    await fireEvent.click(screen.getByRole('radio', { name: 'the delegated responder' }))
    expect(
      (screen.getByRole('checkbox', { name: "embed the signer's certificate" }) as HTMLInputElement).checked,
    ).toBe(true)
    await fireEvent.click(screen.getByRole('button', { name: 'Make OCSP response' }))
    await waitFor(() => expect(screen.getAllByTestId('demo-file')).toHaveLength(6), { timeout: 10_000 })
    const row = screen.getAllByTestId('demo-file')[5]
    expect(within(row).getByText('OCSP response #1')).toBeTruthy()
    expect(within(row).getByText(/revoked \(superseded\), signed by the delegated responder/)).toBeTruthy()
    expect(commands()).toContain(
      'openssl ocsp -respin ocsp-revoked-superseded-delegated-sha1.der -CAfile root.pem -issuer int.pem -cert leaf.pem -no_nonce',
    )

    await fireEvent.click(screen.getByRole('button', { name: 'Open all in inspector' }))
    const [files] = onload.mock.calls[0]
    expect(files.map((f) => f.name)).toEqual([
      'root.der',
      'int.der',
      'leaf.der',
      'responder.der',
      'ocsp-revoked-superseded-delegated-sha1.der',
    ])
    const response = (await parse(files[4])) as OcspResponseInfo
    expect(response.basic?.responses[0].certStatus).toBe('revoked')
    expect(response.basic?.responses[0].revocationReason).toBe('superseded')
    // Produced at the page's clock; the certificates were issued by it, back-dated an hour.
    expect(response.basic?.responses[0].thisUpdate).toBe('2031-03-14T09:26:53Z')
    const leaf = (await parse(files[2])) as CertificateInfo
    expect(leaf.notBefore).toBe('2031-03-14T08:26:53Z')
    expect(response.basic?.certificates).toHaveLength(1)
  })

  it('says what is wrong with a bad leaf name instead of generating', async () => {
    render(DemoCaPanel, { onload: () => {}, clock })
    const name = screen.getByRole('textbox', { name: 'DNS name' })
    await fireEvent.input(name, { target: { value: 'not a name' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Generate demo CA' }))
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(/not a DNS name/)
    expect(screen.queryByText('Root CA')).toBeNull()
  })

  it('does not make a response valid for 0 hours: the field is marked invalid', async () => {
    await generated()
    const hours = screen.getByRole('spinbutton', { name: 'Valid for (hours)' }) as HTMLInputElement
    await fireEvent.input(hours, { target: { value: '0' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Make OCSP response' }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(hours.validity.valid).toBe(false)
    expect(screen.getAllByTestId('demo-file')).toHaveLength(5)
  })
})
