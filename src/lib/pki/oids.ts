/**
 * Names of the object identifiers that appear in certificates and OCSP messages. The short names
 * of name attributes are OpenSSL's (crypto/objects/objects.txt), because subjects are printed the
 * way `openssl x509 -nameopt RFC2253` prints them; the rest use the RFC's own names.
 */
import type { CertIdHashAlgorithm, DottedOid, HashAlgorithmName } from './types.ts'

/** id-pkix-ocsp-nonce (RFC 8954): extnValue holds an OCTET STRING of 1 to 32 octets. */
export const nonceOid = '1.3.6.1.5.5.7.48.1.2'

/** Name attribute types: OpenSSL's short names (used in RFC 4514 strings). */
export const nameAttributes: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
}

/**
 * Signature algorithms by openssl's long names (what `openssl x509 -text` and `openssl ocsp
 * -resp_text` print, crypto/objects/objects.txt), checked with `openssl asn1parse` here.
 */
export const signatureAlgorithms: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.3': 'md4WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.3.14.3.2.29': 'sha1WithRSA',
  // openssl's long name; its short name RSASSA-PSS is what the key's algorithm field shows.
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.1': 'dsa_with_SHA224',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '2.16.840.1.101.3.4.3.3': 'dsa_with_SHA384',
  '2.16.840.1.101.3.4.3.4': 'dsa_with_SHA512',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '2.16.840.1.101.3.4.3.9': 'ecdsa_with_SHA3-224',
  '2.16.840.1.101.3.4.3.10': 'ecdsa_with_SHA3-256',
  '2.16.840.1.101.3.4.3.11': 'ecdsa_with_SHA3-384',
  '2.16.840.1.101.3.4.3.12': 'ecdsa_with_SHA3-512',
  '2.16.840.1.101.3.4.3.13': 'RSA-SHA3-224',
  '2.16.840.1.101.3.4.3.14': 'RSA-SHA3-256',
  '2.16.840.1.101.3.4.3.15': 'RSA-SHA3-384',
  '2.16.840.1.101.3.4.3.16': 'RSA-SHA3-512',
  '1.2.643.2.2.3': 'GOST R 34.11-94 with GOST R 34.10-2001',
  '1.2.643.2.2.4': 'GOST R 34.11-94 with GOST R 34.10-94',
  '1.2.643.7.1.1.3.2': 'GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit)',
  '1.2.643.7.1.1.3.3': 'GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit)',
  '1.2.156.10197.1.501': 'SM2-with-SM3',
}

/** Key algorithms: short names for the common ones (the JSON maps them to openssl's), else openssl's long names. */
export const publicKeyAlgorithms: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.643.2.2.19': 'GOST R 34.10-2001',
  '1.2.643.2.2.20': 'GOST R 34.10-94',
  '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012 with 256 bit modulus',
  '1.2.643.7.1.1.1.2': 'GOST R 34.10-2012 with 512 bit modulus',
  '1.2.156.10197.1.301': 'sm2',
}

export const curves: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
}

/** The digests WebCrypto computes (so a CertID made with one can be checked). */
const hashAlgorithms: Record<string, HashAlgorithmName> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

/** Every digest a CertID may name, by openssl's long name (what `openssl ocsp -resp_text` prints). */
const digestAlgorithms: Record<string, CertIdHashAlgorithm> = {
  ...hashAlgorithms,
  '1.2.840.113549.2.5': 'md5',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.5': 'sha512-224',
  '2.16.840.1.101.3.4.2.6': 'sha512-256',
  '2.16.840.1.101.3.4.2.7': 'sha3-224',
  '2.16.840.1.101.3.4.2.8': 'sha3-256',
  '2.16.840.1.101.3.4.2.9': 'sha3-384',
  '2.16.840.1.101.3.4.2.10': 'sha3-512',
  '1.2.156.10197.1.401': 'sm3',
  '1.2.643.2.2.9': 'GOST R 34.11-94',
  '1.2.643.7.1.1.2.2': 'GOST R 34.11-2012 with 256 bit hash',
  '1.2.643.7.1.1.2.3': 'GOST R 34.11-2012 with 512 bit hash',
}

/** A CertID's digest by name: openssl's, or the OID itself (an OID's text is always dotted). */
export function certIdHashName(oid: string): CertIdHashAlgorithm {
  return digestAlgorithms[oid] ?? (oid as DottedOid)
}

/** A digest as people write it ("SHA-224", "SHA3-256"); an unnamed one as its OID. */
export function hashLabel(name: CertIdHashAlgorithm): string {
  if (name.startsWith('sha3-')) return name.replace('sha3-', 'SHA3-')
  if (/^sha\d/.test(name))
    return name.replace(/^sha(\d+)-(\d+)$/, 'SHA-$1/$2').replace(/^sha(\d+)$/, 'SHA-$1')
  return name === 'md5' || name === 'sm3' ? name.toUpperCase() : name
}

/** A digest WebCrypto can compute, so a CertID hashed with it can be compared. */
export function isComputableHash(name: CertIdHashAlgorithm): name is HashAlgorithmName {
  return Object.values(hashAlgorithms).includes(name as HashAlgorithmName)
}

/** id-pe-tlsfeature (RFC 7633): lists status_request (5) for must-staple. */
export const tlsFeatureOid = '1.3.6.1.5.5.7.1.24'

