// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fireEvent, render } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it } from 'vitest'
import ObjectCard from '../../../src/components/inspect/ObjectCard.svelte'
import { inspectBytes } from '../../../src/lib/pki/inspect'

// A path, not a URL: happy-dom's URL is not the one node's fs reads.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures')
const fixture = (path: string) => new Uint8Array(readFileSync(join(fixtures, path)))
const now = new Date('2026-11-25T00:00:00Z')
const noop = () => {}

/** The leaf of the test PKI as a drop shows it: parsed from its real DER, its tree left for its tab. */
async function leafCard() {
  const [object] = await inspectBytes('leaf-must-staple.pem', fixture('certs/leaf-must-staple.pem'))
  const { asn1: _tree, ...withoutTree } = object!
  return render(ObjectCard, {
    cardKey: 'card-1',
    object: { ...withoutTree, asn1OnDemand: { allowTrailing: false } },
    now,
    onremove: noop,
    onsimulate: noop,
    issuerDer: fixture('certs/intermediate.der'),
  })
}

describe('ObjectCard, as a drop draws it', () => {
  it('shows every field as a label and its value, one dt/dd pair a row, in reading order', async () => {
    const { container } = await leafCard()
    const rows = [...container.querySelectorAll('dl.field-list > .field')]
    expect(rows.length).toBeGreaterThan(15)
    for (const row of rows) expect([...row.children].map((child) => child.tagName)).toEqual(['DT', 'DD'])
    const labels = rows.map((row) => row.querySelector('dt')!.textContent)
    expect(labels.slice(0, 3)).toEqual(['Subject', 'Issuer', 'Serial number'])
    expect(labels.at(-1)).toBe('SHA-1 fingerprint')
    const value = (label: string) => rows.find((row) => row.querySelector('dt')!.textContent === label)
    expect(value('TLS Feature')?.querySelector('dd')?.textContent).toBe('status_request (5)')
  })

  it('builds no closed part: no ASN.1 tree, hex dump, extension table or request builder until opened', async () => {
    const { container, getByRole, getByText } = await leafCard()
    expect(getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')).toBe('true')
    expect(container.querySelector('[role="tree"], table, .request-builder')).toBeNull()
    // Opening the extensions draws their table, and only then.
    const extensions = getByText(/^All extensions/).closest('details')!
    extensions.open = true
    await fireEvent(extensions, new Event('toggle'))
    flushSync()
    expect(container.querySelectorAll('table')).toHaveLength(1)
    expect(container.querySelector('[role="tree"], .request-builder')).toBeNull()
  })
})
