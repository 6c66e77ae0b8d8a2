/**
 * X.501 Names (RFC 5280 4.1.2.4). Our models and the JSON carry a Name as an RFC 4514 string,
 * written the way `openssl x509 -nameopt RFC2253,-esc_msb,-esc_ctrl` prints it (XN_FLAG_RFC2253 in
 * OpenSSL's crypto/x509/v3_utl.c and a_strex.c, less the escaping RFC 4514 does not require):
 * - RDNs in reverse order, joined by ","; OpenSSL reverses the flat list of attributes, so the
 *   attributes of a multi-valued RDN come in reverse DER order too, joined by "+";
 * - OpenSSL's short attribute names (oids.ts); an unknown type as its dotted OID, whose value is
 *   then "#" and the uppercase hex of the value's whole DER (RFC 4514 2.4), as is a value that is
 *   not a string or whose bytes are not a valid encoding of its string type;
 * - the text as UTF-8 (RFC 4514 2.4 allows any UTF-8), with only what section 2.4 requires escaped:
 *   `" + , ; < > \` by a backslash, a leading "#" or space, a trailing space, and NUL as \00.
 * The same module reads such a string back into a `DistinguishedName`, the model the page and the
 * CLI show (shownName.ts), so a name read from DER and one read from the JSON show the same.
 */
import { contentOf, readDer, wholeOf, type DerNode } from './der.ts'
import { decodeDirectoryString, stringTypes, type StringTypeName } from './directoryString.ts'
import { nameAttributes } from './oids.ts'
import { decodeOid, fromHex, toHex } from './values.ts'

/** One attribute's value: its text, or the bytes of a value that has no text. */
export type AttributeValue =
  | { kind: 'text'; text: string }
  /** A string type whose bytes are not a valid encoding of it; `bytes` is the content, hex. */
  | { kind: 'invalid'; stringType: StringTypeName; bytes: string; problem: string }
  /** A value that is not a string (RFC 4514 2.4 hexstring); `der` is its whole DER, hex. */
  | { kind: 'binary'; der: string }

export interface NameAttribute {
  /** OpenSSL's short name ("CN", "O") or the dotted OID. */
  type: string
  value: AttributeValue
}

/**
 * RDNs most specific first, as RFC 4514 writes them; the attributes of each in the order OpenSSL
 * prints them. An RDN with no attribute (invalid: RFC 5280 says SET SIZE (1..MAX)) is an empty list.
 */
export type DistinguishedName = NameAttribute[][]

const commonNameOid = '2.5.4.3'
const utf8 = new TextEncoder()
const specials = new Set([',', '+', '"', '\\', '<', '>', ';'])

/** RFC 4514 2.4: escape what the grammar needs and nothing more; other text stays UTF-8. */
export function escapeRfc4514(text: string): string {
  const chars = [...text]
  return chars
    .map((ch, i) => {
      if (ch === '\0') return '\\00'
      if (specials.has(ch)) return '\\' + ch
      if ((i === 0 && (ch === '#' || ch === ' ')) || (i === chars.length - 1 && ch === ' ')) return '\\' + ch
      return ch
    })
    .join('')
}

function attributeOf(bytes: Uint8Array, atv: DerNode): NameAttribute & { oid: string; der: string } {
  const [typeNode, valueNode] = atv.children
  const oid = typeNode && typeNode.tagNumber === 6 ? (decodeOid(contentOf(bytes, typeNode)) ?? '?') : '?'
  const type = nameAttributes[oid] ?? oid
  if (!valueNode) return { type, oid, der: '', value: { kind: 'binary', der: '' } }
  const der = toHex(wholeOf(bytes, valueNode)).toUpperCase()
  return { type, oid, der, value: valueOf(bytes, valueNode) }
}

function valueOf(bytes: Uint8Array, node: DerNode): AttributeValue {
  const content = contentOf(bytes, node)
  const decoded =
    node.tagClass === 'universal' && !node.constructed
      ? decodeDirectoryString(node.tagNumber, content)
      : undefined
  if (!decoded) return { kind: 'binary', der: toHex(wholeOf(bytes, node)).toUpperCase() }
  if (decoded.ok) return { kind: 'text', text: decoded.text }
  const stringType = stringTypes[node.tagNumber] ?? 'UTF8String'
  return { kind: 'invalid', stringType, bytes: toHex(content).toUpperCase(), problem: decoded.problem }
}

