/**
 * X.509 certificate (RFC 5280 section 4.1), read in place over der.ts's tree: the byte ranges the
 * verifier needs (tbsCertificate, subject, issuer, subjectPublicKeyInfo), so chain building and
 * OCSP checks hand WebCrypto the exact signed bytes, and every field of the CertificateInfo model
 * (models.ts). The walk names the field and byte when a certificate breaks its ASN.1 definition.
 */
import { contentOf, wholeOf, type DerNode } from './der.ts'
import {
  algorithmOf,
  extensionsOf,
  Fields,
  nameOf,
  serialOf,
  TAG,
  timeOf,
  type AlgorithmIdentifier,
  type ExtensionPair,
} from './fields.ts'
import { rfc4514 } from './names.ts'
import type { Extension, ParseNote } from './types.ts'
import { integerValue, toHex } from './values.ts'

export interface CertificateParts {
  der: Uint8Array<ArrayBuffer>
  tbs: Uint8Array<ArrayBuffer>
  signatureAlgorithm: AlgorithmIdentifier
  /** The signatureValue BIT STRING's bytes, without the unused-bits byte. */
  signature: Uint8Array<ArrayBuffer>
  serialNumber: string
  subject: string
  issuer: string
  /** DER of the subject Name: what an OCSP CertID's issuerNameHash is computed over (RFC 6960 4.1.1). */
  subjectDer: Uint8Array<ArrayBuffer>
  issuerDer: Uint8Array<ArrayBuffer>
  /** DER of SubjectPublicKeyInfo, as WebCrypto imports it ("spki"). */
  spki: Uint8Array<ArrayBuffer>
  /** The subjectPublicKey BIT STRING's content without the unused-bits byte (issuerKeyHash's input). */
  subjectPublicKey: Uint8Array<ArrayBuffer>
  subjectPublicKeyNode: DerNode
  publicKeyAlgorithm: AlgorithmIdentifier
  version: number
  notBefore: string
  notAfter: string
  extensions: Extension[]
  /** Each extension as walked: its extnValue node and, when DER, the value's own tree. */
  extensionValues: ExtensionPair[]
  /** What the certificate breaks but is shown with, at its byte in `bytes` (see fields.ts). */
  notes: ParseNote[]
}

const what = 'certificate'

/**
 * `node` may lie anywhere in `bytes` (an OCSP response's embedded certificate is walked in place,
 * so an error names its byte in the response's file); `der` is then the whole of `bytes`.
 */
export function readCertificate(bytes: Uint8Array<ArrayBuffer>, node: DerNode): CertificateParts {
  const cert = new Fields(bytes, node, what, '')
  const tbsNode = cert.next(TAG.SEQUENCE, 'tbsCertificate')
  const signatureAlgorithm = algorithmOf(
    cert,
    cert.next(TAG.SEQUENCE, 'signatureAlgorithm'),
    'signatureAlgorithm',
  )
  const signature = contentOf(bytes, cert.next(TAG.BIT_STRING, 'signatureValue')).subarray(1)

  const tbs = cert.child(tbsNode, 'tbsCertificate')
  const versionNode = tbs.optional(0)
  let version = 1
  if (versionNode) {
    const v = tbs.child(versionNode, 'version').next(TAG.INTEGER, 'version')
    version = (integerValue(tbs.content(v)) ?? 0) + 1
  }
  const serialNumber = serialOf(tbs, tbs.next(TAG.INTEGER, 'serialNumber'), 'serialNumber')
  tbs.next(TAG.SEQUENCE, 'signature')
  const issuerNode = nameOf(tbs, tbs.next(TAG.SEQUENCE, 'issuer'), 'issuer')
  const validity = tbs.child(tbs.next(TAG.SEQUENCE, 'validity'), 'validity')
  const notBefore = timeOf(validity, validity.nextOneOf([23, 24], 'notBefore'), 'notBefore')
  const notAfter = timeOf(validity, validity.nextOneOf([23, 24], 'notAfter'), 'notAfter')
  const subjectNode = nameOf(tbs, tbs.next(TAG.SEQUENCE, 'subject'), 'subject')
  const spkiNode = tbs.next(TAG.SEQUENCE, 'subjectPublicKeyInfo')
  const spki = tbs.child(spkiNode, 'subjectPublicKeyInfo')
  const publicKeyAlgorithm = algorithmOf(spki, spki.next(TAG.SEQUENCE, 'algorithm'), 'algorithm')
  const subjectPublicKeyNode = spki.next(TAG.BIT_STRING, 'subjectPublicKey')
  const subjectPublicKey = contentOf(bytes, subjectPublicKeyNode).subarray(1)
  tbs.optional(1)
  tbs.optional(2)
  const extNode = tbs.optional(3)
  let pairs: ExtensionPair[] = []
  if (extNode) {
    const seq = tbs.child(extNode, 'extensions').next(TAG.SEQUENCE, 'extensions')
    pairs = extensionsOf(tbs, seq, 'extensions')
  }
  return {
    der: bytes,
    tbs: wholeOf(bytes, tbsNode),
    signatureAlgorithm,
    signature,
    serialNumber,
    subject: rfc4514(bytes, subjectNode),
    issuer: rfc4514(bytes, issuerNode),
    subjectDer: wholeOf(bytes, subjectNode),
    issuerDer: wholeOf(bytes, issuerNode),
    spki: wholeOf(bytes, spkiNode),
    subjectPublicKey,
    subjectPublicKeyNode,
    publicKeyAlgorithm,
    version,
    notBefore,
    notAfter,
    extensions: pairs.map((p) => p.ext),
    extensionValues: pairs,
    notes: cert.notes,
  }
}

export async function sha(name: 'SHA-1' | 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest(name, data)))
}

export { equalBytes } from './values.ts'
