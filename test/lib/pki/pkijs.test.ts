/**
 * pkijs as a second, independent reader: our models agree with it field by field, and the one
 * place we part ways is on purpose: pkijs's BasicOCSPResponse.verify() rejects an unauthorized
 * signer (PR #502, by throwing or returning false), while checkOcspResponse says why in a check.
 */
import * as pkijs from 'pkijs'
import { describe, expect, it } from 'vitest'
import { checkOcspResponse, inspectBytes, inspectJson } from '../../../src/lib/pki/index.ts'
import { toHex } from '../../../src/lib/pki/values.ts'
import { fixture, fixturesDir, type Loose } from './helpers.ts'
import { readdirSync } from 'node:fs'

const list = (dir: string, re: RegExp) => readdirSync(fixturesDir + dir).filter((f) => re.test(f))

describe('pkijs reads the fixtures as we do', () => {
  it.each(list('certs', /\.der$/))('certificate %s', async (file) => {
    const der = fixture(`certs/${file}`)
    const cert = pkijs.Certificate.fromBER(der)
    const ours = inspectJson((await inspectBytes(file, der))[0]) as Loose
    expect(ours.serialNumber).toBe(
      toHex(cert.serialNumber.valueBlock.valueHexView).replace(/^(00)+(?=.)/, ''),
    )
    expect(ours.notBefore).toBe(cert.notBefore.value.toISOString().replace('.000Z', 'Z'))
    expect(ours.notAfter).toBe(cert.notAfter.value.toISOString().replace('.000Z', 'Z'))
  })

  it.each(list('ocsp', /^resp-.*\.der$/))('OCSP response %s', async (file) => {
    const der = fixture(`ocsp/${file}`)
    const resp = pkijs.OCSPResponse.fromBER(der)
    const ours = inspectJson((await inspectBytes(file, der))[0]) as Loose
    expect(ours.responseStatus === 'successful').toBe(resp.responseStatus.valueBlock.valueDec === 0)
    if (!resp.responseBytes) return
    const basic = pkijs.BasicOCSPResponse.fromBER(resp.responseBytes.response.getValue())
    const statuses = basic.tbsResponseData.responses.map(
      (r) => ['good', 'revoked', 'unknown'][r.certStatus.idBlock.tagNumber],
    )
    expect(ours.responses.map((r: Loose) => r.certStatus)).toEqual(statuses)
    expect(ours.producedAt).toBe(basic.tbsResponseData.producedAt.toISOString().replace('.000Z', 'Z'))
    expect(ours.certificates).toBe(basic.certs?.length ?? 0)
  })
})

describe('an unauthorized signer', () => {
  it('pkijs refuses it without a reason we can show; checkOcspResponse fails the signer check with one', async () => {
    const der = fixture('ocsp/resp-unauthorized-signer.der')
    const resp = pkijs.OCSPResponse.fromBER(der)
    if (!resp.responseBytes) throw new Error('no responseBytes')
    const basic = pkijs.BasicOCSPResponse.fromBER(resp.responseBytes.response.getValue())
    const root = pkijs.Certificate.fromBER(fixture('certs/root.der'))
    const intermediate = pkijs.Certificate.fromBER(fixture('certs/intermediate.der'))
    const verdict = await basic.verify({ trustedCerts: [root], issuerCerts: [intermediate] }).then(
      (ok) => (ok ? 'accepted' : 'false'),
      (e: unknown) => `threw: ${e instanceof Error ? e.message : String(e)}`,
    )
    expect(verdict).not.toBe('accepted')
    const checks = await checkOcspResponse({
      at: new Date('2026-11-25T00:00:00Z'),
      responseDer: der,
      certDer: fixture('certs/leaf-rsa.der'),
      issuerDer: fixture('certs/intermediate.der'),
    })
    expect(checks.find((c) => c.id === 'signer')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/OCSPSigning/),
    })
  })
})
