/**
 * The X.509 v3 extensions the demo CA writes (RFC 5280 4.2, RFC 7633, RFC 6960 4.2.2.2.1), and
 * distinguished names. Each extension function returns one whole Extension element.
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { derOf } from './encoding.ts'
import { escapeRfc4514 } from '../names.ts'

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

/** Anything that encodes itself: an asn1js element or a pkijs object's toSchema(). */
type Encodable = { toBER(sizeOnly?: boolean): ArrayBuffer }

/**
 * Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }; pkijs
 * leaves a FALSE critical out, as DER requires for a default value.
 */
export function extension(id: string, critical: boolean, value: Encodable): pkijs.Extension {
  return new pkijs.Extension({ extnID: id, critical, extnValue: value.toBER(false) })
}

export function basicConstraints(ca: boolean, pathLength?: number): pkijs.Extension {
  const value = new pkijs.BasicConstraints({
    cA: ca,
    ...(pathLength === undefined ? {} : { pathLenConstraint: pathLength }),
  })
  return extension(oids.basicConstraints, true, value.toSchema())
}

/** KeyUsage bit numbers, RFC 5280 4.2.1.3. */
export const keyUsageBits = {
  digitalSignature: 0,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const

/**
 * A named-bit BIT STRING from bit numbers (0 = the leftmost bit). X.690 11.2.2: DER drops trailing
 * zero bits, so the unused-bits count is set by the highest bit present. pkijs has no KeyUsage class.
 */
export function namedBits(bits: readonly number[]): asn1js.BitString {
  if (bits.length === 0) return new asn1js.BitString({ valueHex: new Uint8Array(0) })
  const highest = Math.max(...bits)
  const bytes = new Uint8Array((highest >> 3) + 1)
  for (const b of bits) bytes[b >> 3] |= 0x80 >> (b & 7)
  return new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (highest & 7) })
}

export function keyUsage(...usages: (keyof typeof keyUsageBits)[]): pkijs.Extension {
  return extension(oids.keyUsage, true, namedBits(usages.map((u) => keyUsageBits[u])))
}

export function extKeyUsage(...purposes: string[]): pkijs.Extension {
  return extension(oids.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema())
}

/** GeneralName type 2 is dNSName, [2] IMPLICIT IA5String. */
export function subjectAltNameDns(...names: string[]): pkijs.Extension {
  const altNames = names.map((n) => new pkijs.GeneralName({ type: 2, value: n }))
  return extension(oids.subjectAltName, false, new pkijs.AltName({ altNames }).toSchema())
}

/** RFC 5280 4.2.1.2 method (1): the key identifier is the SHA-1 of the subjectPublicKey bits. */
export function subjectKeyIdentifier(keyId: Uint8Array<ArrayBuffer>): pkijs.Extension {
  return extension(oids.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId }))
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT KeyIdentifier OPTIONAL, ... } */
export function authorityKeyIdentifier(keyId: Uint8Array<ArrayBuffer>): pkijs.Extension {
  const value = new pkijs.AuthorityKeyIdentifier({
    keyIdentifier: new asn1js.OctetString({ valueHex: keyId }),
  })
  return extension(oids.authorityKeyIdentifier, false, value.toSchema())
}

/** AccessDescription's accessLocation is a GeneralName: type 6, uniformResourceIdentifier [6] IMPLICIT IA5String. */
export function authorityInfoAccess(urls: { ocsp?: string; caIssuers?: string }): pkijs.Extension {
  const description = (method: string, url: string) =>
    new pkijs.AccessDescription({
      accessMethod: method,
      accessLocation: new pkijs.GeneralName({ type: 6, value: url }),
    })
  const accessDescriptions = [
    ...(urls.ocsp === undefined ? [] : [description(oids.accessOcsp, urls.ocsp)]),
    ...(urls.caIssuers === undefined ? [] : [description(oids.accessCaIssuers, urls.caIssuers)]),
  ]
  return extension(oids.authorityInfoAccess, false, new pkijs.InfoAccess({ accessDescriptions }).toSchema())
}

export function certificatePolicies(...policyOids: string[]): pkijs.Extension {
  const certificatePolicies = policyOids.map((p) => new pkijs.PolicyInformation({ policyIdentifier: p }))
  return extension(
    oids.certificatePolicies,
    false,
    new pkijs.CertificatePolicies({ certificatePolicies }).toSchema(),
  )
}

/**
 * RFC 7633: Features ::= SEQUENCE OF INTEGER; status_request is TLS extension 5, so must-staple
 * is exactly 30 03 02 01 05. Not critical, as RFC 7633 section 4.2 recommends and CAs issue it.
 * pkijs has no class for it: asn1js primitives.
 */
export function tlsFeatureMustStaple(): pkijs.Extension {
  return extension(oids.tlsFeature, false, new asn1js.Sequence({ value: [new asn1js.Integer({ value: 5 })] }))
}

/** RFC 6960 4.2.2.2.1: id-pkix-ocsp-nocheck, extnValue NULL: clients need not check the responder's own status. */
export function ocspNoCheck(): pkijs.Extension {
  return extension(oids.ocspNoCheck, false, new asn1js.Null())
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
 * certificates). pkijs's RelativeDistinguishedNames would put all its typesAndValues in ONE SET
 * (a single multi-valued RDN), so the SEQUENCE OF SET is made here and handed to pkijs as DER,
 * which it then keeps byte for byte (valueBeforeDecode).
 */
export function distinguishedName(attributes: NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(
    (a) =>
      new asn1js.Set({
        value: [
          new pkijs.AttributeTypeAndValue({
            type: attributeOids[a.type],
            value:
              a.type === 'C'
                ? new asn1js.PrintableString({ value: a.value })
                : new asn1js.Utf8String({ value: a.value }),
          }).toSchema(),
        ],
      }),
  )
  return pkijs.RelativeDistinguishedNames.fromBER(derOf(new asn1js.Sequence({ value: rdns })))
}

/** RFC 4514 string, most specific first (as openssl -nameopt RFC2253 and the parser print it). */
export function nameString(attributes: NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map((a) => `${a.type}=${escapeRfc4514(a.value)}`)
    .join(',')
}
