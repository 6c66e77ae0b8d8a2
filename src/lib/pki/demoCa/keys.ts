/**
 * Keys and signatures with WebCrypto (globalThis.crypto.subtle: node 20, browsers and workers).
 * Private keys are generated non-extractable: the demo CA can sign with them but nothing, not even
 * a bug of ours, can export them. Public keys are always exportable in WebCrypto (that is how the
 * SubjectPublicKeyInfo is obtained).
 */
import { elementAt, integer, nullValue, oid, sequence, type Der } from './der.ts'

export type DemoKeyAlgorithm = 'ECDSA-P256' | 'RSA-2048'

interface AlgorithmProfile {
  generate: EcKeyGenParams | RsaHashedKeyGenParams
  sign: EcdsaParams | Algorithm
  /** The AlgorithmIdentifier of the signature, as written in certificates and OCSP responses. */
  signatureAlgorithm: Der
  /** P-256 signatures are r and s of 32 bytes each in WebCrypto's raw form. */
  ecdsaCoordinateBytes?: number
}

const profiles: Record<DemoKeyAlgorithm, AlgorithmProfile> = {
  'ECDSA-P256': {
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    // ecdsa-with-SHA256, parameters absent (RFC 5758 3.2).
    signatureAlgorithm: sequence(oid('1.2.840.10045.4.3.2')),
    ecdsaCoordinateBytes: 32,
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
    signatureAlgorithm: sequence(oid('1.2.840.113549.1.1.11'), nullValue()),
  },
}

export function signatureAlgorithmOf(algorithm: DemoKeyAlgorithm): Der {
  return profiles[algorithm].signatureAlgorithm
}

export async function generateKeyPair(algorithm: DemoKeyAlgorithm): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(profiles[algorithm].generate, false, ['sign', 'verify'])
}

/** DER SubjectPublicKeyInfo of a public key. */
export async function spkiOf(publicKey: CryptoKey): Promise<Der> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey))
}

/**
 * The subjectPublicKey BIT STRING's value without its unused-bits octet: what RFC 5280 4.2.1.2
 * hashes for the key identifier and RFC 6960 4.1.1 for issuerKeyHash and byKey responder IDs.
 */
export function publicKeyBits(spki: Uint8Array): Der {
  const outer = elementAt(spki, 0)
  const algorithm = elementAt(spki, outer.contentStart)
  const bits = elementAt(spki, algorithm.end)
  return spki.slice(bits.contentStart + 1, bits.end)
}

/** WebCrypto gives ECDSA signatures as r || s; X.509 and OCSP want SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 2.2.3). */
function ecdsaRawToDer(raw: Uint8Array, size: number): Der {
  return sequence(integer(raw.subarray(0, size)), integer(raw.subarray(size, 2 * size)))
}

/** Sign `data` with SHA-256; returns the signature value as it goes in the BIT STRING. */
export async function signWith(algorithm: DemoKeyAlgorithm, key: CryptoKey, data: Der): Promise<Der> {
  const profile = profiles[algorithm]
  const raw = new Uint8Array(await crypto.subtle.sign(profile.sign, key, data))
  return profile.ecdsaCoordinateBytes ? ecdsaRawToDer(raw, profile.ecdsaCoordinateBytes) : raw
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
