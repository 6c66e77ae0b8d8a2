/**
 * What a DER object is, from its outer shape alone (the ASN.1 modules of RFC 5280, RFC 6960,
 * RFC 2986, RFC 5652, RFC 5208/5958, RFC 8017, RFC 5915, RFC 7292). The PEM label is only a
 * hint: the bytes decide, so a mislabelled block is still read for what it is.
 */
import { contentOf, type DerNode } from './der.ts'
import { contentTypes } from './oids.ts'
import type { ObjectKind } from './types.ts'
import { decodeOid, integerValue, universalTagNames } from './values.ts'

export interface Classification {
  kind: ObjectKind
  /** One sentence for the objects we only recognise (and for a private key, the warning). */
  summary?: string
}

const is = (n: DerNode | undefined, tag: number): n is DerNode =>
  n !== undefined && n.tagClass === 'universal' && n.tagNumber === tag

const isCtx = (n: DerNode | undefined, tag: number): n is DerNode =>
  n !== undefined && n.tagClass === 'context' && n.tagNumber === tag

const isTime = (n: DerNode | undefined) => is(n, 23) || is(n, 24)

function smallInt(bytes: Uint8Array, n: DerNode | undefined): number | undefined {
  return is(n, 2) ? integerValue(contentOf(bytes, n)) : undefined
}

const privateKeyWarning =
  'Staple Lab never displays or keeps private keys: its bytes were discarded. A private key should not leave the server it belongs to.'

/** "This is a private key (PKCS#8). Staple Lab never…": one sentence naming the key, then the warning. */
function privateKey(what: string): Classification {
  return { kind: 'privateKey', summary: `This is ${what}. ${privateKeyWarning}` }
}

/** A private key recognised from its PEM label alone (its base64 is never decoded). */
export function privateKeyFromLabel(label: string): Classification {
  const what: Record<string, string> = {
    'RSA PRIVATE KEY': 'an RSA private key (PKCS#1)',
    'EC PRIVATE KEY': 'an EC private key (SEC 1)',
    'ENCRYPTED PRIVATE KEY': 'an encrypted private key (PKCS#8)',
    'OPENSSH PRIVATE KEY': 'an OpenSSH private key',
    'PRIVATE KEY': 'a private key (PKCS#8)',
  }
  return privateKey(what[label] ?? `a private key (PEM label ${label})`)
}

function isCertId(n: DerNode | undefined): boolean {
  return is(n, 16) && n.children.length === 4 && is(n.children[0], 16) && is(n.children[1], 4)
}

function isOcspRequest(c: DerNode[]): boolean {
  if (c.length > 2 || !is(c[0], 16) || (c[1] && !isCtx(c[1], 0))) return false
  const tbs = c[0].children
  let i = 0
  if (isCtx(tbs[i], 0)) i++
  if (isCtx(tbs[i], 1)) i++
  const list = tbs[i]
  // An empty requestList is valid (RFC 6960 4.1.1 sets no SIZE): the rest of the shape decides.
  const rest = tbs.slice(i + 1)
  return (
    is(list, 16) &&
    list.children.every((r) => is(r, 16) && isCertId(r.children[0])) &&
    (list.children.length > 0 || rest.every((n) => isCtx(n, 2)))
  )
}

function classifySigned(bytes: Uint8Array, tbs: DerNode[]): Classification | undefined {
  if (isCtx(tbs[0], 0) && tbs[0].constructed) return { kind: 'certificate' }
  // v1 certificate: serial, signature, issuer, validity { notBefore, notAfter }, ...
  if (is(tbs[0], 2) && is(tbs[1], 16) && is(tbs[2], 16) && is(tbs[3], 16)) {
    const v = tbs[3].children
    if (v.length === 2 && isTime(v[0]) && isTime(v[1])) return { kind: 'certificate' }
  }
  if (smallInt(bytes, tbs[0]) === 0 && is(tbs[1], 16) && is(tbs[2], 16) && isCtx(tbs[3], 0)) {
    return {
      kind: 'csr',
      summary: 'a certificate signing request (PKCS#10): not an object Staple Lab inspects',
    }
  }
  const crl = is(tbs[0], 2) ? tbs.slice(1) : tbs
  if (is(crl[0], 16) && is(crl[1], 16) && isTime(crl[2])) {
    return {
      kind: 'crl',
      summary: 'a certificate revocation list (CRL, RFC 5280 section 5): not an object Staple Lab inspects',
    }
  }
  return undefined
}

const allIntegers = (nodes: DerNode[]) => nodes.every((x) => is(x, 2))

/** AlgorithmIdentifier (RFC 5280 4.1.1.2): SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
const isAlgorithm = (n: DerNode | undefined) =>
  is(n, 16) && n.children.length >= 1 && n.children.length <= 2 && is(n.children[0], 6)

/** Context-tagged optional fields that may follow, each at most once and in tag order. */
function optionalTail(nodes: DerNode[], tags: number[]): boolean {
  let next = 0
  for (const n of nodes) {
    if (n.tagClass !== 'context') return false
    const at = tags.indexOf(n.tagNumber, next)
    if (at < 0) return false
    next = at + 1
  }
  return true
}

