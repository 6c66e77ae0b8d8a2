/**
 * The parser against openssl's own reading of every fixture (test/fixtures/expected.json, made by
 * the fixture scripts with openssl 3): what a user sees in the inspector is what openssl says.
 */
import { describe, expect, it } from 'vitest'
import { inspectJson } from '../../../src/lib/pki/index.ts'
import { extendedKeyUsages } from '../../../src/lib/pki/oids.ts'
import { expected, fixture, hasExpected, inspectAll, inspectOne, valueOf, type Loose } from './helpers.ts'

const ekuOid = Object.fromEntries(Object.entries(extendedKeyUsages).map(([oid, name]) => [name, oid]))

describe.skipIf(!hasExpected)('certificates read as openssl reads them', () => {
  const entries = Object.entries<Loose>(expected.certificates ?? {})
  it.each(entries)('%s', async (path, want) => {
    for (const file of [path, want.der]) {
      const obj = await inspectOne(fixture(file), file)
      const info = valueOf(obj)
      if (info.kind !== 'certificate') throw new Error(`${file} is ${info.kind}`)
      expect(obj.encoding).toBe(file.endsWith('.pem') ? 'pem' : 'der')
      expect({
        serialNumber: info.serialNumber,
        subject: info.subject,
        issuer: info.issuer,
        notBefore: info.notBefore,
        notAfter: info.notAfter,
        sha256Fingerprint: info.sha256Fingerprint,
        sha1Fingerprint: info.sha1Fingerprint,
        publicKeyAlgorithm: (inspectJson(obj) as Loose).publicKeyAlgorithm,
        subjectAltNames: info.subjectAltNames,
        ocspUrls: info.ocspUrls,
        caIssuersUrls: info.caIssuersUrls,
        crlUrls: info.crlUrls,
        policies: info.policies.map((p) => p.oid),
        extendedKeyUsage: info.extendedKeyUsage.map((n) => ekuOid[n] ?? n),
        isCA: info.isCA,
        mustStaple: info.mustStaple,
        ocspNoCheck: info.ocspNoCheck,
        selfIssued: info.selfIssued,
      }).toEqual({
        serialNumber: want.serialNumber,
        subject: want.subject,
        issuer: want.issuer,
        notBefore: want.notBefore,
        notAfter: want.notAfter,
        sha256Fingerprint: want.sha256Fingerprint,
        sha1Fingerprint: want.sha1Fingerprint,
        publicKeyAlgorithm: want.publicKeyAlgorithm,
        subjectAltNames: want.subjectAltNames,
        ocspUrls: want.ocspUrls,
        caIssuersUrls: want.caIssuersUrls,
        crlUrls: want.crlUrls,
        policies: want.policies,
        extendedKeyUsage: want.extendedKeyUsage,
        isCA: want.isCA,
        mustStaple: want.mustStaple,
        ocspNoCheck: want.ocspNoCheck,
        selfIssued: want.selfIssued,
      })
    }
  })
})

describe.skipIf(!hasExpected)('OCSP responses read as openssl reads them', () => {
  const entries = Object.entries<Loose>(expected.ocspResponses ?? {})
  it.each(entries)('%s', async (path, want) => {
    const got = inspectJson(await inspectOne(fixture(path), path)) as Loose
    expect(got.kind).toBe('ocspResponse')
    expect(got.responseStatus).toBe(want.responseStatus)
    if (want.responseStatus !== 'successful') {
      expect(got.responses).toBeUndefined()
      return
    }
    expect(got.producedAt).toBe(want.producedAt)
    expect(got.responderId).toEqual(want.responderId)
    expect(got.responses).toEqual(want.responses)
    expect(got.nonce).toBe(want.nonce)
    expect(got.signatureAlgorithm).toBe(want.signatureAlgorithm)
    expect(got.certificates).toBe(want.embeddedCertificates)
  })
})

describe.skipIf(!hasExpected)('OCSP requests read as openssl reads them', () => {
  const entries = Object.entries<Loose>(expected.ocspRequests ?? {})
  it.each(entries)('%s', async (path, want) => {
    const got = inspectJson(await inspectOne(fixture(path), path)) as Loose
    expect(got.kind).toBe('ocspRequest')
    expect(got.requests.map((r: Loose) => r.certId)).toEqual(want.certIds)
    expect(got.nonce).toBe(want.nonce)
    const info = valueOf(await inspectOne(fixture(path)))
    expect(info.kind === 'ocspRequest' && info.signed).toBe(want.signed)
  })
})

describe.skipIf(!hasExpected)('other objects are recognised for what they are', () => {
  const entries = Object.entries<Loose>(expected.other ?? {})
  it.each(entries)('%s', async (path, want) => {
    const files = want.der ? [path, want.der] : [path]
    for (const file of files) {
      const objects = await inspectAll(fixture(file), file)
      if (want.objects !== undefined) expect(objects).toHaveLength(want.objects)
      for (const obj of objects) {
        const info = valueOf(obj)
        expect(info.kind).toBe(want.kind)
        if (want.pemLabel) expect(obj.pemLabel).toBe(want.pemLabel)
        if (want.encoding) expect(obj.encoding).toBe(want.encoding)
        if (want.kind === 'privateKey') {
          // Never kept, never shown: no bytes and no tree.
          expect(obj.der).toHaveLength(0)
          expect(obj.asn1).toBeUndefined()
        }
      }
      if (want.certificates) {
        const subjects = objects.map((o) => (valueOf(o) as Loose).subject)
        expect(subjects).toEqual(want.certificates.map((c: string) => expected.certificates[c].subject))
      }
      if (want.sha256Fingerprint)
        expect((valueOf(objects[0]) as Loose).sha256Fingerprint).toBe(want.sha256Fingerprint)
    }
  })
})

describe.skipIf(!hasExpected)('bad inputs give the error a careful parser gives', () => {
  const entries = Object.entries<Loose>(expected.bad ?? {})
  it.each(entries)('%s', async (path, want) => {
    const objects = await inspectAll(fixture(path), path)
    expect(objects).toHaveLength(1)
    const r = objects[0].result
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(want.errorCodes).toContain(r.error.code)
      expect(r.error.message).not.toContain('\n')
    }
  })
})
