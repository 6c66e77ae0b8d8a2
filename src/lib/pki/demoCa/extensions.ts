/**
 * The X.509 v3 extensions the demo CA writes (RFC 5280 4.2, RFC 7633, RFC 6960 4.2.2.2.1), and
 * distinguished names. Each extension function returns one whole Extension element.
 */
import {
  ascii,
  boolean,
  explicit,
  implicitPrimitive,
  integer,
  namedBits,
  nullValue,
  octetString,
  oid,
  printableString,
  sequence,
  set,
  utf8String,
  type Der,
} from './der.ts'

export const oids = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  certificatePolicies: '2.5.29.32',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  tlsFeature: '1.3.6.1.5.5.7.1.24',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',
  /** CA/Browser Forum domain-validated policy. */
  domainValidated: '2.23.140.1.2.1',
} as const

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }; DER omits a FALSE default. */
export function extension(id: string, critical: boolean, value: Uint8Array): Der {
  return sequence(oid(id), critical ? boolean(true) : undefined, octetString(value))
}

export function basicConstraints(ca: boolean, pathLength?: number): Der {
  const value = sequence(
    ca ? boolean(true) : undefined,
    pathLength === undefined ? undefined : integer(pathLength),
  )
  return extension(oids.basicConstraints, true, value)
}

/** KeyUsage bit numbers, RFC 5280 4.2.1.3. */
export const keyUsageBits = {
  digitalSignature: 0,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const

export function keyUsage(...usages: (keyof typeof keyUsageBits)[]): Der {
  return extension(oids.keyUsage, true, namedBits(usages.map((u) => keyUsageBits[u])))
}

export function extKeyUsage(...purposes: string[]): Der {
  return extension(oids.extKeyUsage, false, sequence(...purposes.map(oid)))
}

/** GeneralName dNSName is [2] IMPLICIT IA5String. */
export function subjectAltNameDns(...names: string[]): Der {
  return extension(oids.subjectAltName, false, sequence(...names.map((n) => implicitPrimitive(2, ascii(n)))))
}

/** RFC 5280 4.2.1.2 method (1): the key identifier is the SHA-1 of the subjectPublicKey bits. */
export function subjectKeyIdentifier(keyId: Uint8Array): Der {
  return extension(oids.subjectKeyIdentifier, false, octetString(keyId))
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT KeyIdentifier OPTIONAL, ... } */
export function authorityKeyIdentifier(keyId: Uint8Array): Der {
  return extension(oids.authorityKeyIdentifier, false, sequence(implicitPrimitive(0, keyId)))
}

/** AccessDescription's accessLocation is a GeneralName: uniformResourceIdentifier [6] IMPLICIT IA5String. */
export function authorityInfoAccess(urls: { ocsp?: string; caIssuers?: string }): Der {
  const descriptions = [
    urls.ocsp === undefined
      ? undefined
      : sequence(oid(oids.accessOcsp), implicitPrimitive(6, ascii(urls.ocsp))),
    urls.caIssuers === undefined
      ? undefined
      : sequence(oid(oids.accessCaIssuers), implicitPrimitive(6, ascii(urls.caIssuers))),
  ]
  return extension(oids.authorityInfoAccess, false, sequence(...descriptions))
}

export function certificatePolicies(...policyOids: string[]): Der {
  return extension(oids.certificatePolicies, false, sequence(...policyOids.map((p) => sequence(oid(p)))))
}

/**
 * RFC 7633: Features ::= SEQUENCE OF INTEGER; status_request is TLS extension 5, so must-staple
 * is exactly 30 03 02 01 05. Not critical, as RFC 7633 section 4.2 recommends and CAs issue it.
 */
export function tlsFeatureMustStaple(): Der {
  return extension(oids.tlsFeature, false, sequence(integer(5)))
}

/** RFC 6960 4.2.2.2.1: id-pkix-ocsp-nocheck, extnValue NULL: clients need not check the responder's own status. */
export function ocspNoCheck(): Der {
  return extension(oids.ocspNoCheck, false, nullValue())
}

/** Extensions ::= SEQUENCE OF Extension, inside the TBSCertificate's [3] EXPLICIT. */
export function certificateExtensions(extensions: Der[]): Der {
  return explicit(3, sequence(...extensions))
}

export type NameAttribute = { type: 'C' | 'O' | 'CN'; value: string }

const attributeOids: Record<NameAttribute['type'], string> = {
  C: '2.5.4.6',
  O: '2.5.4.10',
  CN: '2.5.4.3',
}

/**
 * Name ::= RDNSequence, most general first (C, O, CN), one attribute per RDN. countryName is a
 * PrintableString (RFC 5280 Appendix A); the others are UTF8String (RFC 5280 4.1.2.6: MUST for new
 * certificates).
 */
export function distinguishedName(attributes: NameAttribute[]): Der {
  return sequence(
    ...attributes.map((a) =>
      set(
        sequence(oid(attributeOids[a.type]), a.type === 'C' ? printableString(a.value) : utf8String(a.value)),
      ),
    ),
  )
}

/** RFC 4514 string, most specific first (as openssl -nameopt RFC2253 and the parser print it). */
export function nameString(attributes: NameAttribute[]): string {
  const escape = (v: string) => v.replace(/([,+"\\<>;=])/g, '\\$1').replace(/^([ #])|( )$/g, '\\$1$2')
  return [...attributes]
    .reverse()
    .map((a) => `${a.type}=${escape(a.value)}`)
    .join(',')
}
