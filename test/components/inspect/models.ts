// Model objects for component tests, shaped like the parser's output for the test PKI.
import type { Asn1Node, CertificateInfo, OcspResponseInfo, SingleResponse } from '../../../src/lib/pki/types'

export function certificate(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    kind: 'certificate',
    version: 3,
    serialNumber: '3004',
    subject: 'CN=shop.example,O=Staple Lab Test PKI,C=ZZ',
    issuer: 'CN=Staple Lab Test Issuing CA I1,O=Staple Lab Test PKI,C=ZZ',
    notBefore: '2026-11-01T00:00:00Z',
    notAfter: '2036-11-01T00:00:00Z',
    publicKey: { algorithm: 'EC', curve: 'P-256', sizeBits: 256, sha256Hex: 'ab'.repeat(32) },
    signatureAlgorithm: 'sha256WithRSAEncryption',
    subjectAltNames: ['DNS:shop.example', 'DNS:www.shop.example'],
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['serverAuth'],
    basicConstraints: { ca: false },
    isCA: false,
    ocspUrls: ['http://ocsp.staple-lab.example'],
    caIssuersUrls: [],
    crlUrls: [],
    sctCount: 0,
    policies: [{ oid: '2.23.140.1.2.1', name: 'CA/B Forum Domain Validated' }],
    mustStaple: false,
    tlsFeatures: [],
    ocspNoCheck: false,
    sha256Fingerprint: 'cd'.repeat(32),
    sha1Fingerprint: 'ef'.repeat(20),
    extensions: [],
    selfIssued: false,
    ...overrides,
  }
}

export function singleResponse(overrides: Partial<SingleResponse> = {}): SingleResponse {
  return {
    certId: {
      hashAlgorithm: 'sha256',
      issuerNameHash: '11'.repeat(32),
      issuerKeyHash: '22'.repeat(32),
      serialNumber: '3004',
    },
    certStatus: 'good',
    thisUpdate: '2026-11-24T00:00:00Z',
    nextUpdate: '2026-11-27T04:00:00Z',
    extensions: [],
    ...overrides,
  }
}

export function ocspResponse(responses: SingleResponse[]): OcspResponseInfo {
  return {
    kind: 'ocspResponse',
    responseStatus: 'successful',
    basic: {
      producedAt: '2026-11-24T00:00:00Z',
      responderId: { type: 'byName', name: 'CN=Staple Lab Test Issuing CA I1' },
      responses,
      extensions: [],
      certificates: [],
      certificatesDer: [],
      signatureAlgorithm: 'sha256WithRSAEncryption',
    },
  }
}

/** 30 06 | 02 01 05 | 04 01 ff : a SEQUENCE of an INTEGER and an OCTET STRING. */
export const smallDer = new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xff])

export const smallTree: Asn1Node = {
  tagName: 'SEQUENCE',
  tagClass: 'universal',
  tagNumber: 16,
  constructed: true,
  offset: 0,
  headerLength: 2,
  length: 6,
  children: [
    {
      tagName: 'INTEGER',
      tagClass: 'universal',
      tagNumber: 2,
      constructed: false,
      offset: 2,
      headerLength: 2,
      length: 1,
      value: '5',
      children: [],
    },
    {
      tagName: 'OCTET STRING',
      tagClass: 'universal',
      tagNumber: 4,
      constructed: false,
      offset: 5,
      headerLength: 2,
      length: 1,
      value: 'ff',
      children: [],
    },
  ],
}
