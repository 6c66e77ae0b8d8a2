/**
 * The inspector's own small, typed models of PKI objects, named after the RFCs (RFC 5280 for
 * certificates, RFC 6960 for OCSP). They are built from pkijs / asn1js objects in
 * one place (src/lib/pki/), so the rest of the app never touches a library's internals, and they
 * are plain data: they cross the worker boundary with structured clone and print as JSON.
 *
 * Times are ISO 8601 UTC strings with seconds precision ("2026-11-23T19:00:00Z"); hex is lowercase
 * without colons; names are RFC 4514 strings.
 */

/** Errors are values. `message` is one line that names the problem and, where known, the byte. */
export interface PkiError {
  code: PkiErrorCode
  message: string
  /** Byte offset in the input where the problem was found, when it is known. */
  offset?: number
}

export type PkiErrorCode =
  | 'empty' // no bytes at all
  | 'too-large' // above the documented size cap (see maxInputBytes)
  | 'bad-pem' // a PEM block whose base64 does not decode, or an unterminated block
  | 'bad-base64'
  | 'not-der' // not valid DER (truncated, a length past the end, too deeply nested...)
  | 'unsupported' // valid DER but not an object we can show (an unknown structure)
  | 'private-key' // a private key: never displayed or kept
  | 'malformed' // DER that is a known structure but breaks its ASN.1 definition

export type Result<T> = { ok: true; value: T } | { ok: false; error: PkiError }

/** What a chunk of input turned out to be, before or instead of a full parse. */
export type ObjectKind =
  'certificate' | 'ocspResponse' | 'ocspRequest' | 'csr' | 'crl' | 'pkcs7' | 'privateKey' | 'unknown'

/** How the bytes of one object arrived. */
export type InputEncoding = 'der' | 'pem' | 'base64'

/** The digests WebCrypto computes, so the ones a CertID can be checked with. */
export type HashAlgorithmName = 'sha1' | 'sha256' | 'sha384' | 'sha512'

/** An OBJECT IDENTIFIER in dotted form, for an algorithm without a name. */
export type DottedOid = `${number}.${number}.${string}`

/**
 * The digest a CertID names, as openssl names it (its long names, crypto/objects/objects.txt), or
 * the dotted OID of one without a name. Any may appear (RFC 6960 4.1.1 leaves it open).
 */
export type CertIdHashAlgorithm =
  | HashAlgorithmName
  | 'md5'
  | 'sha224'
  | 'sha512-224'
  | 'sha512-256'
  | 'sha3-224'
  | 'sha3-256'
  | 'sha3-384'
  | 'sha3-512'
  | 'sm3'
  | 'GOST R 34.11-94'
  | 'GOST R 34.11-2012 with 256 bit hash'
  | 'GOST R 34.11-2012 with 512 bit hash'
  | DottedOid

/**
 * Something about an object that is shown, not refused, but that a reader should know: a rule of
 * an RFC it breaks, or a part we could not use. `offset` is the byte in the input, when known.
 */
export interface ParseNote {
  code: ParseNoteCode
  message: string
  offset?: number
}

export type ParseNoteCode =
  | 'time-without-seconds' // UTCTime/GeneralizedTime without seconds (RFC 5280 4.1.2.5)
  | 'negative-serial' // RFC 5280 4.1.2.2: serials are positive
  | 'empty-responses' // a BasicOCSPResponse with no SingleResponse
  | 'empty-request-list' // an OCSPRequest with no Request
  | 'extension-not-der' // an extension value the strict reader refused: not decoded
  | 'nonce-not-der' // a nonce extension whose inner OCTET STRING is broken

export interface Extension {
  oid: string
  /** Friendly name of the OID, e.g. "Authority Information Access", or the OID itself. */
  name: string
  critical: boolean
  /** Lowercase hex of extnValue's content (the DER inside the OCTET STRING). */
  valueHex: string
  /** Why the value was not decoded: the strict reader refused it (e.g. BER, not DER). */
  notDer?: string
}

export interface PublicKeyInfo {
  /** "RSA", "EC", "Ed25519", "Ed448" or the OID when unknown. */
  algorithm: string
  /** RSA modulus size in bits, or the curve's size. */
  sizeBits?: number
  /** Named curve for EC keys, e.g. "P-256". */
  curve?: string
  /** SHA-256 of the subjectPublicKey BIT STRING content (as in RFC 6960 issuerKeyHash, but SHA-256). */
  sha256Hex: string
}

export interface CertificateInfo {
  kind: 'certificate'
  version: number
  /** Lowercase hex of the INTEGER's value, no colons, no leading zero bytes. */
  serialNumber: string
  subject: string
  issuer: string
  notBefore: string
  notAfter: string
  publicKey: PublicKeyInfo
  signatureAlgorithm: string
  /** DNS names, IP addresses, emails and URIs of the SAN extension, each as "DNS:example.com". */
  subjectAltNames: string[]
  keyUsage: string[]
  extendedKeyUsage: string[]
  basicConstraints?: { ca: boolean; pathLength?: number }
  isCA: boolean
  ocspUrls: string[]
  caIssuersUrls: string[]
  crlUrls: string[]
  /** Number of embedded Signed Certificate Timestamps (RFC 6962). */
  sctCount: number
  /** Certificate policy OIDs, with the CA/B Forum names where known. */
  policies: { oid: string; name?: string }[]
  /** TLS Feature extension (RFC 7633) lists status_request (5). */
  mustStaple: boolean
  /** Raw TLS Feature values, e.g. [5]. */
  tlsFeatures: number[]
  /** Has id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): a delegated responder's own status is not checked. */
  ocspNoCheck: boolean
  subjectKeyIdentifier?: string
  authorityKeyIdentifier?: string
  sha256Fingerprint: string
  sha1Fingerprint: string
  extensions: Extension[]
  selfIssued: boolean
  /** What the certificate breaks but is still shown with (a negative serial, a time without seconds). */
  notes?: ParseNote[]
}

