/**
 * Reading the fields of an ASN.1 SEQUENCE in order, the way the RFC's module lists them. A field
 * of the wrong type becomes a `Malformed` error that names the structure, the field (with the
 * RFC's name) and the byte, e.g. "malformed certificate: tbsCertificate.validity at byte 142 should
 * be a SEQUENCE, found an INTEGER". Models throw it; inspect.ts turns it into a value.
 */
import { contentOf, readDer, type DerNode } from './der.ts'
import { extensionNames, nonceOid, signatureAlgorithms } from './oids.ts'
import type { Extension, ParseNote } from './types.ts'
import {
  decodeOid,
  integerHex,
  invalidOidText,
  isNegativeInteger,
  latin1,
  readTime,
  toHex,
  universalTagNames,
} from './values.ts'

export class Malformed extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  ENUMERATED: 10,
  SEQUENCE: 16,
  SET: 17,
  GENERALIZED_TIME: 24,
} as const

function describeTag(n: DerNode): string {
  if (n.tagClass === 'universal') return universalTagNames[n.tagNumber] ?? `universal tag ${n.tagNumber}`
  return n.tagClass === 'context' ? `[${n.tagNumber}]` : `${n.tagClass} tag ${n.tagNumber}`
}

export function fail(what: string, field: string, at: number, problem: string): never {
  throw new Malformed(`malformed ${what}: ${field} at byte ${at} ${problem}`, at)
}

/**
 * Walks the children of one constructed node. `what` names the object ("certificate"). `notes`
 * is shared by the whole walk: what the object breaks but is still shown with, at its byte.
 */
export class Fields {
  private i = 0
  constructor(
    readonly bytes: Uint8Array,
    readonly node: DerNode,
    readonly what: string,
    readonly path: string,
    readonly notes: ParseNote[] = [],
  ) {}

  note(code: ParseNote['code'], at: number, message: string): void {
    this.notes.push({ code, message: `${message} (byte ${at})`, offset: at })
  }

  private get current(): DerNode | undefined {
    return this.node.children[this.i]
  }

  /** The next field, which must be a universal type `tag`. */
  next(tag: number, field: string): DerNode {
    const n = this.current
    const expected = universalTagNames[tag]
    const name = this.path ? `${this.path}.${field}` : field
    if (!n) fail(this.what, name, this.node.offset, `is missing (${expected} expected)`)
    if (n.tagClass !== 'universal' || n.tagNumber !== tag) {
      fail(this.what, name, n.offset, `should be ${expected}, found ${describeTag(n)}`)
    }
    this.i++
    return n
  }

  /** The next field when it is one of `tags` (e.g. a Time: UTCTime or GeneralizedTime). */
  nextOneOf(tags: number[], field: string): DerNode {
    const n = this.current
    if (n && n.tagClass === 'universal' && tags.includes(n.tagNumber)) {
      this.i++
      return n
    }
    return this.next(tags[0], field)
  }

  /** An OPTIONAL context-tagged field [tag], or undefined when absent. */
  optional(tag: number): DerNode | undefined {
    const n = this.current
    if (n && n.tagClass === 'context' && n.tagNumber === tag) {
      this.i++
      return n
    }
    return undefined
  }

  /** An OPTIONAL universal field, e.g. BOOLEAN critical DEFAULT FALSE. */
  optionalUniversal(tag: number): DerNode | undefined {
    const n = this.current
    if (n && n.tagClass === 'universal' && n.tagNumber === tag) {
      this.i++
      return n
    }
    return undefined
  }

  content(n: DerNode): Uint8Array<ArrayBuffer> {
    return contentOf(this.bytes, n)
  }

  child(n: DerNode, field: string): Fields {
    return new Fields(this.bytes, n, this.what, this.path ? `${this.path}.${field}` : field, this.notes)
  }
}

function oidOf(f: Fields, n: DerNode, field: string): string {
  const oid = decodeOid(f.content(n))
  if (oid === undefined)
    fail(
      f.what,
      `${f.path}.${field}`,
      n.offset,
      `is not a valid OBJECT IDENTIFIER (${invalidOidText(f.content(n))})`,
    )
  return oid
}

export function timeOf(f: Fields, n: DerNode, field: string): string {
  const t = readTime(n.tagNumber, f.content(n))
  const name = `${f.path}.${field}`
  if (t === undefined)
    fail(f.what, name, n.offset, `is not a valid time ("${latin1(f.content(n).subarray(0, 32))}")`)
  if (t.withoutSeconds)
    f.note(
      'time-without-seconds',
      n.offset,
      `${name} has no seconds ("${latin1(f.content(n))}"): X.680 allows it, RFC 5280 4.1.2.5 does not; read as ${t.iso}`,
    )
  return t.iso
}

