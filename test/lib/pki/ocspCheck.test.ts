/** checkOcspResponse: the checklist a careful client runs, one reason per step. */
import { describe, expect, it } from 'vitest'
import { checkOcspResponse, inspectBytes, parseAsn1Tree, type Check } from '../../../src/lib/pki/index.ts'
import { data, fixture, valueOf } from './helpers.ts'

const leafRsa = fixture('certs/leaf-rsa.der')
const intermediate = fixture('certs/intermediate.der')
const root = fixture('certs/root.der')
/** The fixtures' responses are valid 2026-11-24 to 2026-11-28: the checks are read as at this instant. */
const fixtureTime = new Date('2026-11-25T00:00:00Z')

function byId(checks: Check[]): Record<string, Check> {
  return Object.fromEntries(checks.map((c) => [c.id, c]))
}

async function thisUpdateOf(der: Uint8Array): Promise<Date> {
  const info = valueOf((await inspectBytes('r', der))[0])
  if (info.kind !== 'ocspResponse' || !info.basic) throw new Error('not a successful response')
  return new Date(info.basic.responses[0].thisUpdate)
}

describe('checkOcspResponse', () => {
  it('a SHA-224 CertID: every other check runs; only the CertID match says it cannot compare', async () => {
    const response = fixture('odd/resp-sha224.der')
    const at = await thisUpdateOf(response)
    const c = byId(
      await checkOcspResponse({ responseDer: response, certDer: leafRsa, issuerDer: intermediate, at }),
    )
    expect(c['cert-id']).toMatchObject({
      status: 'skip',
      detail:
        'the CertID is hashed with SHA-224, which this browser cannot compute (only SHA-1, SHA-256, SHA-384 and SHA-512): the issuer hashes cannot be compared',
    })
    expect([c['cert-status'].status, c.signature.status, c.signer.status, c.freshness.status]).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
    ])
  })

  it('a successful response with no SingleResponse parses, and answers for no certificate', async () => {
    const c = byId(
      await checkOcspResponse({
        responseDer: fixture('odd/resp-empty-responses.der'),
        certDer: leafRsa,
        issuerDer: intermediate,
        at: fixtureTime,
      }),
    )
    expect(c.parse.status).toBe('pass')
    expect(c['cert-id']).toMatchObject({
      status: 'fail',
      detail: 'the response carries no SingleResponse: it answers for no certificate',
    })
    expect(c['cert-status'].status).toBe('skip')
  })

  it('an authorized delegated responder passes, and the detail says it has ocsp-nocheck', async () => {
    const response = fixture('ocsp/resp-good-delegated-byname.der')
    const at = await thisUpdateOf(response)
    const c = byId(
      await checkOcspResponse({ responseDer: response, certDer: leafRsa, issuerDer: intermediate, at }),
    )
    expect(Object.values(c).map((x) => [x.id, x.status])).toEqual([
      ['parse', 'pass'],
      ['response-status', 'pass'],
      ['cert-id', 'pass'],
      ['cert-status', 'pass'],
      ['signature', 'pass'],
      ['signer', 'pass'],
      ['freshness', 'pass'],
      ['nonce', 'skip'],
    ])
    expect(c.signer.detail).toMatch(/delegated responder with id-kp-OCSPSigning.*has id-pkix-ocsp-nocheck/)
  })

  it('a delegated responder certificate the client holds verifies a response that does not embed it', async () => {
    const response = fixture('ocsp/resp-good-delegated-nocerts.der')
    const without = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: response,
        certDer: leafRsa,
        issuerDer: intermediate,
      }),
    )
    expect(without.signature.status).toBe('skip')
    const withIt = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: response,
        certDer: leafRsa,
        issuerDer: intermediate,
        otherCertsDer: [fixture('certs/ocsp-responder.der')],
      }),
    )
    expect([withIt.signature.status, withIt.signer.status]).toEqual(['pass', 'pass'])
  })

  it('a signer without id-kp-OCSPSigning fails the signer check with the RFC reason, not an exception', async () => {
    const response = fixture('ocsp/resp-unauthorized-signer.der')
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: response,
        certDer: leafRsa,
        issuerDer: intermediate,
      }),
    )
    expect(c.signature.status).toBe('pass')
    expect(c.signer.status).toBe('fail')
    expect(c.signer.detail).toMatch(
      /lacks id-kp-OCSPSigning .* may not sign OCSP responses \(RFC 6960 4\.2\.2\.2\)/,
    )
  })

  it('a signer with id-kp-OCSPSigning from another CA fails, naming both CAs', async () => {
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: data('resp-unauth.der'),
        certDer: data('leaf.pem'),
        issuerDer: data('int.pem'),
      }),
    )
    expect(c.signer.status).toBe('fail')
    expect(c.signer.detail).toMatch(
      /was issued by CN=Test Root CA.*not by the certificate's CA CN=Test Intermediate CA/,
    )
  })

  it('a tampered byte fails the signature', async () => {
    const response = fixture('ocsp/resp-good-sha256-byname-nocerts.der').slice()
    const tree = parseAsn1Tree(response)
    if (!tree.ok) throw new Error(tree.error.message)
    // responseBytes [0] > SEQUENCE > response OCTET STRING > BasicOCSPResponse > tbsResponseData > producedAt
    const tbs = tree.value.children[1].children[0].children[1].children[0].children[0]
    const producedAt = tbs.children.find((n) => n.tagName === 'GeneralizedTime')
    if (!producedAt) throw new Error('no producedAt')
    const digit = producedAt.offset + producedAt.headerLength + 13 // the last digit of the seconds
    response[digit] = response[digit] === 0x30 ? 0x31 : 0x30
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: response,
        certDer: leafRsa,
        issuerDer: intermediate,
      }),
    )
    expect(c.parse.status).toBe('pass')
    expect(c.signature).toMatchObject({ status: 'fail', detail: expect.stringMatching(/does not match/) })
  })

  it('the fixture with a bad signature fails it too', async () => {
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: fixture('ocsp/resp-bad-signature.der'),
        issuerDer: intermediate,
      }),
    )
    expect(c.signature.status).toBe('fail')
  })

  it('the wrong issuer fails the CertID, saying the name hash is another CA', async () => {
    const response = fixture('ocsp/resp-good-sha256-byname-nocerts.der')
    const c = byId(
      await checkOcspResponse({ at: fixtureTime, responseDer: response, certDer: leafRsa, issuerDer: root }),
    )
    expect(c['cert-id'].status).toBe('fail')
    expect(c['cert-id'].detail).toMatch(
      /^issuerNameHash \(SHA-256\) is not the hash of CN=Staple Lab Test Root R1/,
    )
  })

  it('SHA-1 CertIDs are recomputed too', async () => {
    const response = fixture('ocsp/resp-good-sha1-byname-nononce.der')
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: response,
        certDer: leafRsa,
        issuerDer: intermediate,
      }),
    )
    expect(c['cert-id'].detail).toMatch(/hashes \(SHA-1\) match/)
  })

  it('another certificate than the one answered for fails on the serial', async () => {
    const response = fixture('ocsp/resp-good-sha256-byname-nocerts.der')
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: response,
        certDer: fixture('certs/leaf-ecdsa.der'),
        issuerDer: intermediate,
      }),
    )
    expect(c['cert-id'].detail).toBe(
      "the response is about serial 8f1d3ca6b0e2475c9a1f00c4d2e3b7a1, not the certificate's serial 3002",
    )
  })

  it('freshness: fresh at thisUpdate, within skew before it, stale after nextUpdate', async () => {
    const response = fixture('ocsp/resp-good-sha256-byname-nocerts.der')
    const t = (await thisUpdateOf(response)).getTime()
    const at = async (ms: number, skewSeconds?: number) =>
      byId(await checkOcspResponse({ responseDer: response, at: new Date(ms), skewSeconds })).freshness
    expect((await at(t)).status).toBe('pass')
    expect((await at(t - 2 * 60_000)).status).toBe('pass')
    expect((await at(t - 10 * 60_000)).detail).toMatch(/after the checked time/)
    expect((await at(t - 10 * 60_000, 3600)).status).toBe('pass')
    const later = await at(t + 30 * 86_400_000)
    expect(later.status).toBe('fail')
    expect(later.detail).toMatch(/^stale: nextUpdate .* passed 2\d d/)
  })

  it('the stale fixture is stale now', async () => {
    const c = byId(await checkOcspResponse({ at: fixtureTime, responseDer: fixture('ocsp/resp-stale.der') }))
    expect(c.freshness.status).toBe('fail')
  })

  it('the nonce must echo the request', async () => {
    const response = data('resp-nonce.der')
    const request = valueOf((await inspectBytes('q', data('req-nonce.der')))[0])
    if (request.kind !== 'ocspRequest' || !request.nonce) throw new Error('request without nonce')
    const ok = byId(
      await checkOcspResponse({ at: fixtureTime, responseDer: response, requestNonceHex: request.nonce }),
    )
    expect(ok.nonce.status).toBe('pass')
    const other = byId(
      await checkOcspResponse({ at: fixtureTime, responseDer: response, requestNonceHex: '00'.repeat(16) }),
    )
    expect(other.nonce).toMatchObject({ status: 'fail', detail: expect.stringMatching(/differs/) })
  })

  it('an ECDSA P-256 CA signing its own responses, responder by key hash', async () => {
    const c = byId(
      await checkOcspResponse({
        responseDer: data('resp-direct.der'),
        certDer: data('leaf.pem'),
        issuerDer: data('int.pem'),
        at: new Date('2026-11-24T00:00:00Z'),
      }),
    )
    expect([c['cert-id'].status, c.signature.status, c.signer.status, c.freshness.status]).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
    ])
    expect(c.signer.detail).toBe('signed by the issuing CA itself')
  })

  it('an Ed25519 signature verifies, and its signer is still not authorized', async () => {
    const c = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: data('resp-ed25519-signer.der'),
        issuerDer: data('int.pem'),
      }),
    )
    expect(c.signature).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/^ED25519 signature verified/),
    })
    expect(c.signer.status).toBe('fail')
  })

  it('revoked and unknown statuses fail the certificate status with the reason', async () => {
    const revoked = byId(
      await checkOcspResponse({
        at: fixtureTime,
        responseDer: fixture('ocsp/resp-revoked-keycompromise.der'),
      }),
    )
    expect(revoked['cert-status']).toMatchObject({
      status: 'fail',
      detail: 'revoked on 2026-11-20 12:00 UTC (keyCompromise)',
    })
    const unknown = byId(
      await checkOcspResponse({ at: fixtureTime, responseDer: fixture('ocsp/resp-unknown.der') }),
    )
    expect(unknown['cert-status'].detail).toMatch(/^unknown/)
  })

  it('an unsuccessful status stops after saying what it means', async () => {
    const checks = await checkOcspResponse({
      at: fixtureTime,
      responseDer: fixture('ocsp/resp-status-trylater.der'),
    })
    expect(checks.map((c) => c.status)).toEqual(['pass', 'fail'])
    expect(checks[1].detail).toMatch(/^tryLater: /)
  })

  it('garbage is a failed parse check, not an exception', async () => {
    const checks = await checkOcspResponse({
      at: fixtureTime,
      responseDer: new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff]),
    })
    expect(checks).toEqual([
      expect.objectContaining({
        id: 'parse',
        status: 'fail',
        detail: expect.stringMatching(/the length at byte 1/),
      }),
    ])
    const notOcsp = await checkOcspResponse({ at: fixtureTime, responseDer: leafRsa })
    expect(notOcsp[0]).toMatchObject({ id: 'parse', status: 'fail' })
  })
})
