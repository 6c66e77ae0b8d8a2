import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  certificateFileNames,
  chainVerifyCommand,
  createDemoPki,
  createOcspResponse,
  ocspVerifyCommand,
  responseFileName,
  tlsFeatureCommand,
  type DemoKeyAlgorithm,
  type DemoPki,
  type OcspResponseOptions,
  type ResponseChoices,
  verifyOtherPem,
} from '../../../src/lib/pki/demoCa/index.ts'
import { inspectBytes, type CertificateInfo, type OcspResponseInfo } from '../../../src/lib/pki/index.ts'
import { checkOcspResponse } from '../../../src/lib/pki/ocspCheck.ts'

const hasOpenssl = spawnSync('openssl', ['version']).status === 0
if (!hasOpenssl) console.warn('openssl not found: the openssl checks of the demo CA are skipped')

/**
 * The one clock of this file: every PKI and response is made at `issuedAt`, never at the wall
 * clock, so the suite reads the same on any date (faketime in .ci/run proves it).
 */
const issuedAt = new Date('2026-11-24T10:20:30.456Z')
/** openssl reads the wall clock: verify "as at" an hour after issuing (-attime), and let its OCSP
 * status-time check tolerate any distance from the wall clock (-validity_period, in seconds). */
const opensslAt = ['-attime', String(Math.floor(issuedAt.getTime() / 1000) + 3600)]
const opensslOcspAt = [...opensslAt, '-validity_period', String(100 * 365 * 24 * 3600)]

/** Run one of the commands the page shows, exactly as shown (they contain no quoted arguments),
 * with the extra arguments that pin openssl's clock. */
function run(
  command: string,
  cwd: string,
  extra: string[] = [],
): { out: string; err: string; status: number | null } {
  // The extra options go right after the subcommand: openssl takes what follows a file as files.
  const [program, subcommand, ...args] = command.split(' ')
  const r = spawnSync(program, [subcommand, ...extra, ...args], { cwd, encoding: 'utf8' })
  return { out: r.stdout, err: r.stderr, status: r.status }
}

function writePki(pki: DemoPki, dir: string): void {
  for (const cert of [pki.root, pki.intermediate, pki.leaf, pki.responder]) {
    writeFileSync(join(dir, `${cert.fileStem}.pem`), cert.pem)
    writeFileSync(join(dir, `${cert.fileStem}.der`), cert.der)
  }
  writeFileSync(join(dir, certificateFileNames.verifyOther), verifyOtherPem(pki))
}

