/**
 * The demo CA's public types: plain data (bytes, PEM text, dates) plus the two non-extractable
 * private keys that can sign more OCSP responses.
 */
import type { CertStatus, CRLReason } from '../types.ts'
import type { Der } from './encoding.ts'
import type { DemoKeyAlgorithm, HashName } from './keys.ts'

export type { DemoKeyAlgorithm, HashName }

export type DemoRole = 'root' | 'intermediate' | 'leaf' | 'responder'

/** The file name stem each certificate is downloaded as, and named by in the openssl commands. */
export type DemoFileStem = 'root' | 'int' | 'leaf' | 'responder'

export interface DemoCertificate {
  role: DemoRole
  fileStem: DemoFileStem
  /** RFC 4514, most specific first: "CN=shop.example". */
  subject: string
  issuer: string
  /** Lowercase hex without leading zeros, as the parser and openssl print it. */
  serialNumber: string
  notBefore: Date
  notAfter: Date
  der: Der
  pem: string
  /** The DER of the subject Name, byte for byte (what a CertID's issuerNameHash hashes). */
  subjectNameDer: Der
  /** The subjectPublicKey BIT STRING value (what issuerKeyHash hashes). */
  publicKeyBits: Der
  /** SHA-1 of publicKeyBits: this certificate's subjectKeyIdentifier and its byKey responder ID. */
  keyId: Der
}

export interface DemoPkiOptions {
  keyAlgorithm: DemoKeyAlgorithm
  mustStaple: boolean
  /** The leaf's DNS name (CN and SAN); default "shop.example". */
  leafName?: string
  /** The moment the certificates are issued: the caller's clock (the page's, the CLI's, a test's). */
  now: Date
  /**
   * The leaf's AIA OCSP URL; default demoUrls.ocsp. The local responder (src/cli/responder.ts)
   * puts its own loopback address here, as a real server reads the URL from the certificate.
   */
  leafOcspUrl?: string
  /**
   * Keep the leaf's private key, as PKCS #8 DER, so a real TLS server can serve the leaf (node
   * only: the calibration and the probe tests). The page never asks for it.
   */
  exportLeafKey?: boolean
}

export interface DemoPki {
  keyAlgorithm: DemoKeyAlgorithm
  mustStaple: boolean
  leafName: string
  createdAt: Date
  /** Four hex digits in every CA name, so two generated PKIs never share a name in the inspector. */
  id: string
  root: DemoCertificate
  intermediate: DemoCertificate
  leaf: DemoCertificate
  /** Delegated OCSP responder: issued by the intermediate, EKU id-kp-OCSPSigning, id-pkix-ocsp-nocheck. */
  responder: DemoCertificate
  /** The leaf's private key (PKCS #8 DER), only when exportLeafKey was asked for. */
  leafKeyPkcs8?: Der
  /** Non-extractable signing keys: the intermediate's and the delegated responder's. */
  signingKeys: { intermediate: CryptoKey; responder: CryptoKey }
}

export type OcspSigner = 'issuer' | 'delegated'
export type ResponderIdType = 'byName' | 'byKey'

/** What an OCSP response says and how it is signed: everything but when it is produced. */
export interface ResponseChoices {
  status: CertStatus
  /** Only for "revoked"; absent means the response carries no reason. */
  revocationReason?: CRLReason
  /** Only for "revoked"; default 30 minutes before thisUpdate (never before the leaf's notBefore). */
  revocationTime?: Date
  signer: OcspSigner
  /** nextUpdate = thisUpdate + validityHours (CA/B Forum BR 4.9.10: between 8 hours and 10 days). */
  validityHours: number
  /** CertID hash; default "sha1", as openssl and RFC 5019 clients send. */
  hashAlgorithm?: HashName
  /** RFC 8954 nonce to echo, 1 to 32 bytes as hex; absent for a pre-produced response. */
  nonceHex?: string
  /** Embed the signer's certificate in certs; default true for "delegated", false for "issuer". */
  includeSignerCert?: boolean
  /** ResponderID (RFC 6960 4.2.2.3); default "byName". */
  responderId?: ResponderIdType
}

export interface OcspResponseOptions extends ResponseChoices {
  /** The caller's clock, as for DemoPkiOptions.now; producedAt is the same moment. */
  thisUpdate: Date
}

export type DemoCaErrorCode = 'bad-option' | 'crypto'

export interface DemoCaError {
  code: DemoCaErrorCode
  /** One line naming the option or step that failed. */
  message: string
}

export type DemoCaResult<T> = { ok: true; value: T } | { ok: false; error: DemoCaError }