/** An INTEGER serial number: its hex (values.ts), with a note when it is negative (RFC 5280 4.1.2.2). */
export function serialOf(f: Fields, n: DerNode, field: string): string {
  const content = f.content(n)
  const hex = integerHex(content)
  if (isNegativeInteger(content))
    f.note(
      'negative-serial',
      n.offset,
      `${f.path}.${field} is negative (${hex}): RFC 5280 4.1.2.2 requires a positive serial number`,
    )
  return hex
}

/**
 * A Name (RFC 5280 4.1.2.4): RDNSequence ::= SEQUENCE OF RelativeDistinguishedName, each a SET OF
 * AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY }. The structure is
 * checked here, naming the field and byte of a mismatch (openssl's d2i refuses these too); the
 * values are not: a string that is not a valid encoding of its type is shown with a marker
 * (names.ts). An empty RDN breaks SIZE (1..MAX) but is shown where it stands, as openssl reads it.
 */
export function nameOf(f: Fields, n: DerNode, field: string): DerNode {
  const rdns = f.child(n, field)
  n.children.forEach((_, i) => {
    const rdn = rdns.next(TAG.SET, `${i}`)
    const atvs = rdns.child(rdn, `${i}`)
    rdn.children.forEach((_, j) => {
      const atv = atvs.child(atvs.next(TAG.SEQUENCE, `${j}`), `${j}`)
      oidOf(atv, atv.next(TAG.OID, 'type'), 'type')
      const value = atv.node.children[1]
      if (!value) fail(f.what, `${atv.path}.value`, atv.node.offset, 'is missing')
      if (atv.node.children.length > 2)
        fail(f.what, atv.path, atv.node.children[2].offset, 'has more than a type and a value')
    })
  })
  return n
}

export interface AlgorithmIdentifier {
  oid: string
  /** OpenSSL's long name where known (sha256WithRSAEncryption), else the OID. */
  name: string
  parameters?: DerNode
}

export function algorithmOf(f: Fields, n: DerNode, field: string): AlgorithmIdentifier {
  const alg = f.child(n, field)
  const oid = oidOf(alg, alg.next(TAG.OID, 'algorithm'), 'algorithm')
  return { oid, name: signatureAlgorithms[oid] ?? oid, parameters: n.children[1] }
}

/**
 * One extension as the walk read it: the model's `ext`, the extnValue OCTET STRING node (offsets in
 * the walked bytes), and, when that value is DER, its content and the content's own tree (offsets
 * in `content`), which extensions.ts decodes.
 */
export interface ExtensionPair {
  ext: Extension
  value: DerNode
  content: Uint8Array<ArrayBuffer>
  inner?: DerNode
}

/**
 * An extnValue's content as a DER tree, or why it is not DER (RFC 5280 4.1: "the DER encoding of
 * an ASN.1 value"). A value that is not DER is never decoded: a BER TLS Feature would otherwise
 * read as must-staple in one tool and not in another.
 */
function extnValueOf(content: Uint8Array): { inner: DerNode } | { notDer: string } {
  const read = readDer(content)
  return read.ok ? { inner: read.node } : { notDer: read.error.message.replace(/^not DER: /, '') }
}

/** Extensions ::= SEQUENCE OF Extension { extnID, critical BOOLEAN DEFAULT FALSE, extnValue } (RFC 5280 4.1). */
export function extensionsOf(f: Fields, seq: DerNode, field: string): ExtensionPair[] {
  const list = f.child(seq, field)
  return seq.children.map((_, i) => {
    const e = list.child(list.next(TAG.SEQUENCE, `${i}`), `${i}`)
    const oid = oidOf(e, e.next(TAG.OID, 'extnID'), 'extnID')
    const criticalNode = e.optionalUniversal(TAG.BOOLEAN)
    const value = e.next(TAG.OCTET_STRING, 'extnValue')
    const critical = criticalNode !== undefined && f.content(criticalNode)[0] !== 0
    const name = extensionNames[oid] ?? oid
    const content = f.content(value)
    const ext: Extension = { oid, name, critical, valueHex: toHex(content) }
    const read = extnValueOf(content)
    if ('inner' in read) return { ext, value, content, inner: read.inner }
    ext.notDer = read.notDer
    // The nonce may hold raw bytes (before RFC 8954); certId.ts says when its OCTET STRING is broken.
    if (oid !== nonceOid)
      f.note(
        'extension-not-der',
        value.offset,
        `the ${name} extension's value is not DER (${read.notDer}), so it is not decoded`,
      )
    return { ext, value, content }
  })
}
