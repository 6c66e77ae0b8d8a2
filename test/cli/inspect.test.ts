/**
 * The `inspect` CLI's contract, as other tools use it: one JSON array on stdout, one object per
 * parsed object in order, exit 0/1/2, one-line errors, never a stack trace.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { manyPemBlocks, manySmallCertificates } from '../fixtures/hostileInputs.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const fixtures = join(root, 'test/fixtures')
const scratch = mkdtempSync(join(tmpdir(), 'inspect-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function inspect(args: string[], cwd = fixtures) {
  // A CLI that reads forever is killed: the test then fails on the status, not by hanging.
  const r = spawnSync(tsx, [join(root, 'src/cli/inspect.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 100_000,
    // The JSON of thousands of certificates runs to megabytes (the default stops at 1 MiB).
    maxBuffer: 256 * 1024 * 1024,
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON contract, checked field by field
type Json = any

describe('inspect --json', { timeout: 60_000 }, () => {
  it('through npm run, as documented: a bundle gives one object per certificate, with the contract fields', () => {
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'inspect', '--', '--json', 'other/bundle-leaf-int-root.pem'],
      {
        cwd: fixtures,
        encoding: 'utf8',
      },
    )
    expect(r.status).toBe(0)
    const out: Json[] = JSON.parse(r.stdout)
    expect(out.map((o) => [o.source, o.index, o.kind])).toEqual([
      ['other/bundle-leaf-int-root.pem', 0, 'certificate'],
      ['other/bundle-leaf-int-root.pem', 1, 'certificate'],
      ['other/bundle-leaf-int-root.pem', 2, 'certificate'],
    ])
    expect(Object.keys(out[0]).sort()).toEqual(
      [
        'source',
        'index',
        'kind',
        'serialNumber',
        'subject',
        'issuer',
        'notBefore',
        'notAfter',
        'ocspUrls',
        'caIssuersUrls',
        'crlUrls',
        'mustStaple',
        'isCA',
        'sha256Fingerprint',
        'signatureAlgorithm',
        'publicKeyAlgorithm',
      ].sort(),
    )
    expect(out[0]).toMatchObject({
      serialNumber: '8f1d3ca6b0e2475c9a1f00c4d2e3b7a1',
      subject: 'CN=rsa.staple-lab.example,O=Staple Lab Test PKI,C=ZZ',
      notBefore: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      mustStaple: false,
      isCA: false,
    })
    expect(out[2].isCA).toBe(true)
  })

  it('OCSP responses, requests and a must-staple certificate in one call', () => {
    const r = inspect([
      '--json',
      'ocsp/resp-revoked-keycompromise.der',
      'ocsp/req-sha1-nonce.der',
      'certs/leaf-must-staple.der',
      'ocsp/resp-status-trylater.der',
    ])
    expect(r.status).toBe(0)
    const [resp, req, cert, later]: Json[] = JSON.parse(r.stdout)
    expect(resp).toMatchObject({
      kind: 'ocspResponse',
      responseStatus: 'successful',
      certificates: 0,
      signatureAlgorithm: 'sha256WithRSAEncryption',
    })
    expect(resp.responses[0]).toMatchObject({
      certId: { hashAlgorithm: 'sha256', serialNumber: '3005' },
      certStatus: 'revoked',
      revocationReason: 'keyCompromise',
      revocationTime: '2026-11-20T12:00:00Z',
    })
    expect(resp.responderId.type).toBe('byName')
    expect(req).toMatchObject({ kind: 'ocspRequest', nonce: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(req.requests[0].certId.hashAlgorithm).toBe('sha1')
    expect(cert).toMatchObject({
      kind: 'certificate',
      mustStaple: true,
      publicKeyAlgorithm: 'id-ecPublicKey',
    })
    expect(later).toEqual({
      source: 'ocsp/resp-status-trylater.der',
      index: 0,
      kind: 'ocspResponse',
      responseStatus: 'tryLater',
    })
  })

  it('errors are objects with a code and one line; other files still parse; exit 1', () => {
    writeFileSync(join(scratch, 'huge.bin'), new Uint8Array(2 * 1024 * 1024))
    const r = inspect([
      '--json',
      'bad/tiny.png',
      'certs/root.der',
      'missing.pem',
      'other/leaf-rsa.csr.pem',
      'other/private-key-pkcs8.pem',
      join(scratch, 'huge.bin'),
      'bad/huge-length.der',
    ])
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('')
    const out: Json[] = JSON.parse(r.stdout)
    expect(out.map((o) => (o.kind === 'error' ? o.error.code : o.kind))).toEqual([
      'not-der',
      'certificate',
      'unreadable',
      'unsupported',
      'private-key',
      'too-large',
      'not-der',
    ])
    expect(out[3].error.message).toMatch(
      /^a certificate signing request \(PKCS#10\): not an object Staple Lab inspects/,
    )
    expect(out[2].error.message).toBe('cannot read missing.pem: no such file')
    expect(out[6].error.message).toMatch(
      /the length at byte 1 \(2147483647 bytes\) runs past the end of the data/,
    )
    for (const o of out.filter((x) => x.kind === 'error'))
      expect(o.error.message).not.toMatch(/\n|at .*\.ts:\d+/)
  })

  // About 15 s on an idle machine (pkijs parses some 550 certificates a second).
  it('thousands of objects in one file finish, every object reported', { timeout: 120_000 }, () => {
    writeFileSync(join(scratch, 'store.pem'), manySmallCertificates(4_657))
    writeFileSync(join(scratch, 'blocks.pem'), manyPemBlocks(10_000))
    const r = inspect(['--json', join(scratch, 'store.pem'), join(scratch, 'blocks.pem')])
    expect(r.status).toBe(1)
    const out: Json[] = JSON.parse(r.stdout)
    expect(out.filter((o) => o.kind === 'certificate')).toHaveLength(4_657)
    expect(out.filter((o) => o.kind === 'error')).toHaveLength(10_000)
  })

  it('refuses a device, a named pipe and a directory instead of reading them forever', () => {
    // /dev/zero reports size 0 and never ends; a FIFO with no writer blocks open() forever.
    const fifo = join(scratch, 'pipe')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const r = inspect(['--json', '/dev/zero', fifo, scratch, 'certs/root.der'])
    expect(r.status).toBe(1)
    const out: Json[] = JSON.parse(r.stdout)
    expect(out.map((o) => (o.kind === 'error' ? o.error.message : o.kind))).toEqual([
      'cannot read /dev/zero: it is a character device, not a regular file',
      `cannot read ${fifo}: it is a named pipe (FIFO), not a regular file`,
      `cannot read ${scratch}: it is a directory, not a regular file`,
      'certificate',
    ])
  })
})

describe('inspect usage and text output', { timeout: 60_000 }, () => {
  it('no FILE or an unknown flag: one line on stderr, exit 2', () => {
    const none = inspect([])
    expect(none.status).toBe(2)
    expect(none.stderr).toBe('inspect: no FILE given (try --help)\n')
    const bad = inspect(['--yaml', 'x'])
    expect(bad.status).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stdout).toBe('')
  })

  it('without --json: aligned labels, the validity and freshness sentences, the must-staple line', () => {
    const r = inspect([
      '--at',
      '2026-11-25T00:00:00Z',
      'certs/leaf-must-staple.pem',
      'ocsp/resp-good-sha256-byname-nocerts.der',
      'certs/leaf-expired.pem',
    ])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(
      /^ {2}Must-staple {3}YES: the TLS Feature extension lists status_request \(RFC 7633\)/m,
    )
    // As at 2026-11-25: the leaf runs to 2036-11-01, the old one ended 2021-01-01, the response
    // is fresh until 2026-11-28T00:05:42Z.
    expect(r.stdout).toMatch(/^ {16}expires in 3629 days/m)
    expect(r.stdout).toMatch(/^ {16}expired 2154 days ago/m)
    expect(r.stdout).toMatch(/^ {16}fresh for 3 d\b/m)
    expect(r.stdout).toMatch(/^ {2}Response 1 {4}GOOD {2}serial 8f1d3ca6b0e2475c9a1f00c4d2e3b7a1/m)
  })

  it('prints names as written, hidden characters as markers; --json keeps RFC 4514 with UTF-8 text', () => {
    const files = ['names/utf8-zurich-tokyo.pem', 'names/bidi-spoof.der', 'names/empty-rdn.der']
    const text = inspect(['--at', '2030-01-01T00:00:00Z', ...files])
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/^ {2}Subject {7}CN=Zürich 東京,O=Staple Lab Test PKI,C=DE$/m)
    expect(text.stdout).toMatch(/^ {2}Subject {7}CN=invoice⟨U\+202E⟩gnp\.exe,O=Evil⟨U\+200B⟩Corp$/m)
    expect(text.stdout).toMatch(/^ {2}Subject {7}CN=empty\.example,O=Staple Lab,⟨empty RDN⟩$/m)
    expect(text.stdout).not.toContain('\u202e')
    const json: Json[] = JSON.parse(inspect(['--json', '--at', '2030-01-01T00:00:00Z', ...files]).stdout)
    expect(json.map((o) => o.subject)).toEqual([
      'CN=Zürich 東京,O=Staple Lab Test PKI,C=DE',
      'CN=invoice\u202egnp.exe,O=Evil\u200bCorp',
      'CN=empty.example,O=Staple Lab,',
    ])
  })

  it('notes: what an object breaks is in the JSON and the summary, and it still shows, as openssl shows it', () => {
    const files = [
      'odd/cert-negative-serial.der',
      'odd/resp-empty-responses.der',
      'odd/cert-tlsfeature-ber.der',
    ]
    const json = inspect(['--json', ...files])
    expect(json.status).toBe(0)
    const [negative, empty, ber]: Json[] = JSON.parse(json.stdout)
    expect(negative.serialNumber).toBe('-04316693ed')
    expect(negative.notes).toEqual([
      {
        code: 'negative-serial',
        message:
          'tbsCertificate.serialNumber is negative (-04316693ed): RFC 5280 4.1.2.2 requires a positive serial number (byte 13)',
      },
    ])
    expect(empty.responses).toEqual([])
    expect(empty.notes.map((n: Json) => n.code)).toEqual(['empty-responses'])
    expect(ber.mustStaple).toBe(false)
    const text = inspect(['--at', '2026-11-25T00:00:00Z', 'odd/cert-tlsfeature-ber.der'])
    expect(text.stdout).toMatch(
      /^ {2}Must-staple {3}unknown: the TLS Feature extension is not DER \(non-minimal length at byte 1 /m,
    )
    expect(text.stdout).toMatch(/^ {2}Note {10}the TLS Feature extension's value is not DER/m)
  })
})
