/**
 * A live comparison with the openssl on this machine, over the shared fixtures and the extra data
 * (ECDSA/Ed25519 signers, every RFC 4514 escape). Skipped, saying so, where openssl is absent.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inspectJson } from '../../../src/lib/pki/index.ts'
import { dataDir, expected, fixturesDir, inspectAll, type Loose } from './helpers.ts'
import { readFileSync } from 'node:fs'

const version = spawnSync('openssl', ['version'], { encoding: 'utf8' })
const hasOpenssl = version.status === 0

function openssl(args: string[]): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8' })
  return r.stdout
}

function pemCerts(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pem') && readFileSync(dir + f, 'latin1').includes('BEGIN CERTIFICATE'))
      .map((f) => dir + f)
  } catch {
    return []
  }
}

/** "Nov  1 00:00:00 2026 GMT" (openssl's default date) to ISO. */
function iso(openssslDate: string): string {
  return new Date(openssslDate.replace(' GMT', ' UTC')).toISOString().replace('.000Z', 'Z')
}

const certFiles = [
  ...pemCerts(fixturesDir + 'certs/'),
  ...pemCerts(fixturesDir + 'odd/'),
  ...pemCerts(dataDir),
]
const responseFiles = (() => {
  const list: string[] = []
  for (const dir of [fixturesDir + 'ocsp/', fixturesDir + 'odd/', dataDir]) {
    try {
      list.push(
        ...readdirSync(dir)
          .filter((f) => /^resp.*\.der$/.test(f))
          .map((f) => dir + f),
      )
    } catch {
      // no such directory yet
    }
  }
  return list
})()

describe('live comparison with openssl', () => {
  if (!hasOpenssl) {
    console.warn('openssl is not installed here: the live comparison is skipped (expected.json still runs)')
    return
  }

  it.each(certFiles.map((f) => [f.replace(/.*\/(test\/)/, '$1'), f]))('certificate %s', async (_, file) => {
    const out = openssl([
      'x509',
      '-in',
      file,
      '-noout',
      '-nameopt',
      // RFC 4514 with UTF-8 text: only what its section 2.4 requires is escaped (names.ts).
      'RFC2253,-esc_msb,-esc_ctrl',
      '-subject',
      '-issuer',
      '-serial',
      '-startdate',
      '-enddate',
    ])
    const f = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
    const [obj] = await inspectAll(readFileSync(file))
    const got = inspectJson(obj) as Loose
    expect(got.subject).toBe(f.subject)
    expect(got.issuer).toBe(f.issuer)
    expect(got.serialNumber).toBe(f.serial.toLowerCase().replace(/^(00)+(?=.)/, ''))
    expect(got.notBefore).toBe(iso(f.notBefore))
    expect(got.notAfter).toBe(iso(f.notAfter))
    // openssl prints "CA:TRUE, pathlen:0" on one line: the value counts, not the whole line.
    const isCA = /\bCA:TRUE\b/.test(openssl(['x509', '-in', file, '-noout', '-ext', 'basicConstraints']))
    expect(got.isCA).toBe(isCA)
    const reference = (expected.certificates ?? {})[file.slice(fixturesDir.length)] as Loose
    if (file.startsWith(fixturesDir) && reference) expect(reference.isCA).toBe(isCA)
  })

  it.each(responseFiles.map((f) => [f.replace(/.*\/(test\/)/, '$1'), f]))(
    'OCSP response %s',
    async (_, file) => {
      const text = openssl(['ocsp', '-respin', file, '-resp_text', '-noverify'])
      const [obj] = await inspectAll(readFileSync(file))
      const got = inspectJson(obj) as Loose
      // openssl prints "Responder Error: trylater (3)" for an unsuccessful status, in lowercase.
      const status = /OCSP Response Status: (\w+)/.exec(text)?.[1] ?? /Responder Error: (\w+)/.exec(text)?.[1]
      expect(got.responseStatus.toLowerCase()).toBe(status?.toLowerCase())
      const serials = [...text.matchAll(/Serial Number: ([0-9A-F]+)\s*\n\s*Cert Status/g)].map((m) =>
        m[1].toLowerCase().replace(/^(00)+(?=.)/, ''),
      )
      const statuses = [...text.matchAll(/Cert Status: (\w+)/g)].map((m) => m[1])
      expect((got.responses ?? []).map((r: Loose) => r.certId.serialNumber)).toEqual(serials)
      expect((got.responses ?? []).map((r: Loose) => r.certStatus)).toEqual(statuses)
    },
  )
})
