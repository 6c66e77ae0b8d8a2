/**
 * "Try a sample" mints a real PKI at the press of the button: a must-staple leaf, its chain, and a
 * staple produced an hour before and valid four days, as a CA is allowed to issue it (CA/B Forum
 * BR 4.9.10: at most 10 days). openssl, told the same instant with -attime, agrees.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { mintSample, sampleValidityHours } from '../../../../src/lib/pki/demoCa/index.ts'
import {
  buildChain,
  checkOcspResponse,
  describeFreshness,
  inspectBytes,
  type CertificateInfo,
  type OcspResponseInfo,
} from '../../../../src/lib/pki/index.ts'

const pressedAt = new Date('2031-03-14T09:26:53Z')
const hasOpenssl = spawnSync('openssl', ['version']).status === 0

async function minted() {
  const sample = await mintSample(pressedAt)
  if (!sample.ok) throw new Error(sample.error.message)
  const objects = await Promise.all(sample.value.map((f) => inspectBytes(f.name, f.bytes)))
  return { files: sample.value, objects: objects.map((o) => o[0]!) }
}

describe('mintSample', () => {
  it('gives a must-staple leaf, its intermediate, the root and a good staple, in that order', async () => {
    const { files, objects } = await minted()
    expect(files.map((f) => f.name)).toEqual([
      'must-staple-leaf.pem',
      'intermediate.pem',
      'root.pem',
      'must-staple-ocsp.der',
    ])
    const [leaf, intermediate, root, response] = objects.map((o) => {
      if (!o.result.ok) throw new Error(o.result.error.message)
      return o.result.value
    })
    expect((leaf as CertificateInfo).mustStaple).toBe(true)
    expect((leaf as CertificateInfo).subject).toBe('CN=shop.example')
    expect((intermediate as CertificateInfo).isCA).toBe(true)
    expect((root as CertificateInfo).selfIssued).toBe(true)
    expect((response as OcspResponseInfo).basic?.responses[0]?.certStatus).toBe('good')
  })

  it('the staple was produced an hour before the press and is valid four days: fresh for 3 d 23 h', async () => {
    const { objects } = await minted()
    const response = objects[3]!.result
    if (!response.ok || response.value.kind !== 'ocspResponse') throw new Error('no response')
    const single = (response.value as OcspResponseInfo).basic!.responses[0]!
    expect(single.thisUpdate).toBe('2031-03-14T08:26:53Z')
    expect(single.nextUpdate).toBe('2031-03-18T08:26:53Z')
    expect(sampleValidityHours).toBeLessThanOrEqual(10 * 24)
    expect(describeFreshness(single.thisUpdate, single.nextUpdate, pressedAt)).toBe('fresh for 3 d 23 h')
  })

  it('the chain verifies and the checklist passes every step at the moment of the press', async () => {
    const { objects } = await minted()
    const certs = objects
      .slice(0, 3)
      .map((o) => ({ der: o.der, info: o.result.ok ? (o.result.value as CertificateInfo) : never() }))
    const links = await buildChain(certs)
    expect(links.map((l) => [l.role, l.signature.status])).toEqual([
      ['leaf', 'pass'],
      ['intermediate', 'pass'],
      ['root', 'pass'],
    ])
    const checks = await checkOcspResponse({
      responseDer: objects[3]!.der,
      certDer: objects[0]!.der,
      issuerDer: objects[1]!.der,
      at: pressedAt,
    })
    expect(checks.filter((c) => c.status === 'fail')).toEqual([])
    expect(checks.find((c) => c.id === 'signature')?.status).toBe('pass')
  })

  it.skipIf(!hasOpenssl)('openssl verifies the staple against the chain at that instant', async () => {
    const { files } = await minted()
    const dir = mkdtempSync(join(tmpdir(), 'staple-sample-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    for (const f of files) writeFileSync(join(dir, f.name), f.bytes)
    const attime = String(Math.floor(pressedAt.getTime() / 1000))
    const r = spawnSync(
      'openssl',
      [
        'ocsp',
        '-respin',
        'must-staple-ocsp.der',
        '-CAfile',
        'root.pem',
        '-verify_other',
        'intermediate.pem',
        '-issuer',
        'intermediate.pem',
        '-sha256',
        '-cert',
        'must-staple-leaf.pem',
        '-attime',
        attime,
        '-validity_period',
        String(100 * 365 * 24 * 3600),
        '-no_nonce',
      ],
      { cwd: dir, encoding: 'utf8' },
    )
    expect(r.stderr).toMatch(/Response verify OK/)
    expect(r.stdout).toMatch(/must-staple-leaf\.pem: good/)
  })
})

function never(): never {
  throw new Error('a sample certificate did not parse')
}
