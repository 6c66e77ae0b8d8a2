/**
 * The certificate extensions the inspector explains (RFC 5280 4.2, RFC 7633, RFC 6962, RFC 6960),
 * read from extnValue's DER. A value that does not decode is left undecoded (its hex stays in
 * `extensions`) rather than failing the whole certificate: the page can still show the rest.
 */
import { contentOf, type DerNode } from './der.ts'
import { extendedKeyUsages, policies as policyNames } from './oids.ts'
import { decodeOid, integerValue, latin1, toHex } from './values.ts'

export interface DecodedExtensions {
  subjectAltNames: string[]
  keyUsage: string[]
  extendedKeyUsage: string[]
  basicConstraints?: { ca: boolean; pathLength?: number }
  ocspUrls: string[]
  caIssuersUrls: string[]
  crlUrls: string[]
  sctCount: number
  policies: { oid: string; name?: string }[]
  tlsFeatures: number[]
  ocspNoCheck: boolean
  subjectKeyIdentifier?: string
  authorityKeyIdentifier?: string
}

const keyUsageBits = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
]

function ip(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.')
  if (bytes.length === 16) {
    const groups: string[] = []
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16))
    return groups.join(':')
  }
  return toHex(bytes)
}

/** One GeneralName (RFC 5280 4.2.1.6) in OpenSSL's "DNS:example.com" style. */
export function generalName(bytes: Uint8Array, n: DerNode): string {
  const c = contentOf(bytes, n)
  if (n.tagClass !== 'context') return `?:${toHex(c)}`
  switch (n.tagNumber) {
    case 1:
      return `email:${latin1(c)}`
    case 2:
      return `DNS:${latin1(c)}`
    case 6:
      return `URI:${latin1(c)}`
    case 7:
      return `IP:${ip(c)}`
    case 4:
      return 'DirName'
    case 8:
      return `RID:${decodeOid(c) ?? toHex(c)}`
    default:
      return 'othername'
  }
}

const uris = (bytes: Uint8Array, names: DerNode[]) =>
  names.filter((g) => g.tagClass === 'context' && g.tagNumber === 6).map((g) => latin1(contentOf(bytes, g)))

/** SignedCertificateTimestampList (RFC 6962 3.3): a TLS vector of length-prefixed SCTs. */
function countScts(list: Uint8Array): number {
  if (list.length < 2) return 0
  const total = (list[0] << 8) | list[1]
  let pos = 2
  let count = 0
  while (pos + 2 <= Math.min(list.length, total + 2)) {
    pos += 2 + ((list[pos] << 8) | list[pos + 1])
    count++
  }
  return count
}

/** Decode one extnValue (`inner`: its DER, read by der.ts) into `out`; undecodable values are skipped. */
export function decodeExtensionValue(
  bytes: Uint8Array,
  oid: string,
  inner: DerNode | undefined,
  out: DecodedExtensions,
): void {
  const kids = inner?.children ?? []
  switch (oid) {
    case '2.5.29.19': {
      let ca = false
      let pathLength: number | undefined
      for (const k of kids) {
        if (k.tagNumber === 1) ca = contentOf(bytes, k)[0] !== 0
        if (k.tagNumber === 2) pathLength = integerValue(contentOf(bytes, k))
      }
      out.basicConstraints = pathLength === undefined ? { ca } : { ca, pathLength }
      break
    }
    case '2.5.29.15': {
      if (!inner || inner.tagNumber !== 3) break
      const c = contentOf(bytes, inner)
      keyUsageBits.forEach((name, bit) => {
        const byte = 1 + (bit >> 3)
        if (byte < c.length && c[byte] & (0x80 >> (bit & 7))) out.keyUsage.push(name)
      })
      break
    }
    case '2.5.29.37':
      for (const k of kids) {
        const eku = decodeOid(contentOf(bytes, k)) ?? '?'
        out.extendedKeyUsage.push(extendedKeyUsages[eku] ?? eku)
      }
      break
    case '2.5.29.17':
      out.subjectAltNames.push(...kids.map((k) => generalName(bytes, k)))
      break
    case '2.5.29.14':
      if (inner?.tagNumber === 4) out.subjectKeyIdentifier = toHex(contentOf(bytes, inner))
      break
    case '2.5.29.35': {
      const keyId = kids.find((k) => k.tagClass === 'context' && k.tagNumber === 0)
      if (keyId) out.authorityKeyIdentifier = toHex(contentOf(bytes, keyId))
      break
    }
    case '1.3.6.1.5.5.7.1.1':
      for (const ad of kids) {
        const [method, location] = ad.children
        if (!method || !location) continue
        const m = decodeOid(contentOf(bytes, method))
        const urls = uris(bytes, [location])
        if (m === '1.3.6.1.5.5.7.48.1') out.ocspUrls.push(...urls)
        if (m === '1.3.6.1.5.5.7.48.2') out.caIssuersUrls.push(...urls)
      }
      break
    case '2.5.29.31':
      for (const dp of kids) {
        // distributionPoint [0] (explicit: a CHOICE) holding fullName [0] IMPLICIT GeneralNames
        const name = dp.children.find((k) => k.tagClass === 'context' && k.tagNumber === 0)
        const full = name?.children.find((k) => k.tagClass === 'context' && k.tagNumber === 0)
        if (full) out.crlUrls.push(...uris(bytes, full.children))
      }
      break
    case '1.3.6.1.5.5.7.1.24':
      for (const k of kids) {
        const v = integerValue(contentOf(bytes, k))
        if (v !== undefined) out.tlsFeatures.push(v)
      }
      break
    case '2.5.29.32':
      for (const p of kids) {
        const id = p.children[0] ? decodeOid(contentOf(bytes, p.children[0])) : undefined
        if (id) out.policies.push(policyNames[id] ? { oid: id, name: policyNames[id] } : { oid: id })
      }
      break
    case '1.3.6.1.4.1.11129.2.4.2':
      if (inner?.tagNumber === 4) out.sctCount = countScts(contentOf(bytes, inner))
      break
    case '1.3.6.1.5.5.7.48.1.5':
      out.ocspNoCheck = true
      break
  }
}

export function emptyDecoded(): DecodedExtensions {
  return {
    subjectAltNames: [],
    keyUsage: [],
    extendedKeyUsage: [],
    ocspUrls: [],
    caIssuersUrls: [],
    crlUrls: [],
    sctCount: 0,
    policies: [],
    tlsFeatures: [],
    ocspNoCheck: false,
  }
}