/** `rdnSequence` is the Name SEQUENCE node; each child a SET of AttributeTypeAndValue. */
function attributesOf(bytes: Uint8Array, rdnSequence: DerNode) {
  return rdnSequence.children
    .map((rdn) => rdn.children.map((atv) => attributeOf(bytes, atv)).reverse())
    .reverse()
}

/** The Name's model, read from its DER. */
export function readName(bytes: Uint8Array, rdnSequence: DerNode): DistinguishedName {
  return attributesOf(bytes, rdnSequence).map((rdn) => rdn.map(({ type, value }) => ({ type, value })))
}

/** The Name as an RFC 4514 string (see the top of this file). */
export function rfc4514(bytes: Uint8Array, rdnSequence: DerNode): string {
  return attributesOf(bytes, rdnSequence)
    .map((rdn) =>
      rdn
        .map((a) => {
          const known = nameAttributes[a.oid] !== undefined
          return `${a.type}=${known && a.value.kind === 'text' ? escapeRfc4514(a.value.text) : '#' + a.der}`
        })
        .join('+'),
    )
    .join(',')
}

/** Splits at each `separator` that no backslash escapes. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1]
      i++
    } else if (ch === separator) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

function hexValue(hex: string): AttributeValue {
  const bytes = /^(?:[0-9a-fA-F]{2})+$/.test(hex) ? fromHex(hex) : new Uint8Array(0)
  const read = readDer(bytes)
  if (!read.ok) return { kind: 'binary', der: hex.toUpperCase() }
  return valueOf(bytes, read.node)
}

/** A UTF-16 surrogate without its pair: UTF-8 cannot encode it (TextEncoder writes U+FFFD instead). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * An RFC 4514 value's text: `\` before a special character stands for it, `\XX` for one byte of
 * the UTF-8 encoding (RFC 4514 3), so the older RFC 2253 form (`Z\C3\BCrich`) reads the same.
 */
function stringValue(raw: string): AttributeValue {
  // Nothing escaped and no lone surrogate: the bytes below would decode to `raw` itself. The page
  // shows a dozen names per drop, and encoding them a character at a time was most of their cost.
  if (!raw.includes('\\') && !loneSurrogate.test(raw)) return { kind: 'text', text: raw }
  const bytes: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const pair = raw[i] === '\\' ? raw.slice(i + 1, i + 3) : ''
    if (/^[0-9a-fA-F]{2}$/.test(pair)) {
      bytes.push(parseInt(pair, 16))
      i += 2
      continue
    }
    if (raw[i] === '\\' && i + 1 < raw.length) i++
    const cp = raw.codePointAt(i) ?? 0
    if (cp > 0xffff) i++
    bytes.push(...utf8.encode(String.fromCodePoint(cp)))
  }
  const decoded = decodeDirectoryString(12, new Uint8Array(bytes))
  if (!decoded || decoded.ok) return { kind: 'text', text: decoded?.text ?? '' }
  return {
    kind: 'invalid',
    stringType: 'UTF8String',
    bytes: toHex(new Uint8Array(bytes)).toUpperCase(),
    problem: decoded.problem,
  }
}

/** Reads an RFC 4514 string (ours, or any RFC 2253/4514 one) into the model. */
export function parseRfc4514(name: string): DistinguishedName {
  if (name === '') return []
  return splitUnescaped(name, ',').map((rdn) =>
    rdn === ''
      ? []
      : splitUnescaped(rdn, '+').map((atv) => {
          const eq = atv.indexOf('=')
          const type = eq < 0 ? atv : atv.slice(0, eq)
          const raw = eq < 0 ? '' : atv.slice(eq + 1)
          return { type, value: raw.startsWith('#') ? hexValue(raw.slice(1)) : stringValue(raw) }
        }),
  )
}

/**
 * The subject's common name (the most specific CN, the one a browser shows), or undefined when
 * the name has none. The one place that picks a CN out of a name: the inspector's titles, the
 * chain and the scenario bridge all ask here.
 */
export function commonName(name: string): AttributeValue | undefined {
  const type = nameAttributes[commonNameOid]
  for (const rdn of parseRfc4514(name)) {
    const cn = rdn.find((a) => a.type === type)
    if (cn) return cn.value
  }
  return undefined
}