export const extensionNames: Record<string, string> = {
  '2.5.29.14': 'Subject Key Identifier',
  '2.5.29.15': 'Key Usage',
  '2.5.29.17': 'Subject Alternative Name',
  '2.5.29.18': 'Issuer Alternative Name',
  '2.5.29.19': 'Basic Constraints',
  '2.5.29.20': 'CRL Number',
  '2.5.29.21': 'CRL Reason',
  '2.5.29.24': 'Invalidity Date',
  '2.5.29.30': 'Name Constraints',
  '2.5.29.31': 'CRL Distribution Points',
  '2.5.29.32': 'Certificate Policies',
  '2.5.29.33': 'Policy Mappings',
  '2.5.29.35': 'Authority Key Identifier',
  '2.5.29.36': 'Policy Constraints',
  '2.5.29.37': 'Extended Key Usage',
  '2.5.29.46': 'Freshest CRL',
  '2.5.29.54': 'Inhibit anyPolicy',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  '1.3.6.1.5.5.7.1.11': 'Subject Information Access',
  '1.3.6.1.5.5.7.1.24': 'TLS Feature',
  '1.3.6.1.4.1.11129.2.4.2': 'CT Precertificate SCTs',
  '1.3.6.1.4.1.11129.2.4.3': 'CT Precertificate Poison',
  '1.3.6.1.4.1.11129.2.4.5': 'CT Certificate SCTs',
  '1.3.6.1.5.5.7.48.1.2': 'OCSP Nonce',
  '1.3.6.1.5.5.7.48.1.3': 'OCSP CRL References',
  '1.3.6.1.5.5.7.48.1.4': 'OCSP Acceptable Responses',
  '1.3.6.1.5.5.7.48.1.5': 'OCSP No Check',
  '1.3.6.1.5.5.7.48.1.6': 'OCSP Archive Cutoff',
  '1.3.6.1.5.5.7.48.1.7': 'OCSP Service Locator',
  '1.3.6.1.5.5.7.48.1.8': 'OCSP Preferred Signature Algorithms',
  '1.3.6.1.5.5.7.48.1.9': 'OCSP Extended Revoke',
  '2.16.840.1.113730.1.1': 'Netscape Cert Type',
  '2.16.840.1.113730.1.13': 'Netscape Comment',
}

export const extendedKeyUsages: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.4.1.11129.2.4.4': 'precertificateSigning',
}

const accessMethods: Record<string, string> = {
  '1.3.6.1.5.5.7.48.1': 'OCSP',
  '1.3.6.1.5.5.7.48.2': 'CA Issuers',
  '1.3.6.1.5.5.7.48.3': 'Time Stamping',
  '1.3.6.1.5.5.7.48.5': 'CA Repository',
}

export const policies: Record<string, string> = {
  '2.5.29.32.0': 'anyPolicy',
  '2.23.140.1.1': 'CA/B Forum Extended Validation',
  '2.23.140.1.2.1': 'CA/B Forum Domain Validated',
  '2.23.140.1.2.2': 'CA/B Forum Organization Validated',
  '2.23.140.1.2.3': 'CA/B Forum Individual Validated',
  '2.23.140.1.3': 'CA/B Forum EV Code Signing',
  '2.23.140.1.31': 'CA/B Forum Onion EV',
  '1.3.6.1.4.1.44947.1.1.1': "Let's Encrypt ISRG Domain Validated",
  '1.3.6.1.5.5.7.2.1': 'CPS qualifier',
  '1.3.6.1.5.5.7.2.2': 'User Notice qualifier',
}

export const contentTypes: Record<string, string> = {
  '1.3.6.1.5.5.7.48.1.1': 'id-pkix-ocsp-basic',
  '1.2.840.113549.1.7.1': 'PKCS#7 data',
  '1.2.840.113549.1.7.2': 'PKCS#7 signedData',
  '1.2.840.113549.1.7.3': 'PKCS#7 envelopedData',
  '1.2.840.113549.1.7.6': 'PKCS#7 encryptedData',
  '1.2.840.113549.1.9.14': 'PKCS#9 extensionRequest',
  '1.2.840.113549.1.9.7': 'PKCS#9 challengePassword',
  '1.2.840.113549.1.5.13': 'PBES2',
  '1.2.840.113549.1.12.10.1.2': 'PKCS#12 shroudedKeyBag',
}

/** openssl's long names of the key algorithms the tree shows (the model keeps its short ones). */
const publicKeyAlgorithmLongNames: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.10040.4.1': 'dsaEncryption',
  '1.2.643.2.2.19': 'GOST R 34.10-2001',
  '1.2.643.2.2.20': 'GOST R 34.10-94',
  '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012 with 256 bit modulus',
  '1.2.643.7.1.1.1.2': 'GOST R 34.10-2012 with 512 bit modulus',
  '1.2.156.10197.1.301': 'sm2',
}

const friendly: Record<string, string> = {
  ...Object.fromEntries(Object.entries(nameAttributes)),
  ...signatureAlgorithms,
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  ...Object.fromEntries(Object.entries(curves).map(([oid, c]) => [oid, c.name])),
  ...digestAlgorithms,
  ...publicKeyAlgorithmLongNames,
  ...extensionNames,
  ...extendedKeyUsages,
  ...Object.fromEntries(Object.entries(accessMethods).map(([oid, n]) => [oid, `id-ad ${n}`])),
  ...policies,
  ...contentTypes,
}

/** A name for any OID we know, for the ASN.1 tree and for extension lists; undefined otherwise. */
export function oidName(oid: string): string | undefined {
  return friendly[oid]
}