/**
 * Which private key the fields are, if they have one's exact shape; undefined otherwise. Exact,
 * because a key's bytes are thrown away: a loose match (any SEQUENCE of INTEGERs) would discard
 * objects the user wants to see.
 */
function privateKeyShape(bytes: Uint8Array, c: DerNode[]): string | undefined {
  const version = smallInt(bytes, c[0])
  // RFC 5958 2 OneAsymmetricKey (PKCS#8 PrivateKeyInfo is its v1): version, privateKeyAlgorithm,
  // privateKey OCTET STRING, attributes [0] OPTIONAL, publicKey [1] OPTIONAL (v2 only).
  if (
    (version === 0 || version === 1) &&
    isAlgorithm(c[1]) &&
    is(c[2], 4) &&
    optionalTail(c.slice(3), version === 1 ? [0, 1] : [0])
  )
    return 'a private key (PKCS#8)'
  // RFC 5915 3 ECPrivateKey: version 1, privateKey OCTET STRING, parameters [0], publicKey [1].
  if (version === 1 && is(c[1], 4) && c.length <= 4 && optionalTail(c.slice(2), [0, 1]))
    return 'an EC private key (SEC 1)'
  // RFC 8017 A.1.2 RSAPrivateKey: version, then exactly modulus, publicExponent, privateExponent,
  // prime1, prime2, exponent1, exponent2, coefficient; otherPrimeInfos only in version 1 (multi-prime).
  if ((version === 0 || version === 1) && c.length === 9 && allIntegers(c))
    return 'an RSA private key (PKCS#1)'
  if (version === 1 && c.length === 10 && allIntegers(c.slice(0, 9)) && isOtherPrimeInfos(c[9]))
    return 'an RSA private key (PKCS#1, multi-prime)'
  // OpenSSL's DSAPrivateKey: version 0, p, q, g, y (public), x (private).
  if (version === 0 && c.length === 6 && allIntegers(c)) return 'a DSA private key'
  // RFC 7292 4 PFX: version 3, authSafe ContentInfo { contentType OID, content [0] }, macData OPTIONAL.
  if (
    version === 3 &&
    (c.length === 2 || (c.length === 3 && is(c[2], 16))) &&
    is(c[1], 16) &&
    is(c[1].children[0], 6)
  )
    return 'a PKCS#12 (.p12/.pfx) bundle, which holds private keys'
  // RFC 5958 3 EncryptedPrivateKeyInfo: encryptionAlgorithm, encryptedData OCTET STRING.
  if (c.length === 2 && isAlgorithm(c[0]) && is(c[1], 4)) return 'an encrypted private key (PKCS#8)'
  return undefined
}

/** OtherPrimeInfos: SEQUENCE SIZE(1..MAX) OF SEQUENCE { prime, exponent, coefficient INTEGER }. */
function isOtherPrimeInfos(n: DerNode | undefined): boolean {
  return (
    is(n, 16) &&
    n.children.length > 0 &&
    n.children.every((info) => is(info, 16) && info.children.length === 3 && allIntegers(info.children))
  )
}

export function classify(bytes: Uint8Array, node: DerNode): Classification {
  const unknown: Classification = { kind: 'unknown' }
  if (!is(node, 16)) return unknown
  const c = node.children
  if (is(c[0], 10) && c.length <= 2 && (c.length === 1 || isCtx(c[1], 0))) return { kind: 'ocspResponse' }
  if (c.length === 3 && is(c[0], 16) && is(c[1], 16) && is(c[2], 3)) {
    const signed = classifySigned(bytes, c[0].children)
    if (signed) return signed
  }
  if (isOcspRequest(c)) return { kind: 'ocspRequest' }
  if (is(c[0], 6)) {
    const oid = decodeOid(contentOf(bytes, c[0])) ?? ''
    if (oid.startsWith('1.2.840.113549.1.7.')) {
      const type = contentTypes[oid] ?? 'PKCS#7 content'
      return {
        kind: 'pkcs7',
        summary: `a PKCS#7 / CMS message (${type}), such as a .p7b certificate bundle: not an object Staple Lab inspects; export its certificates as PEM to inspect them`,
      }
    }
  }
  const key = privateKeyShape(bytes, c)
  if (key) return privateKey(key)
  return unknown
}

/** A one-line description of an unrecognised DER object, for its 'unsupported' error. */
export function describeShape(node: DerNode): string {
  const names = node.children
    .slice(0, 4)
    .map((c) =>
      c.tagClass === 'universal'
        ? (universalTagNames[c.tagNumber] ?? `tag ${c.tagNumber}`)
        : `[${c.tagNumber}]`,
    )
  const kids = node.children.length
  if (is(node, 16) && kids === 2 && is(node.children[0], 16) && is(node.children[1], 3)) {
    return 'it looks like a public key (SubjectPublicKeyInfo)'
  }
  const universal = node.tagClass === 'universal'
  const what =
    universal && node.tagNumber === 16
      ? 'a SEQUENCE'
      : universal && node.tagNumber === 17
        ? 'a SET'
        : `an element with tag ${node.tagClass} ${node.tagNumber}`
  return kids ? `${what} of ${kids} elements (${names.join(', ')}${kids > 4 ? ', ...' : ''})` : what
}
