/**
 * Shared pieces of the pkijs-backed model builders: turning a pkijs throw into our one-line
 * `Malformed`, integers, RFC 4514 names (fed the Name's own DER bytes, so they stay
 * byte-identical to openssl's) and extensions (pkijs's extnID/critical/extnValue, values decoded
 * by pkijs where its parsedValue is enough and by extensions.ts otherwise).
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { readDer } from '../der.ts'
import { emptyDecoded, decodeExtensionValue, type DecodedExtensions } from '../extensions.ts'
import { extnValueNotDer, Malformed } from '../fields.ts'
import { rfc4514 } from '../names.ts'
import { nonceFromExtnValue } from '../certId.ts'
import {
  certIdHashName,
  extendedKeyUsages,
  extensionNames,
  nonceOid,
  policies as policyNames,
} from '../oids.ts'
import type { CertID, Extension } from '../types.ts'
import { integerHex, toHex } from '../values.ts'

/**
 * asn1js's reading, told not to parse every OCTET STRING's content on its own (parseEmbedded):
 * der.ts's tree decides what is DER, and inspect.ts has checked each OID in it, so nothing asn1js
 * reads can be a hostile OID (asn1js takes quadratic time on an OID of many arcs).
 */
export function asn1Of(der: Uint8Array): ReturnType<typeof asn1js.fromBER> {
  return asn1js.fromBER(der, { parseEmbedded: false })
}

/** Like pkijs's fromBER, but keeps the schema matcher's own reason (fromBER replaces it). */
export function fromSchema<T>(what: string, der: Uint8Array, make: (schema: asn1js.AsnType) => T): T {
  return fromPkijs(what, () => {
    const asn1 = asn1Of(der)
    if (asn1.offset === -1) throw new Error(asn1.result.error)
    return make(asn1.result)
  })
}

/** A pkijs/asn1js error (or a property read on a half-built object) as our one-line value. */
export function fromPkijs<T>(what: string, build: () => T): T {
  try {
    return build()
  } catch (e) {
    if (e instanceof Malformed) throw e
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]
    throw new Malformed(`malformed ${what}: it does not match its ASN.1 definition (pkijs: ${why})`, 0)
  }
}

export function bad(what: string, field: string, problem: string): never {
  throw new Malformed(`malformed ${what}: ${field} ${problem}`, 0)
}

export function integerHexOf(n: asn1js.Integer): string {
  return integerHex(n.valueBlock.valueHexView)
}

/** The Name's DER (pkijs keeps the bytes it read: valueBeforeDecode) through names.ts. */
export function nameString(
  what: string,
  field: string,
  name: pkijs.RelativeDistinguishedNames,
  der = nameDer(name),
): string {
  const read = readDer(der)
  if (!read.ok) bad(what, field, `is not a DER Name (${read.error.message})`)
  return rfc4514(der, read.node)
}

export function nameDer(name: pkijs.RelativeDistinguishedNames): Uint8Array<ArrayBuffer> {
  // The bytes pkijs read (it keeps them for toSchema); re-encode only a Name built in code.
  if (name.valueBeforeDecode.byteLength > 0) return new Uint8Array(name.valueBeforeDecode)
  return new Uint8Array(name.toSchema().toBER(false))
}

/** A CertID with any digest, named (see certId.ts readCertId). */
export function certIdOf(certId: pkijs.CertID): CertID {
  return {
    hashAlgorithm: certIdHashName(certId.hashAlgorithm.algorithmId),
    issuerNameHash: toHex(certId.issuerNameHash.valueBlock.valueHexView),
    issuerKeyHash: toHex(certId.issuerKeyHash.valueBlock.valueHexView),
    serialNumber: integerHexOf(certId.serialNumber),
  }
}

export function extensionList(extensions: pkijs.Extension[] | undefined): Extension[] {
  return (extensions ?? []).map((e) => {
    const value = e.extnValue.valueBlock.valueHexView
    const ext: Extension = {
      oid: e.extnID,
      name: extensionNames[e.extnID] ?? e.extnID,
      critical: e.critical,
      valueHex: toHex(value),
    }
    const notDer = extnValueNotDer(value)
    if (notDer !== undefined) ext.notDer = notDer
    return ext
  })
}