async function make(keyAlgorithm: DemoKeyAlgorithm, mustStaple: boolean, now = issuedAt): Promise<DemoPki> {
  const made = await createDemoPki({ keyAlgorithm, mustStaple, now })
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

async function respond(
  pki: DemoPki,
  options: ResponseChoices & Partial<OcspResponseOptions>,
): Promise<Uint8Array<ArrayBuffer>> {
  const made = await createOcspResponse(pki, { thisUpdate: issuedAt, ...options })
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

async function parsed<T>(der: Uint8Array, kind: string): Promise<T> {
  const [object] = await inspectBytes('demo', der)
  if (!object.result.ok) throw new Error(object.result.error.message)
  expect(object.result.value.kind).toBe(kind)
  return object.result.value as T
}

const tmp = mkdtempSync(join(tmpdir(), 'demo-ca-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const combos: [DemoKeyAlgorithm, boolean][] = [
  ['ECDSA-P256', true],
  ['ECDSA-P256', false],
  ['RSA-2048', true],
  ['RSA-2048', false],
]

describe.each(combos)('createDemoPki %s, must-staple %s', (keyAlgorithm, mustStaple) => {
  let pki: DemoPki
  let dir: string
  beforeAll(async () => {
    pki = await make(keyAlgorithm, mustStaple)
    dir = join(tmp, `${keyAlgorithm}-${mustStaple}`)
    spawnSync('mkdir', ['-p', dir])
    writePki(pki, dir)
  })

  it.skipIf(!hasOpenssl)('makes a chain openssl verify accepts: leaf -> intermediate -> root', () => {
    const r = run(chainVerifyCommand(), dir, opensslAt)
    expect(r.out.trim()).toBe('leaf.pem: OK')
    expect(r.status).toBe(0)
    // The delegated responder chains to the same root.
    expect(
      run('openssl verify -CAfile root.pem -untrusted int.pem responder.pem', dir, opensslAt).out.trim(),
    ).toBe('responder.pem: OK')
  })

  it.skipIf(!hasOpenssl)(`openssl shows the TLS Feature status_request only for must-staple`, () => {
    const r = run(tlsFeatureCommand(), dir)
    if (mustStaple) expect(r.out).toMatch(/TLS Feature:\s*\n\s*status_request/)
    else expect(r.out).not.toMatch(/status_request/)
    const text = run('openssl x509 -in leaf.pem -noout -text', dir).out
    expect(text).toContain('DNS:shop.example')
    expect(text).toContain('OCSP - URI:http://ocsp.demo-ca.example')
    expect(text).toContain('TLS Web Server Authentication')
  })

  it('writes the must-staple extension as exactly 30 03 02 01 05 (RFC 7633)', async () => {
    const leaf = await parsed<CertificateInfo>(pki.leaf.der, 'certificate')
    expect(leaf.mustStaple).toBe(mustStaple)
    const tlsFeature = leaf.extensions.find((e) => e.oid === '1.3.6.1.5.5.7.1.24')
    if (mustStaple)
      expect(tlsFeature).toEqual(expect.objectContaining({ valueHex: '3003020105', critical: false }))
    else expect(tlsFeature).toBeUndefined()
  })
})

describe('the demo certificates, as the parser reads them', () => {
  const now = issuedAt
  let pki: DemoPki
  let root: CertificateInfo, intermediate: CertificateInfo, leaf: CertificateInfo, responder: CertificateInfo
  beforeAll(async () => {
    pki = await make('ECDSA-P256', true, now)
    ;[root, intermediate, leaf, responder] = await Promise.all(
      [pki.root, pki.intermediate, pki.leaf, pki.responder].map((c) =>
        parsed<CertificateInfo>(c.der, 'certificate'),
      ),
    )
  })

  it('links the chain by name and key identifier, and names the demo OCSP responder URL', () => {
    expect(root.selfIssued).toBe(true)
    expect(root.isCA && intermediate.isCA).toBe(true)
    expect(intermediate.basicConstraints).toEqual({ ca: true, pathLength: 0 })
    expect(leaf.isCA).toBe(false)
    expect(intermediate.issuer).toBe(root.subject)
    expect(leaf.issuer).toBe(intermediate.subject)
    expect(intermediate.authorityKeyIdentifier).toBe(root.subjectKeyIdentifier)
    expect(leaf.authorityKeyIdentifier).toBe(intermediate.subjectKeyIdentifier)
    expect(leaf.subject).toBe('CN=shop.example')
    expect(leaf.subjectAltNames).toEqual(['DNS:shop.example'])
    expect(leaf.extendedKeyUsage.join(' ')).toMatch(/1\.3\.6\.1\.5\.5\.7\.3\.1|serverAuth|Server Auth/i)
    expect(leaf.ocspUrls).toEqual(['http://ocsp.demo-ca.example'])
    expect(leaf.caIssuersUrls).toEqual(['http://ca.demo-ca.example/int.der'])
    expect(leaf.serialNumber).toBe(pki.leaf.serialNumber)
    expect(leaf.subject).toBe(pki.leaf.subject)
    expect(intermediate.subject).toBe(pki.intermediate.subject)
  })

  it('makes the delegated responder a proper one: OCSPSigning and ocsp-nocheck, issued by the intermediate', () => {
    expect(responder.issuer).toBe(intermediate.subject)
    expect(responder.ocspNoCheck).toBe(true)
    expect(responder.extendedKeyUsage.join(' ')).toMatch(/1\.3\.6\.1\.5\.5\.7\.3\.9|OCSP/i)
  })

  it('issues at the given time in whole seconds, back-dated one hour', () => {
    expect(leaf.notBefore).toBe('2026-11-24T09:20:30Z')
    expect(pki.createdAt.toISOString()).toBe('2026-11-24T10:20:30.000Z')
    expect(pki.leaf.notBefore.toISOString()).toBe('2026-11-24T09:20:30.000Z')
    expect(leaf.notAfter).toBe('2027-02-22T10:20:30Z')
  })

  it('gives each PKI its own CA names, so two generations never mix in the inspector', async () => {
    const other = await make('ECDSA-P256', false, now)
    expect(other.root.subject).not.toBe(pki.root.subject)
    expect(other.leaf.serialNumber).not.toBe(pki.leaf.serialNumber)
  })

  it('keeps the signing keys non-extractable', async () => {
    expect(pki.signingKeys.intermediate.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('pkcs8', pki.signingKeys.responder)).rejects.toThrow()
  })

  it('exports PEM that is the DER in base64', () => {
    expect(pki.leaf.pem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    )
    const body = pki.leaf.pem.replace(/-----[^-]+-----|\n/g, '')
    expect(Buffer.from(body, 'base64').equals(Buffer.from(pki.leaf.der))).toBe(true)
  })

  it('refuses a leaf name that is not a DNS name, as a value', async () => {
    const made = await createDemoPki({
      keyAlgorithm: 'ECDSA-P256',
      mustStaple: false,
      now: issuedAt,
      leafName: 'shop example',
    })
    expect(made.ok).toBe(false)
    if (!made.ok) {
      expect(made.error.code).toBe('bad-option')
      expect(made.error.message).toMatch(/not a DNS name/)
    }
  })
})

interface ResponseCase {
  options: ResponseChoices
  /** What openssl prints after "leaf.pem: ". */
  status: string
  reason?: string
}

const responseCases: ResponseCase[] = [
  { options: { status: 'good', signer: 'issuer', validityHours: 24 }, status: 'good' },
  {
    options: {
      status: 'good',
      signer: 'issuer',
      validityHours: 96,
      hashAlgorithm: 'sha256',
      responderId: 'byKey',
    },
    status: 'good',
  },
  {
    options: {
      status: 'good',
      signer: 'issuer',
      validityHours: 12,
      includeSignerCert: true,
      nonceHex: '0a0b0c0d',
    },
    status: 'good',
  },
  {
    options: { status: 'revoked', revocationReason: 'keyCompromise', signer: 'issuer', validityHours: 24 },
    status: 'revoked',
    reason: 'keyCompromise',
  },
  {
    options: {
      status: 'revoked',
      revocationReason: 'cessationOfOperation',
      signer: 'delegated',
      validityHours: 168,
      hashAlgorithm: 'sha256',
    },
    status: 'revoked',
    reason: 'cessationOfOperation',
  },
  {
    options: { status: 'revoked', signer: 'delegated', validityHours: 8, responderId: 'byKey' },
    status: 'revoked',
  },
  { options: { status: 'unknown', signer: 'issuer', validityHours: 24 }, status: 'unknown' },
  {
    options: { status: 'unknown', signer: 'delegated', validityHours: 24, hashAlgorithm: 'sha256' },
    status: 'unknown',
  },
  {
    options: { status: 'good', signer: 'delegated', validityHours: 24, includeSignerCert: false },
    status: 'good',
  },
]

describe.each(['ECDSA-P256', 'RSA-2048'] as const)('createOcspResponse with %s keys', (keyAlgorithm) => {
  let pki: DemoPki
  let dir: string
  beforeAll(async () => {
    pki = await make(keyAlgorithm, true)
    dir = join(tmp, `ocsp-${keyAlgorithm}`)
    spawnSync('mkdir', ['-p', dir])
    writePki(pki, dir)
  })

  it.each(responseCases.map((c, i) => [i, c.status, c.options.signer, c] as const))(
    'case %i: %s signed by %s, openssl verifies it and reads the status',
    async (i, _status, _signer, c) => {
      const der = await respond(pki, c.options)
      const file = responseFileName(c.options, i + 1)
      writeFileSync(join(dir, file), der)

      if (hasOpenssl) {
        const command = ocspVerifyCommand(file, {
          hashAlgorithm: c.options.hashAlgorithm ?? 'sha1',
          signer: c.options.signer,
          includeSignerCert: c.options.includeSignerCert ?? c.options.signer === 'delegated',
        })
        const r = run(command, dir, opensslOcspAt)
        expect(r.err).toContain('Response verify OK')
        expect(r.out).toMatch(new RegExp(`^leaf\\.pem: ${c.status}\\n`))
        if (c.reason) expect(r.out).toContain(`Reason: ${c.reason}`)
        else expect(r.out).not.toContain('Reason:')
        expect(r.err).not.toMatch(/WARNING|error/i)
      }

      // The parser reads back the values that made it.
      const info = await parsed<OcspResponseInfo>(der, 'ocspResponse')
      expect(info.responseStatus).toBe('successful')
      const basic = info.basic!
      const single = basic.responses[0]
      expect(basic.responses).toHaveLength(1)
      expect(single.certStatus).toBe(c.options.status)
      expect(single.revocationReason).toBe(c.options.revocationReason)
      expect(single.certId.serialNumber).toBe(pki.leaf.serialNumber)
      expect(single.certId.hashAlgorithm).toBe(c.options.hashAlgorithm ?? 'sha1')
      const hours = (Date.parse(single.nextUpdate!) - Date.parse(single.thisUpdate)) / 3_600_000
      expect(hours).toBe(c.options.validityHours)
      expect(basic.producedAt).toBe(single.thisUpdate)
      expect(basic.nonce).toBe(c.options.nonceHex)
      expect(basic.responderId.type).toBe(c.options.responderId ?? 'byName')
      const signer = c.options.signer === 'delegated' ? pki.responder : pki.intermediate
      if (basic.responderId.type === 'byName') expect(basic.responderId.name).toBe(signer.subject)
      const embedded = c.options.includeSignerCert ?? c.options.signer === 'delegated'
      expect(basic.certificates.map((cert) => cert.subject)).toEqual(embedded ? [signer.subject] : [])

      // And the team's own verifier agrees: signature, signer authority, CertID, freshness.
      const checks = await checkOcspResponse({
        at: new Date(issuedAt.getTime() + 3_600_000),
        responseDer: der,
        certDer: pki.leaf.der,
        issuerDer: pki.intermediate.der,
        ...(embedded ? {} : { otherCertsDer: [pki.responder.der] }),
        ...(c.options.nonceHex ? { requestNonceHex: c.options.nonceHex } : {}),
      })
      const byId = Object.fromEntries(checks.map((check) => [check.id, check.status]))
      expect(byId).toMatchObject({ signature: 'pass', signer: 'pass', 'cert-id': 'pass', freshness: 'pass' })
    },
  )

  it('is accepted by pkijs too, an independent reader (issuer-signed without certs, delegated with)', async () => {
    // pkijs checks the signer's chain against the wall clock, with no option to pass one: pin it.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(issuedAt.getTime() + 3_600_000) })
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const root = pkijs.Certificate.fromBER(pki.root.der)
    const intermediate = pkijs.Certificate.fromBER(pki.intermediate.der)
    for (const signer of ['issuer', 'delegated'] as const) {
      const der = await respond(pki, { status: 'good', signer, validityHours: 24 })
      const response = pkijs.OCSPResponse.fromBER(der)
      const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes!.response.getValue())
      // pkijs 4 looks for the signer only in basic.certs (test/fixtures/README.md).
      if (signer === 'issuer') basic.certs = [intermediate]
      expect(await basic.verify({ trustedCerts: [root], issuerCerts: [intermediate] })).toBe(true)
    }
  })

  it('dates a revocation 30 minutes before thisUpdate unless told, and keeps a given one', async () => {
    const thisUpdate = new Date(issuedAt.getTime() + 7 * 24 * 3_600_000)
    const first = await parsed<OcspResponseInfo>(
      await respond(pki, { status: 'revoked', signer: 'issuer', validityHours: 24, thisUpdate }),
      'ocspResponse',
    )
    const revocationTime = pki.leaf.notBefore
    const second = await parsed<OcspResponseInfo>(
      await respond(pki, {
        status: 'revoked',
        signer: 'issuer',
        validityHours: 24,
        thisUpdate,
        revocationTime,
      }),
      'ocspResponse',
    )
    // issuedAt + 7 days, less 30 minutes, in whole seconds
    expect(first.basic!.responses[0].revocationTime).toBe('2026-12-01T09:50:30Z')
    expect(second.basic!.responses[0].revocationTime).toBe(revocationTime.toISOString().replace('.000', ''))
  })

  it('refuses impossible options as values, naming the option', async () => {
    const bad: [Partial<OcspResponseOptions>, RegExp][] = [
      [{ validityHours: 0 }, /validityHours/],
      [{ validityHours: Number.NaN }, /validityHours/],
      [{ nonceHex: 'xyz' }, /nonceHex/],
      [{ nonceHex: '00'.repeat(33) }, /nonceHex/],
      [{ thisUpdate: new Date('nope') }, /thisUpdate/],
    ]
    for (const [patch, message] of bad) {
      const made = await createOcspResponse(pki, {
        thisUpdate: issuedAt,
        status: 'good',
        signer: 'issuer',
        validityHours: 24,
        ...patch,
      })
      expect(made.ok).toBe(false)
      if (!made.ok) expect(made.error.message).toMatch(message)
    }
  })
})

describe('the openssl commands the page shows', () => {
  it('put -issuer and -sha256 before -cert, where openssl needs them, and name the downloaded files', () => {
    expect(chainVerifyCommand()).toBe('openssl verify -CAfile root.pem -untrusted int.pem leaf.pem')
    expect(
      ocspVerifyCommand('r.der', { hashAlgorithm: 'sha256', signer: 'issuer', includeSignerCert: false }),
    ).toBe('openssl ocsp -respin r.der -CAfile root.pem -issuer int.pem -sha256 -cert leaf.pem -no_nonce')
    expect(
      ocspVerifyCommand('r.der', { hashAlgorithm: 'sha1', signer: 'delegated', includeSignerCert: false }),
    ).toBe(
      'openssl ocsp -respin r.der -CAfile root.pem -issuer int.pem -cert leaf.pem -verify_other verify-other.pem -no_nonce',
    )
  })

  it('name a response file after what it says', () => {
    expect(
      responseFileName({
        status: 'revoked',
        revocationReason: 'keyCompromise',
        signer: 'delegated',
        validityHours: 1,
      }),
    ).toBe('ocsp-revoked-keyCompromise-delegated-sha1.der')
    expect(
      responseFileName({ status: 'good', signer: 'issuer', validityHours: 1, hashAlgorithm: 'sha256' }, 3),
    ).toBe('ocsp-good-sha256-3.der')
  })
})
