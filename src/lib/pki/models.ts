/**
 * The models (CertificateInfo, OcspResponseInfo) from the in-place field walk over der.ts's tree
 * (certificate.ts, ocspResponse.ts): every field is read once, where it lies, with no second
 * parse. pkijs built them before, over asn1js's BER reader: its schema match and class
 * construction made a parse 6x slower than node's X509Certificate (scripts/bench/parse.ts), and
 * pulled pkijs (about 85 kB gzip) into the parse worker. pkijs stays the independent reader the
 * tests compare against (test/lib/pki/pkijs.test.ts), beside openssl.
 */
import { sha, type CertificateParts } from './certificate.ts'
import { contentOf, type DerNode } from './der.ts'
import { decodeExtensionValue, emptyDecoded } from './extensions.ts'
import type { OcspResponseParts } from './ocspResponse.ts'
import { curves, publicKeyAlgorithms } from './oids.ts'
import type { CertificateInfo, OcspResponseInfo, PublicKeyInfo } from './types.ts'
import { decodeOid, equalBytes } from './values.ts'

function bitLength(m: Uint8Array): number {
  let i = 0
  while (i < m.length - 1 && m[i] === 0) i++
  return m.length === 0 ? 0 : (m.length - i - 1) * 8 + (32 - Math.clz32(m[i]))
}

/** The key's size: a named curve's, or the RSA modulus's bits (RSAPublicKey, RFC 8017 A.1.1). */
function keySize(
  bytes: Uint8Array,
  algorithm: string,
  parameters: DerNode | undefined,
  key: DerNode,
): Pick<PublicKeyInfo, 'curve' | 'sizeBits'> {
  if (algorithm === 'EC' && parameters?.tagClass === 'universal' && parameters.tagNumber === 6) {
    const curve = curves[decodeOid(contentOf(bytes, parameters)) ?? '']
    return curve ? { curve: curve.name, sizeBits: curve.bits } : {}
  }
  if (algorithm === 'RSA' || algorithm === 'RSASSA-PSS') {
    // der.ts read the BIT STRING's content as DER when it is exactly one element (encapsulates).
    const modulus = key.children[0]?.children[0]
    const isSequence = key.children[0]?.tagClass === 'universal' && key.children[0].tagNumber === 16
    if (isSequence && modulus?.tagClass === 'universal' && modulus.tagNumber === 2)
      return { sizeBits: bitLength(contentOf(bytes, modulus)) }
    return {}
  }
  if (algorithm === 'Ed25519') return { sizeBits: 256 }
  if (algorithm === 'Ed448') return { sizeBits: 456 }
  return {}
}

async function publicKeyInfo(walked: CertificateParts): Promise<PublicKeyInfo> {
  const { oid, parameters } = walked.publicKeyAlgorithm
  const algorithm = publicKeyAlgorithms[oid] ?? oid
  const info: PublicKeyInfo = {
    algorithm,
    sha256Hex: await sha('SHA-256', walked.subjectPublicKey),
  }
  const size = keySize(walked.der, algorithm, parameters, walked.subjectPublicKeyNode)
  if (size.curve !== undefined) info.curve = size.curve
  if (size.sizeBits !== undefined) info.sizeBits = size.sizeBits
  return info
}

/**
 * `der` is the certificate's own DER (the fingerprints are over all of it); `walked` is
 * certificate.ts's walk of it, or of the same certificate in place in an OCSP response.
 */
export async function certificateModel(
  der: Uint8Array<ArrayBuffer>,
  walked: CertificateParts,
): Promise<CertificateInfo> {
  const ext = emptyDecoded()
  // A value the strict reader refused has no `inner`: it stays undecoded (its hex and why in `extensions`).
  for (const e of walked.extensionValues)
    if (e.inner) decodeExtensionValue(e.content, e.ext.oid, e.inner, ext)
  const [publicKey, sha256Fingerprint, sha1Fingerprint] = await Promise.all([
    publicKeyInfo(walked),
    sha('SHA-256', der),
    sha('SHA-1', der),
  ])
  const info: CertificateInfo = {
    kind: 'certificate',
    version: walked.version,
    serialNumber: walked.serialNumber,
    subject: walked.subject,
    issuer: walked.issuer,
    notBefore: walked.notBefore,
    notAfter: walked.notAfter,
    publicKey,
    signatureAlgorithm: walked.signatureAlgorithm.name,
    subjectAltNames: ext.subjectAltNames,
    keyUsage: ext.keyUsage,
    extendedKeyUsage: ext.extendedKeyUsage,
    isCA: ext.basicConstraints?.ca ?? false,
    ocspUrls: ext.ocspUrls,
    caIssuersUrls: ext.caIssuersUrls,
    crlUrls: ext.crlUrls,
    sctCount: ext.sctCount,
    policies: ext.policies,
    // RFC 7633: the TLS Feature extension lists status_request (5) for must-staple.
    mustStaple: ext.tlsFeatures.includes(5),
    tlsFeatures: ext.tlsFeatures,
    ocspNoCheck: ext.ocspNoCheck,
    sha256Fingerprint,
    sha1Fingerprint,
    extensions: walked.extensions,
    selfIssued: equalBytes(walked.subjectDer, walked.issuerDer),
  }
  if (walked.notes.length) info.notes = walked.notes
  if (ext.basicConstraints) info.basicConstraints = ext.basicConstraints
  if (ext.subjectKeyIdentifier) info.subjectKeyIdentifier = ext.subjectKeyIdentifier
  if (ext.authorityKeyIdentifier) info.authorityKeyIdentifier = ext.authorityKeyIdentifier
  return info
}

/**
 * `walked` is ocspResponse.ts's walk; `embedded` its in-place walk of each embedded certificate
 * (so their errors name the byte in the response's file).
 */
export async function ocspResponseModel(
  walked: OcspResponseParts,
  embedded: CertificateParts[],
): Promise<OcspResponseInfo> {
  const out: OcspResponseInfo = { kind: 'ocspResponse', responseStatus: walked.responseStatus }
  if (walked.notes.length) out.notes = walked.notes
  const w = walked.basic
  if (walked.responseStatus !== 'successful' || !w) return out
  const certificates = await Promise.all(
    w.certificatesDer.map((der, i) => certificateModel(der, embedded[i])),
  )
  out.basic = { ...w.info, certificates, certificatesDer: w.certificatesDer }
  return out
}
