/**
 * Keys and signatures with WebCrypto (globalThis.crypto.subtle: node 20, browsers and workers).
 * Private keys are generated non-extractable: the demo CA can sign with them but nothing, not even
 * a bug of ours, can export them. Public keys are always exportable in WebCrypto (that is how the
 * SubjectPublicKeyInfo is obtained).
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { Der } from './encoding.ts'

export type DemoKeyAlgorithm = 'ECDSA-P256' | 'RSA-2048'

interface AlgorithmProfile {
  generate: EcKeyGenParams | RsaHashedKeyGenParams
  sign: EcdsaParams | Algorithm
  /** The signature's AlgorithmIdentifier (OID, and NULL parameters or none). */
  signatureOid: string
  nullParameters: boolean
  /** WebCrypto gives ECDSA signatures as r || s; X.509 and OCSP want SEQUENCE { r, s } (RFC 3279 2.2.3). */
  ecdsa: boolean
}

const profiles: Record<DemoKeyAlgorithm, AlgorithmProfile> = {
  'ECDSA-P256': {
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    // ecdsa-with-SHA256, parameters absent (RFC 5758 3.2).
    signatureOid: '1.2.840.10045.4.3.2',
    nullParameters: false,
    ecdsa: true,
  },
  'RSA-2048': {
    generate: {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: Uint8Array.of(1, 0, 1),
      hash: 'SHA-256',
    },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
    // sha256WithRSAEncryption, parameters NULL (RFC 4055 5).
    signatureOid: '1.2.840.113549.1.1.11',
    nullParameters: true,
    ecdsa: false,
  },
}

/**
 * A fresh AlgorithmIdentifier each call (pkijs objects are mutable). Written by us rather than by
 * pkijs's sign(): its engine leaves sha256WithRSAEncryption's parameters out, RFC 4055 5 wants NULL.
 */
export function signatureAlgorithmOf(algorithm: DemoKeyAlgorithm): pkijs.AlgorithmIdentifier {
  const profile = profiles[algorithm]
  return new pkijs.AlgorithmIdentifier({
    algorithmId: profile.signatureOid,
    ...(profile.nullParameters ? { algorithmParams: new asn1js.Null() } : {}),
  })
}

/** extractable only for a leaf whose key a real TLS server needs (DemoPkiOptions.exportLeafKey). */
export async function generateKeyPair(
  algorithm: DemoKeyAlgorithm,
  extractable = false,
): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(profiles[algorithm].generate, extractable, ['sign', 'verify'])
}

/** DER SubjectPublicKeyInfo of a public key. */
export async function spkiOf(publicKey: CryptoKey): Promise<Der> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey))
}

/**
 * The subjectPublicKey BIT STRING's value without its unused-bits octet: what RFC 5280 4.2.1.2
 * hashes for the key identifier and RFC 6960 4.1.1 for issuerKeyHash and byKey responder IDs.
 */
export function publicKeyBits(spki: Uint8Array<ArrayBuffer>): Der {
  return pkijs.PublicKeyInfo.fromBER(spki).subjectPublicKey.valueBlock.valueHexView.slice()
}

/** Sign `data` with SHA-256; returns the signature value as it goes in the BIT STRING. */
export async function signWith(algorithm: DemoKeyAlgorithm, key: CryptoKey, data: Der): Promise<Der> {
  const profile = profiles[algorithm]
  const raw = await crypto.subtle.sign(profile.sign, key, data)
  return new Uint8Array(profile.ecdsa ? pkijs.createCMSECDSASignature(raw) : raw)
}

export type HashName = 'sha1' | 'sha256'

export async function digest(hash: HashName, data: Uint8Array<ArrayBuffer>): Promise<Der> {
  return new Uint8Array(await crypto.subtle.digest(hash === 'sha1' ? 'SHA-1' : 'SHA-256', data))
}

/** Random bytes, the first in 01..7f so that as a serial number the INTEGER is positive with no leading zero. */
export function randomSerial(length = 16): Der {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  bytes[0] = (bytes[0] & 0x7f) | 0x01
  return bytes
}
