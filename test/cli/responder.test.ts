/**
 * The local OCSP responder, asked by openssl as a server or client would: POST from
 * `openssl ocsp -url`, GET (RFC 6960 A.1) with a request openssl wrote, every state.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverPki, writeDemoPki, type DemoPkiPaths } from '../../src/cli/demoPkiFiles.ts'
import { startLocalResponder, type LocalResponder } from '../../src/cli/localResponder.ts'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))
const issuedAt = new Date('2026-11-20T10:00:00Z')
/** The responder's clock: an hour after issuing. openssl is asked "as at" that moment. */
const answeredAt = new Date(issuedAt.getTime() + 3600_000)
const opensslAt = [
  '-attime',
  String(answeredAt.getTime() / 1000),
  '-validity_period',
  String(100 * 365 * 24 * 3600),
]

const scratch = mkdtempSync(join(tmpdir(), 'responder-test-'))
let responder: LocalResponder
let files: DemoPkiPaths

beforeAll(async () => {
  responder = await startLocalResponder({
    port: 0,
    mode: 'up',
    validitySeconds: 7200,
    slowMs: 1500,
    signer: 'issuer',
    now: () => answeredAt,
    pki: (url) => serverPki(url, { now: issuedAt }),
  })
  files = writeDemoPki(responder.pki, scratch)
})
afterAll(async () => {
  await responder?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

/** openssl ocsp -url: a POST, with a nonce, verified against the demo root. */
async function askWithOpenssl(extra: string[] = []) {
  const r = await run(
    'openssl',
    [
      'ocsp',
      '-issuer',
      files.intermediate,
      '-cert',
      files.leaf,
      '-url',
      responder.url,
      '-CAfile',
      files.root,
      '-timeout',
      '10',
      ...opensslAt,
      ...extra,
    ],
    { timeout: 20_000 },
  ).catch((e: { stdout: string; stderr: string }) => e)
  return `${r.stdout}${r.stderr}`
}

describe('the local responder, asked by openssl ocsp -url (POST)', { timeout: 30_000 }, () => {
  it('names itself in the leaf it answers for: the AIA OCSP URL is its loopback address', () => {
    const text = readFileSync(files.leaf, 'utf8')
    expect(text).toContain('BEGIN CERTIFICATE')
    expect(responder.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('up: a response signed by the issuing CA that verifies, says good, echoes the nonce and lasts the validity asked for', async () => {
    responder.setMode('up')
    const out = await askWithOpenssl(['-resp_text'])
    expect(out).toContain('Response verify OK')
    expect(out).toMatch(/leaf\.pem: good/)
    expect(out).toContain('OCSP Nonce')
    expect(out).toContain('This Update: Nov 20 11:00:00 2026 GMT')
    expect(out).toContain('Next Update: Nov 20 13:00:00 2026 GMT')
    expect(responder.requests.at(-1)).toMatchObject({ method: 'POST', answer: 'successful' })
  })

  it('revoked: a verified response saying revoked, with its reason', async () => {
    responder.setMode('revoked')
    const out = await askWithOpenssl()
    expect(out).toContain('Response verify OK')
    expect(out).toMatch(/leaf\.pem: revoked/)
    expect(out).toContain('Reason: keyCompromise')
  })

  it('slow: the same good answer, only after the configured delay', async () => {
    responder.setMode('slow')
    const started = performance.now()
    const out = await askWithOpenssl()
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400)
    expect(out).toMatch(/leaf\.pem: good/)
  })

  it.each(['tryLater', 'internalError'] as const)(
    '%s: an unsigned error response with that status',
    async (mode) => {
      responder.setMode(mode)
      const out = await askWithOpenssl()
      const code = mode === 'tryLater' ? 3 : 2
      expect(out).toContain(`Responder Error: ${mode.toLowerCase()} (${code})`)
      expect(responder.requests.at(-1)).toMatchObject({ answer: mode })
    },
  )

  it('down: the connection is closed unanswered, and openssl says it got no response', async () => {
    responder.setMode('down')
    const out = await askWithOpenssl()
    expect(out).not.toMatch(/leaf\.pem: (good|revoked)/)
    expect(out).toMatch(/Error querying OCSP responder|error/i)
    expect(responder.requests.at(-1)).toMatchObject({ answer: 'closed' })
  })

  it('a certificate it does not issue for: unauthorized (RFC 6960 2.3)', async () => {
    responder.setMode('up')
    const out = await run(
      'openssl',
      ['ocsp', '-issuer', files.intermediate, '-serial', '0x1234', '-url', responder.url, '-timeout', '10'],
      { timeout: 20_000 },
    ).catch((e: { stdout: string; stderr: string }) => e)
    expect(`${out.stdout}${out.stderr}`).toContain('Responder Error: unauthorized (6)')
  })
})

describe('the local responder over GET (RFC 6960 A.1)', { timeout: 30_000 }, () => {
  it('answers a request openssl wrote, sent base64 and URL-encoded in the path; openssl verifies the answer', async () => {
    responder.setMode('up')
    const req = join(scratch, 'req.der')
    await run('openssl', [
      'ocsp',
      '-issuer',
      files.intermediate,
      '-cert',
      files.leaf,
      '-no_nonce',
      '-reqout',
      req,
    ])
    const path = encodeURIComponent(readFileSync(req).toString('base64'))
    const res = await fetch(`${responder.url}${path}`, { signal: AbortSignal.timeout(10_000) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/ocsp-response')
    const der = join(scratch, 'get-response.der')
    writeFileSync(der, new Uint8Array(await res.arrayBuffer()))
    const verified = await run('openssl', [
      'ocsp',
      '-respin',
      der,
      '-issuer',
      files.intermediate,
      '-cert',
      files.leaf,
      '-CAfile',
      files.root,
      '-no_nonce',
      ...opensslAt,
    ])
    expect(`${verified.stdout}${verified.stderr}`).toContain('Response verify OK')
    expect(verified.stdout).toMatch(/leaf\.pem: good/)
    expect(responder.requests.at(-1)).toMatchObject({ method: 'GET', answer: 'successful' })
  })

  it('a path that is not an OCSP request: malformedRequest, not a crash', async () => {
    const res = await fetch(`${responder.url}not-base64-of-anything`, { signal: AbortSignal.timeout(10_000) })
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 1))
  })
})

describe('npm run responder', { timeout: 60_000 }, () => {
  it('prints its URL, writes the PKI to --dir, answers openssl, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(scratch, 'cli-'))
    const child = spawn(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/cli/responder.ts'), '--port', '0', '--state', 'revoked', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no start line in 30 s')), 30_000)
        child.stdout.on('data', (c: Buffer) => {
          clearTimeout(timer)
          resolve(c.toString())
        })
      })
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1]
      expect(url).toBeDefined()
      const r = await run(
        'openssl',
        [
          'ocsp',
          '-issuer',
          join(dir, 'int.pem'),
          '-cert',
          join(dir, 'leaf.pem'),
          '-url',
          url!,
          '-CAfile',
          join(dir, 'root.pem'),
        ],
        { timeout: 20_000 },
      )
      expect(r.stdout).toMatch(/leaf\.pem: revoked/)
    } finally {
      child.kill('SIGTERM')
    }
    const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    expect(status).toBe(0)
  })

  it('a usage error: exit 2 and one line', async () => {
    const r = await run(join(root, 'node_modules/.bin/tsx'), [
      join(root, 'src/cli/responder.ts'),
      '--state',
      'sideways',
    ]).catch((e: { code: number; stderr: string }) => e)
    expect('code' in r ? r.code : 0).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
