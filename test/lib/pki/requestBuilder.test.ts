import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDemoPki } from '../../../src/lib/pki/demoCa/index.ts'
import { inspectBytes, type OcspRequestInfo } from '../../../src/lib/pki/index.ts'
import { buildOcspRequest, shellQuote, type BuiltOcspRequest } from '../../../src/lib/pki/requestBuilder.ts'

const fixtures = join(import.meta.dirname, '../../fixtures')
const read = (path: string) => new Uint8Array(readFileSync(join(fixtures, path)))
const leafRsa = read('certs/leaf-rsa.der')
const intermediate = read('certs/intermediate.der')

const hasOpenssl = spawnSync('openssl', ['version']).status === 0
if (!hasOpenssl) console.warn('openssl not found: the live openssl comparison of OCSP requests is skipped')

const tmp = mkdtempSync(join(tmpdir(), 'ocsp-req-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function build(
  options: Partial<Parameters<typeof buildOcspRequest>[0]> = {},
): Promise<BuiltOcspRequest> {
  const built = await buildOcspRequest({
    certDer: leafRsa,
    issuerDer: intermediate,
    hashAlgorithm: 'sha1',
    nonce: false,
    ...options,
  })
  if (!built.ok) throw new Error(built.error.message)
  return built.value
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('buildOcspRequest', () => {
  it.each(['sha1', 'sha256'] as const)(
    'writes the same bytes as openssl for a %s CertID without nonce (committed openssl requests)',
    async (hashAlgorithm) => {
      const built = await build({ hashAlgorithm })
      expect(hex(built.der)).toBe(hex(read(`ocsp/req-${hashAlgorithm}-nononce.der`)))
    },
  )

  it.skipIf(!hasOpenssl).each(['sha1', 'sha256'] as const)(
    'writes the same bytes as `openssl ocsp -reqout` run now, %s, for RSA and ECDSA leaves',
    async (hashAlgorithm) => {
      for (const leaf of ['leaf-rsa', 'leaf-ecdsa', 'leaf-must-staple']) {
        const out = join(tmp, `${leaf}-${hashAlgorithm}.der`)
        const args = ['ocsp', '-issuer', join(fixtures, 'certs/intermediate.pem')]
        if (hashAlgorithm === 'sha256') args.push('-sha256')
        args.push('-cert', join(fixtures, `certs/${leaf}.pem`), '-no_nonce', '-reqout', out)
        expect(spawnSync('openssl', args).status).toBe(0)
        const built = await build({ certDer: read(`certs/${leaf}.der`), hashAlgorithm })
        expect(hex(built.der)).toBe(hex(readFileSync(out)))
      }
    },
  )

  it('accepts PEM as well as DER', async () => {
    const fromPem = await build({
      certDer: read('certs/leaf-rsa.pem'),
      issuerDer: read('certs/intermediate.pem'),
    })
    expect(hex(fromPem.der)).toBe(hex(read('ocsp/req-sha1-nononce.der')))
  })

  it('adds a 16-byte nonce the parser reads back (RFC 8954), different every time', async () => {
    const a = await build({ nonce: true })
    const b = await build({ nonce: true })
    expect(a.nonceHex).toMatch(/^[0-9a-f]{32}$/)
    expect(a.nonceHex).not.toBe(b.nonceHex)
    const [object] = await inspectBytes('request', a.der)
    expect(object.result.ok && object.result.value.kind).toBe('ocspRequest')
    const info = (object.result.ok ? object.result.value : undefined) as OcspRequestInfo
    expect(info.nonce).toBe(a.nonceHex)
    expect(info.requests[0].certId).toEqual(a.certId)
    expect(a.certId.serialNumber).toBe('8f1d3ca6b0e2475c9a1f00c4d2e3b7a1')
  })

  it('builds the GET URL of RFC 6960 Appendix A, which decodes back to the request', async () => {
    for (const hashAlgorithm of ['sha1', 'sha256'] as const) {
      const built = await build({ hashAlgorithm, nonce: true })
      expect(built.ocspUrl).toBe('http://ocsp.staple-lab.example')
      const prefix = 'http://ocsp.staple-lab.example/'
      expect(built.getUrl!.startsWith(prefix)).toBe(true)
      const path = built.getUrl!.slice(prefix.length)
      expect(path).not.toMatch(/[+/=]/) // base64's + / = are percent-encoded
      expect(hex(Buffer.from(decodeURIComponent(path), 'base64'))).toBe(hex(built.der))
      expect(built.getUrlBytes).toBe(built.getUrl!.length)
      // RFC 5019: GET is for URLs of at most 255 bytes; these small requests fit.
      expect(built.getPreferred).toBe(true)
    }
  })

  it('names the files and flags in the commands: -sha256 before -cert, -no_nonce without nonce', async () => {
    const sha1 = await build()
    expect(sha1.opensslCommand).toBe(
      'openssl ocsp -issuer issuer.pem -cert cert.pem -url http://ocsp.staple-lab.example -no_nonce -resp_text',
    )
    const sha256 = await build({ hashAlgorithm: 'sha256', nonce: true })
    expect(sha256.opensslCommand).toBe(
      'openssl ocsp -issuer issuer.pem -sha256 -cert cert.pem -url http://ocsp.staple-lab.example -resp_text',
    )
    expect(sha1.curlCommand).toBe(
      "curl -s -H 'Content-Type: application/ocsp-request' --data-binary @request.der http://ocsp.staple-lab.example -o response.der",
    )
    expect(sha1.curlGetCommand).toBe(`curl -s ${sha1.getUrl} -o response.der`)
    const named = await build({ certFile: 'leaf.pem', issuerFile: 'my issuer.pem' })
    expect(named.opensslCommand).toContain("-issuer 'my issuer.pem' -cert leaf.pem")
  })

  it.skipIf(!hasOpenssl)(
    'gives an openssl command that, without -url, writes the very same request',
    async () => {
      const demo = await createDemoPki({
        keyAlgorithm: 'ECDSA-P256',
        mustStaple: true,
        now: new Date('2026-11-24T10:20:30Z'),
      })
      if (!demo.ok) throw new Error(demo.error.message)
      const built = await buildOcspRequest({
        certDer: demo.value.leaf.der,
        issuerDer: demo.value.intermediate.der,
        hashAlgorithm: 'sha256',
        nonce: false,
      })
      if (!built.ok) throw new Error(built.error.message)
      expect(built.value.ocspUrl).toBe('http://ocsp.demo-ca.example')
      const dir = mkdtempSync(join(tmp, 'demo-'))
      writeFileSync(join(dir, 'cert.pem'), demo.value.leaf.pem)
      writeFileSync(join(dir, 'issuer.pem'), demo.value.intermediate.pem)
      const command = built.value.opensslCommand
        .replace(/ -url \S+/, '')
        .replace('-resp_text', '-reqout request.der')
      const [program, ...args] = command.split(' ')
      expect(spawnSync(program, args, { cwd: dir }).status).toBe(0)
      expect(hex(readFileSync(join(dir, 'request.der')))).toBe(hex(built.value.der))
    },
  )

  it('without an OCSP URL: no GET URL and no curl, and openssl writes request.der instead', async () => {
    const built = await build({ certDer: read('certs/root.der'), issuerDer: read('certs/root.der') })
    expect(built.ocspUrl).toBeNull()
    expect(built.getUrl).toBeNull()
    expect(built.curlCommand).toBeNull()
    expect(built.getPreferred).toBe(false)
    expect(built.opensslCommand).toBe(
      'openssl ocsp -issuer issuer.pem -cert cert.pem -no_nonce -reqout request.der -req_text',
    )
  })

  it('warns when the issuer given is not the certificate issuer', async () => {
    expect((await build()).issuerMatches).toBe(true)
    expect((await build({ issuerDer: read('certs/root.der') })).issuerMatches).toBe(false)
  })

  it('returns errors as values, naming which input is wrong', async () => {
    const notCert = await buildOcspRequest({
      certDer: leafRsa,
      issuerDer: read('ocsp/resp-unknown.der'),
      hashAlgorithm: 'sha1',
      nonce: false,
    })
    expect(notCert.ok).toBe(false)
    if (!notCert.ok) expect(notCert.error.message).toMatch(/^the issuer certificate is not a certificate/)
    const garbage = await buildOcspRequest({
      certDer: Uint8Array.of(1, 2, 3),
      issuerDer: intermediate,
      hashAlgorithm: 'sha1',
      nonce: false,
    })
    expect(garbage.ok).toBe(false)
    if (!garbage.ok) expect(garbage.error.message).toMatch(/^the certificate: /)
  })
})

describe('shellQuote', () => {
  it('leaves plain URLs alone and quotes anything a shell would interpret', () => {
    expect(shellQuote('http://ocsp.example.com/a%2Fb')).toBe('http://ocsp.example.com/a%2Fb')
    expect(shellQuote("http://x/';rm -rf ~;'")).toBe(`'http://x/'\\'';rm -rf ~;'\\'''`)
    expect(shellQuote('http://x/?a=1&b=2')).toBe("'http://x/?a=1&b=2'")
  })
})
