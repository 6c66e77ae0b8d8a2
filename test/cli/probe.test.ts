/**
 * The probe CLI's contract, against a node TLS server that staples a demo-CA response, and
 * against Debian's nginx (lazy stapling) when it is installed.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoPki } from '../../src/lib/pki/demoCa/pki.ts'
import { createOcspResponse } from '../../src/lib/pki/demoCa/ocspResponse.ts'
import { toPem } from '../../src/lib/pki/demoCa/encoding.ts'
import type { DemoPki } from '../../src/lib/pki/demoCa/types.ts'
import { serverPki, writeDemoPki } from '../../src/cli/demoPkiFiles.ts'
import { startLocalResponder } from '../../src/cli/localResponder.ts'
import { installedVersion, startServer } from '../../src/cli/serverProcess.ts'
import { nginx } from '../../src/lib/servers/nginx.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const issuedAt = new Date('2026-11-20T10:00:00Z')
/** The probe judges freshness as at this instant (--at): 2 h into a 7-day response. */
const probedAt = new Date('2026-11-20T12:00:00Z')
const scratch = mkdtempSync(join(tmpdir(), 'probe-test-'))

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON contract, checked field by field
type Json = any

function probe(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [join(root, 'src/cli/probe.ts'), ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

async function demoPki(mustStaple: boolean): Promise<DemoPki> {
  const made = await createDemoPki({
    keyAlgorithm: 'ECDSA-P256',
    mustStaple,
    now: issuedAt,
    exportLeafKey: true,
  })
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

/** A node TLS server for the demo leaf that staples `staple` (or nothing) when asked. */
async function stapler(pki: DemoPki, staple: Uint8Array | null): Promise<{ server: Server; port: number }> {
  const server = createServer({
    key: toPem(pki.leafKeyPkcs8!, 'PRIVATE KEY'),
    cert: pki.leaf.pem + pki.intermediate.pem,
  })
  server.on(
    'OCSPRequest',
    (_cert: Buffer, _issuer: Buffer, done: (err: Error | null, resp?: Buffer) => void) =>
      staple ? done(null, Buffer.from(staple)) : done(null),
  )
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const address = server.address()
  return { server, port: typeof address === 'object' && address ? address.port : 0 }
}

let good: { server: Server; port: number; pki: DemoPki }
let bare: { server: Server; port: number }
let forged: { server: Server; port: number }

beforeAll(async () => {
  const pki = await demoPki(false)
  const response = await createOcspResponse(pki, {
    status: 'good',
    signer: 'issuer',
    validityHours: 7 * 24,
    thisUpdate: issuedAt,
  })
  if (!response.ok) throw new Error(response.error.message)
  good = { ...(await stapler(pki, response.value)), pki }
  bare = await stapler(await demoPki(true), null)
  // The same response with the last byte of its signature changed: it parses, says good, and
  // does not verify.
  const tampered = new Uint8Array(response.value)
  tampered[tampered.length - 1] ^= 0x01
  forged = await stapler(pki, tampered)
})
afterAll(() => {
  good?.server.close()
  bare?.server.close()
  forged?.server.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('probe --json against a server that staples a good response', { timeout: 90_000 }, () => {
  it('follows the contract: two connections with the staple as inspect --json sees it, the chain leaf first, a verdict and a compare link', async () => {
    const r = await probe([
      '--json',
      '--servername',
      'shop.example',
      '--pause-ms',
      '0',
      '--at',
      probedAt.toISOString(),
      `127.0.0.1:${good.port}`,
    ])
    expect(r.status).toBe(0)
    const out: Json = JSON.parse(r.stdout)
    expect(out).toMatchObject({
      host: '127.0.0.1',
      port: good.port,
      servername: 'shop.example',
      mustStaple: false,
    })
    expect(out.connections).toHaveLength(2)
    for (const c of out.connections) {
      expect(c.tlsVersion).toBe('TLSv1.3')
      expect(c.staple).toMatchObject({ kind: 'ocspResponse', responseStatus: 'successful' })
      expect(c.staple.responses[0]).toMatchObject({ certStatus: 'good', thisUpdate: '2026-11-20T10:00:00Z' })
      expect(c.staple.responses[0].certId.serialNumber).toBe(good.pki.leaf.serialNumber)
      // The staple stays the inspect --json object; its signature check sits beside it.
      expect(c.staple).not.toHaveProperty('stapleSignature')
      expect(c.stapleSignature.status).toBe('verified')
      expect(c.stapleSignature.detail).toContain('signed by the issuing CA itself')
    }
    expect(out.chain.map((c: Json) => [c.kind, c.subject])).toEqual([
      ['certificate', 'CN=shop.example'],
      ['certificate', good.pki.intermediate.subject],
    ])
    expect(out.ocspUrls).toEqual(['http://ocsp.demo-ca.example'])
    expect(out.verdict).toBe('stapling works: a good response, signature verified, fresh for 6 d 22 h')
    expect(out.compareLink).toMatch(/^#\/compare\?/)
    expect(new URLSearchParams(out.compareLink.split('?')[1]).get('cn')).toBe('shop.example')
    // The demo root is in no trust store: the probe says so and goes on.
    expect(out.chainVerified).toBe(false)
  })

  it('--save writes the chain and the staples, and the inspector reads them back', async () => {
    const dir = join(scratch, 'saved')
    const r = await probe([
      '--servername',
      'shop.example',
      '--pause-ms',
      '0',
      '--connections',
      '1',
      '--save',
      dir,
      '--at',
      probedAt.toISOString(),
      `127.0.0.1:${good.port}`,
    ])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('stapling works: a good response')
    expect(readFileSync(join(dir, 'chain.pem'), 'utf8')).toContain(good.pki.leaf.pem.trim())
    const inspected = await new Promise<string>((resolve) =>
      execFile(tsx, [join(root, 'src/cli/inspect.ts'), '--json', join(dir, 'staple-1.der')], (_e, stdout) =>
        resolve(stdout),
      ),
    )
    expect(JSON.parse(inspected)[0]).toMatchObject({ kind: 'ocspResponse', responseStatus: 'successful' })
  })
})

describe('probe diagnoses what is missing', { timeout: 90_000 }, () => {
  it('a must-staple certificate served without a staple: the verdict and the diagnosis say so', async () => {
    const r = await probe([
      '--json',
      '--servername',
      'shop.example',
      '--pause-ms',
      '0',
      `127.0.0.1:${bare.port}`,
    ])
    expect(r.status).toBe(0)
    const out: Json = JSON.parse(r.stdout)
    expect(out.connections.map((c: Json) => c.staple)).toEqual([null, null])
    expect(out.mustStaple).toBe(true)
    expect(out.verdict).toMatch(/^no staple, and the certificate is must-staple/)
    expect(out.diagnoses.join(' ')).toContain('Must-staple without a staple')
    expect(new URLSearchParams(out.compareLink.split('?')[1]).get('st')).toBe('none')
  })

  it('a staple whose signature does not verify against the issuer the server sent: the verdict says broken', async () => {
    const r = await probe([
      '--json',
      '--servername',
      'shop.example',
      '--pause-ms',
      '0',
      '--connections',
      '1',
      '--at',
      probedAt.toISOString(),
      `127.0.0.1:${forged.port}`,
    ])
    expect(r.status).toBe(0)
    const out: Json = JSON.parse(r.stdout)
    expect(out.connections[0].staple.responses[0].certStatus).toBe('good')
    expect(out.connections[0].stapleSignature.status).toBe('failed')
    expect(out.verdict).toBe('stapling is broken: a good response whose signature does not verify')
    expect(out.diagnoses.join(' ')).toContain('Bad signature')
  })

  it('nothing listening: exit 1, still one JSON object, with the error code and one line', async () => {
    const closed = await stapler(await demoPki(false), null)
    closed.server.close()
    const r = await probe(['--json', `127.0.0.1:${closed.port}`])
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({
      host: '127.0.0.1',
      port: closed.port,
      error: { code: 'refused' },
    })
  })

  it('a usage error: exit 2 and one line on stderr', async () => {
    const r = await probe(['--connections', 'many', 'example.com'])
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})

const nginxVersion = installedVersion(nginx)
if (nginxVersion === null)
  console.log('probe.test: nginx is not installed (apt-get install nginx); its probe test is skipped')

describe.skipIf(nginxVersion === null)(
  `probe against nginx ${nginxVersion ?? ''} on loopback`,
  { timeout: 90_000 },
  () => {
    it("shows nginx's first-connection gap: no staple on connection 1, a good one on connection 2", async () => {
      const dir = mkdtempSync(join(scratch, 'nginx-'))
      const responder = await startLocalResponder({
        port: 18460,
        mode: 'up',
        validitySeconds: 3600,
        slowMs: 0,
        signer: 'issuer',
        pki: (url) => serverPki(url),
      })
      const paths = writeDemoPki(responder.pki, dir)
      const server = await startServer(nginx, {
        dir,
        port: 18461,
        serverName: 'shop.example',
        ...paths,
        trustedChain: paths.intermediate,
      }).catch(async (e: unknown) => {
        await responder.stop()
        throw e
      })
      try {
        const r = await probe(['--json', '--servername', 'shop.example', '127.0.0.1:18461'])
        expect(r.status).toBe(0)
        const out: Json = JSON.parse(r.stdout)
        expect(out.connections[0].staple).toBeNull()
        expect(out.connections[1].staple.responses[0].certStatus).toBe('good')
        expect(out.verdict).toMatch(/^stapling works: a good response, signature verified, fresh for/)
        expect(out.diagnoses.join(' ')).toContain('First-connection gap')
      } finally {
        await server.stop()
        await responder.stop()
      }
    })
  },
)
