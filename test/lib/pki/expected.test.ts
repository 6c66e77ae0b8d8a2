/**
 * The parser against openssl's own reading of every fixture (test/fixtures/expected.json, made by
 * the fixture scripts with openssl 3): what a user sees in the inspector is what openssl says.
 */
import { describe, expect, it } from 'vitest'
import { inspectJson } from '../../../src/lib/pki/index.ts'
import { extendedKeyUsages } from '../../../src/lib/pki/oids.ts'
import type { ObjectInfo } from '../../../src/lib/pki/index.ts'
import { expected, fixture, hasExpected, inspectAll, inspectOne, valueOf, type Loose } from './helpers.ts'

// Without openssl's reading every comparison below would pass by having nothing to compare: say so.
it('has openssl’s reading of the fixtures to compare with (test/fixtures/expected.json)', () => {
  expect(hasExpected, 'test/fixtures/expected.json is missing: regenerate it (test/fixtures/README.md)').toBe(
    true,
  )
  expect(Object.keys(expected.certificates ?? {}).length).toBeGreaterThan(0)
})

const ekuOid = Object.fromEntries(Object.entries(extendedKeyUsages).map(([oid, name]) => [name, oid]))

describe('certificates read as openssl reads them', () => {
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

/** What each odd object (test/fixtures/make-odd.py) tells the reader besides openssl's fields. */
const oddNotes: Record<string, string[]> = {
  'odd/cert-negative-serial.der': ['negative-serial'],
  'odd/cert-utctime-no-seconds.der': ['time-without-seconds'],
  'odd/cert-tlsfeature-ber.der': ['extension-not-der'],
  'odd/resp-empty-responses.der': ['empty-responses'],
  'odd/req-empty-requestlist.der': ['empty-request-list'],
  'odd/req-nonce-broken.der': ['nonce-not-der'],
}

function notesOf(info: ObjectInfo): string[] {
  return 'notes' in info ? (info.notes ?? []).map((n) => n.code) : []
}

describe('OCSP responses read as openssl reads them', () => {
  // The odd ones (make-odd.py) too: a SHA-224 CertID, an empty `responses`.
  const entries = Object.entries<Loose>({ ...expected.ocspResponses, ...expected.odd?.ocspResponses })
  it.each(entries)('%s', async (path, want) => {
    const obj = await inspectOne(fixture(path), path)
    expect(notesOf(valueOf(obj))).toEqual(oddNotes[path] ?? [])
    const got = inspectJson(obj) as Loose
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

describe('OCSP requests read as openssl reads them', () => {
  // The odd ones too: a SHA-224 CertID, an empty requestList, a broken nonce (shown raw, as openssl does).
  const entries = Object.entries<Loose>({ ...expected.ocspRequests, ...expected.odd?.ocspRequests })
  it.each(entries)('%s', async (path, want) => {
    const obj = await inspectOne(fixture(path), path)
    expect(notesOf(valueOf(obj))).toEqual(oddNotes[path] ?? [])
    const got = inspectJson(obj) as Loose
    expect(got.kind).toBe('ocspRequest')
    expect(got.requests.map((r: Loose) => r.certId)).toEqual(want.certIds)
    expect(got.nonce).toBe(want.nonce)
    const info = valueOf(await inspectOne(fixture(path)))
    expect(info.kind === 'ocspRequest' && info.signed).toBe(want.signed)
  })
})

describe('other objects are recognised for what they are', () => {
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

describe('bad inputs give the error a careful parser gives', () => {
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

describe('odd certificates read as openssl reads them, with a note', () => {
  const odd = expected.odd ?? {}
  it.each(Object.entries<Loose>(odd.certificates ?? {}))('%s', async (path, want) => {
    const obj = await inspectOne(fixture(path), path)
    const info = valueOf(obj)
    if (info.kind !== 'certificate') throw new Error(`${path} is ${info.kind}`)
    const json = inspectJson(obj) as Loose
    expect({
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      sha256Fingerprint: info.sha256Fingerprint,
      signatureAlgorithm: info.signatureAlgorithm,
      publicKeyAlgorithm: json.publicKeyAlgorithm,
    }).toEqual({
      serialNumber: want.serialNumber,
      notBefore: want.notBefore,
      notAfter: want.notAfter,
      sha256Fingerprint: want.sha256Fingerprint,
      signatureAlgorithm: want.signatureAlgorithm,
      publicKeyAlgorithm: want.publicKeyAlgorithm,
    })
    expect(notesOf(info)).toEqual(oddNotes[path] ?? [])
    if (path === 'odd/cert-tlsfeature-ber.der') {
      // openssl reads the BER value as status_request; a strict reader says why it does not.
      expect(want.mustStaple).toBe(true)
      expect(info.mustStaple).toBe(false)
      const feature = info.extensions.find((e) => e.oid === '1.3.6.1.5.5.7.1.24')
      expect(feature?.notDer).toMatch(/^non-minimal length at byte 1 /)
    } else expect(info.mustStaple).toBe(want.mustStaple)
  })
})
