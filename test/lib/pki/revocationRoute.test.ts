// Certificates minted by openssl (the reference), parsed by our own parser, then judged.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { revocationRoute } from '../../../src/lib/pki/revocationRoute.ts'
import { summaryText } from '../../../src/lib/pki/summary.ts'
import { certificate, fixture, inspectOne } from './helpers.ts'

const dir = mkdtempSync(join(tmpdir(), 'staple-lab-route-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A self-signed leaf with no AIA at all, like every Let's Encrypt certificate since 2025-05-07. */
function mint(name: string, days: number): Uint8Array {
  const out = join(dir, `${name}.der`)
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, `${name}.key`),
    '-outform',
    'DER',
    '-out',
    out,
    '-subj',
    '/CN=shop.example',
    '-days',
    String(days),
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-addext',
    'crlDistributionPoints=URI:http://crl.ca.example/int.crl',
  ])
  return new Uint8Array(readFileSync(out))
}

describe('revocationRoute', () => {
  it('a leaf that names an OCSP responder can be stapled', async () => {
    const { info } = await certificate(fixture('certs/leaf-rsa.der'))
    expect(revocationRoute(info)).toEqual({ kind: 'stapleable', ocspUrl: 'http://ocsp.staple-lab.example' })
  })

  it('says plainly that a certificate without an OCSP URL cannot be stapled, and what checks it instead', async () => {
    const { info } = await certificate(mint('no-aia', 90))
    const route = revocationRoute(info)
    expect(route.kind).toBe('no-ocsp-url')
    expect(route.kind === 'no-ocsp-url' && route.sentence).toContain('cannot be stapled')
    expect(route.kind === 'no-ocsp-url' && route.sentence).toContain('OCSP response: no response sent')
    expect(route.kind === 'no-ocsp-url' && route.sentence).toContain('http://crl.ca.example/int.crl')
  })

  it('inspect prints the same sentence on a Stapling line, and none for a stapleable leaf', async () => {
    const at = new Date('2026-12-01T12:00:00Z')
    const text = summaryText(await inspectOne(mint('no-aia-text', 90)), at)
    expect(text).toMatch(/^ {2}Stapling {6}No OCSP URL, so this certificate cannot be stapled/m)
    expect(summaryText(await inspectOne(fixture('certs/leaf-rsa.der')), at)).not.toContain('Stapling')
  })

  it('a certificate of 7 days or less needs no OCSP or CRL at all (SC-063)', async () => {
    const { info } = await certificate(mint('six-day', 6))
    const route = revocationRoute(info)
    expect(route.kind === 'no-ocsp-url' && route.sentence).toContain('SC-063')
  })
})