/** The nonce among pkijs's extensions, as hex (see certId.ts nonceFromExtnValue). */
export function nonceOf(extensions: pkijs.Extension[] | undefined): string | undefined {
  const ext = extensions?.find((e) => e.extnID === nonceOid)
  return ext ? nonceFromExtnValue(ext.extnValue.valueBlock.valueHexView).hex : undefined
}

function ip(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.')
  if (bytes.length === 16) {
    const groups: string[] = []
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16))
    return groups.join(':')
  }
  return toHex(bytes)
}

/** One pkijs GeneralName (RFC 5280 4.2.1.6) in OpenSSL's "DNS:example.com" style. */
export function generalNameString(g: pkijs.GeneralName): string {
  const value: unknown = g.value
  switch (g.type) {
    case 1:
      return `email:${String(value)}`
    case 2:
      return `DNS:${String(value)}`
    case 6:
      return `URI:${String(value)}`
    case 7:
      return value instanceof asn1js.OctetString ? `IP:${ip(value.valueBlock.valueHexView)}` : 'IP:?'
    case 4:
      return 'DirName'
    case 8:
      return `RID:${String(value)}`
    default:
      return 'othername'
  }
}

/**
 * Decode the extensions the inspector explains, from pkijs's Extension objects: the values of
 * basicConstraints, EKU and policies from pkijs's parsedValue; extensions.ts for the rest (key
 * usage bits, TLS Feature, SCT count, SKI, ocsp-nocheck, and the GeneralName-heavy SAN, AIA,
 * CRL DP and AKI, see below) and for any value pkijs could not parse.
 */
export function decodeExtensionsOf(extensions: pkijs.Extension[] | undefined): DecodedExtensions {
  const out = emptyDecoded()
  for (const e of extensions ?? []) {
    const der = e.extnValue.valueBlock.valueHexView
    const read = readDer(der)
    // A value der.ts refuses is left undecoded (its hex and why stay in `extensions`): pkijs's
    // parsedValue comes from asn1js's BER reader and must not decide what DER did not say.
    if (!read.ok) continue
    if (!fromParsedValue(e, out)) decodeExtensionValue(der, e.extnID, read.node, out)
  }
  return out
}

/** The extensions read from pkijs's parsedValue; it is parsed lazily, so others cost nothing. */
// Not SAN, AIA, CRL DP or AKI: pkijs matches each GeneralName against its whole CHOICE schema
// and re-encodes strings, 0.2-0.6 ms per extension here (scripts/bench/parse.ts), several times
// the rest of the certificate; extensions.ts reads them from der.ts's tree in microseconds.
const fromPkijsValue = new Set(['2.5.29.19', '2.5.29.37', '2.5.29.32'])

function fromParsedValue(e: pkijs.Extension, out: DecodedExtensions): boolean {
  if (!fromPkijsValue.has(e.extnID)) return false
  const v: unknown = e.parsedValue
  if (v === undefined || v === null || (typeof v === 'object' && 'parsingError' in v)) return false
  switch (e.extnID) {
    case '2.5.29.19': {
      if (!(v instanceof pkijs.BasicConstraints)) return false
      const ca = v.cA
      const p: unknown = v.pathLenConstraint
      const pathLength =
        typeof p === 'number' ? p : p instanceof asn1js.Integer ? p.valueBlock.valueDec : undefined
      out.basicConstraints = pathLength === undefined ? { ca } : { ca, pathLength }
      return true
    }
    case '2.5.29.37':
      if (!(v instanceof pkijs.ExtKeyUsage)) return false
      out.extendedKeyUsage.push(...v.keyPurposes.map((k) => extendedKeyUsages[k] ?? k))
      return true
    case '2.5.29.32':
      if (!(v instanceof pkijs.CertificatePolicies)) return false
      for (const p of v.certificatePolicies) {
        const id = p.policyIdentifier
        out.policies.push(policyNames[id] ? { oid: id, name: policyNames[id] } : { oid: id })
      }
      return true
    default:
      return false
  }
}
