/** X.509 certificate (RFC 5280 section 4.1) to CertificateInfo, read by pkijs. */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { equalBytes, sha, type CertificateParts } from '../certificate.ts'
import { curves, publicKeyAlgorithms, signatureAlgorithms } from '../oids.ts'
import type { CertificateInfo, PublicKeyInfo } from '../types.ts'
import {
  asn1Of,
  decodeExtensionsOf,
  extensionList,
  fromPkijs,
  fromSchema,
  nameDer,
  nameString,
} from './common.ts'

const what = 'certificate'

function bitLength(m: Uint8Array): number {
  let i = 0
  while (i < m.length - 1 && m[i] === 0) i++
  return m.length === 0 ? 0 : (m.length - i - 1) * 8 + (32 - Math.clz32(m[i]))
}

async function publicKeyInfo(spki: pkijs.PublicKeyInfo): Promise<PublicKeyInfo> {
  const oid = spki.algorithm.algorithmId
  const algorithm = publicKeyAlgorithms[oid] ?? oid
  const key = new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView)
  const info: PublicKeyInfo = { algorithm, sha256Hex: await sha('SHA-256', key) }
  const params: unknown = spki.algorithm.algorithmParams
  if (algorithm === 'EC' && params instanceof asn1js.ObjectIdentifier) {
    const curve = curves[params.getValue()]
    if (curve) {
      info.curve = curve.name
      info.sizeBits = curve.bits
    }
  } else if (algorithm === 'RSA' || algorithm === 'RSASSA-PSS') {
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1)
    // Only when the BIT STRING holds exactly that (asn1js would skip trailing bytes).
    const rsa = asn1Of(key)
    const seq = rsa.offset === key.byteLength ? rsa.result : undefined
    const modulus = seq instanceof asn1js.Sequence ? seq.valueBlock.value[0] : undefined
    if (modulus instanceof asn1js.Integer && modulus.valueBlock.valueHexView.length > 0)
      info.sizeBits = bitLength(modulus.valueBlock.valueHexView)
  } else if (algorithm === 'Ed25519') info.sizeBits = 256
  else if (algorithm === 'Ed448') info.sizeBits = 456
  return info
}

/**
 * `der` is the certificate's DER, already checked by der.ts (fingerprints are over all of it);
 * `walked` is certificate.ts's walk of it, which gives the serial (read once: a hostile one may
 * be 1 MB), the times and the notes: asn1js reads a
 * UTCTime without seconds as 1899-11-30 and GeneralizedTime years 0000-0099 as 19xx (Date.UTC),
 * values.ts reads every four-digit year and refuses 31 February. `cert` is pkijs's reading when
 * there is one already (an OCSP response's embedded certs).
 */
export async function certificateModel(
  der: Uint8Array<ArrayBuffer>,
  walked: Pick<CertificateParts, 'serialNumber' | 'notBefore' | 'notAfter' | 'notes'>,
  cert = fromSchema(what, der, (schema) => new pkijs.Certificate({ schema })),
): Promise<CertificateInfo> {
  const sync = fromPkijs(what, () => {
    const ext = decodeExtensionsOf(cert.extensions)
    const subjectDer = nameDer(cert.subject)
    const issuerDer = nameDer(cert.issuer)
    return {
      ext,
      version: cert.version + 1,
      subject: nameString(what, 'tbsCertificate.subject', cert.subject, subjectDer),
      issuer: nameString(what, 'tbsCertificate.issuer', cert.issuer, issuerDer),
      signatureAlgorithm:
        signatureAlgorithms[cert.signatureAlgorithm.algorithmId] ?? cert.signatureAlgorithm.algorithmId,
      extensions: extensionList(cert.extensions),
      selfIssued: equalBytes(subjectDer, issuerDer),
    }
  })
  const { ext } = sync
  const info: CertificateInfo = {
    kind: 'certificate',
    version: sync.version,
    serialNumber: walked.serialNumber,
    subject: sync.subject,
    issuer: sync.issuer,
    notBefore: walked.notBefore,
    notAfter: walked.notAfter,
    publicKey: await publicKeyInfo(cert.subjectPublicKeyInfo),
    signatureAlgorithm: sync.signatureAlgorithm,
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
    sha256Fingerprint: await sha('SHA-256', der),
    sha1Fingerprint: await sha('SHA-1', der),
    extensions: sync.extensions,
    selfIssued: sync.selfIssued,
  }
  if (walked.notes.length) info.notes = walked.notes
  if (ext.basicConstraints) info.basicConstraints = ext.basicConstraints
  if (ext.subjectKeyIdentifier) info.subjectKeyIdentifier = ext.subjectKeyIdentifier
  if (ext.authorityKeyIdentifier) info.authorityKeyIdentifier = ext.authorityKeyIdentifier
  return info
}