export interface CertID {
  hashAlgorithm: CertIdHashAlgorithm
  issuerNameHash: string
  issuerKeyHash: string
  serialNumber: string
}

/** RFC 6960 4.2.1, OCSPResponseStatus. */
export type ResponseStatus =
  'successful' | 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized'

/** RFC 5280 5.3.1 CRLReason names, in code order (value 7 is unused). */
export const crlReasonNames = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const

export type CRLReason = (typeof crlReasonNames)[number]

export type CertStatus = 'good' | 'revoked' | 'unknown'

export interface SingleResponse {
  certId: CertID
  certStatus: CertStatus
  revocationTime?: string
  revocationReason?: CRLReason
  thisUpdate: string
  nextUpdate?: string
  extensions: Extension[]
}

export type ResponderID = { type: 'byName'; name: string } | { type: 'byKey'; keyHash: string }

export interface OcspResponseInfo {
  kind: 'ocspResponse'
  responseStatus: ResponseStatus
  /** Present only when responseStatus is "successful". */
  basic?: BasicOcspResponseInfo
  notes?: ParseNote[]
}

export interface BasicOcspResponseInfo {
  producedAt: string
  responderId: ResponderID
  responses: SingleResponse[]
  /** Lowercase hex of the nonce bytes (RFC 8954: the inner OCTET STRING's content). */
  nonce?: string
  /** responseExtensions other than the nonce. */
  extensions: Extension[]
  /** Certificates embedded in the BasicOCSPResponse (e.g. a delegated responder's). */
  certificates: CertificateInfo[]
  /** DER of each embedded certificate, in the same order, so each can be inspected. */
  certificatesDer: Uint8Array<ArrayBuffer>[]
  signatureAlgorithm: string
}

export interface OcspRequestInfo {
  kind: 'ocspRequest'
  requests: { certId: CertID; extensions: Extension[] }[]
  nonce?: string
  requestorName?: string
  extensions: Extension[]
  signed: boolean
  notes?: ParseNote[]
}

/** Objects we recognise and name, but do not take apart. */
export interface RecognisedInfo {
  kind: 'csr' | 'crl' | 'pkcs7' | 'privateKey'
  /** One sentence on what this is; for a private key, the warning. */
  summary: string
}

export type ObjectInfo = CertificateInfo | OcspResponseInfo | OcspRequestInfo | RecognisedInfo

/** One node of the DER tree for the ASN.1 view, with byte offsets into the object's DER. */
export interface Asn1Node {
  /** e.g. "SEQUENCE", "INTEGER", "[0]", "OBJECT IDENTIFIER". */
  tagName: string
  tagClass: 'universal' | 'application' | 'context' | 'private'
  tagNumber: number
  constructed: boolean
  /** Offset of the first identifier byte. */
  offset: number
  headerLength: number
  /** Length of the contents. */
  length: number
  /** A short decoded value: the OID with its name, a string, a time, an integer (hex when long). */
  value?: string
  children: Asn1Node[]
  /**
   * True on the placeholder that stands for children left out past the tree's node limit
   * (asn1Tree.ts maxTreeNodes): it covers their bytes, and its value says how many there were.
   */
  omitted?: true
}

/** Everything the inspector shows for one object. */
export interface InspectedObject {
  source: string
  index: number
  encoding: InputEncoding
  pemLabel?: string
  der: Uint8Array<ArrayBuffer>
  result: Result<ObjectInfo>
  /** The DER tree, when the bytes are DER at all (even if the object is not one we parse). */
  asn1?: Asn1Node
  /**
   * Instead of `asn1`: the bytes are DER, and their tree is built when its view opens
   * (parseAsn1Tree over `der`, with these options). The parse worker answers a drop this way:
   * measured in node, the trees were 96% of the time to structured-clone a chain and its staple
   * (3.4 of 3.5 ms), and most are never opened.
   */
  asn1OnDemand?: { allowTrailing: boolean }
}

/** A step of a verification checklist: pass or fail, with the reason in one sentence. */
export interface Check {
  id: string
  label: string
  status: 'pass' | 'fail' | 'skip'
  detail: string
}

/** One certificate of a chain built by buildChain, leaf first. */
export interface ChainLink {
  info: CertificateInfo
  der: Uint8Array<ArrayBuffer>
  /** Position of the certificate in buildChain's input. */
  inputIndex: number
  /** "unlinked": given, but not on the path from the leaf (no issuer/subject link to it). */
  role: 'leaf' | 'intermediate' | 'root' | 'unlinked'
  /** Its signature checked with the next certificate up (or its own key, for a self-signed root). */
  signature: Check
}
