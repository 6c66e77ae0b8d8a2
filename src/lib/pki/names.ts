/**
 * X.501 Name to an RFC 4514 string, byte for byte as `openssl x509 -nameopt RFC2253` prints it
 * (XN_FLAG_RFC2253 in OpenSSL's crypto/x509/x509_obj.c and a_strex.c), so our output can be
 * compared with openssl's:
 * - RDNs in reverse order, joined by ","; OpenSSL reverses the flat list of attributes, so the
 *   attributes of a multi-valued RDN come in reverse DER order too, joined by "+";
 * - OpenSSL's short attribute names (oids.ts), the dotted OID otherwise, whose value is then
 *   "#" and the uppercase hex of the value's whole DER;
 * - the value as UTF-8 (BMPString and UniversalString converted, TeletexString read as Latin-1),
 *   with `, + " \ < > ;` escaped by a backslash, a leading "#" or space and a trailing space
 *   escaped, and control characters and every byte above 0x7f written as \XX.
 */
import { contentOf, wholeOf, type DerNode } from './der.ts'
import { nameAttributes } from './oids.ts'
import { decodeOid, decodeString, toHex } from './values.ts'

const utf8 = new TextEncoder()
const specials = new Set([',', '+', '"', '\\', '<', '>', ';'])

function hexByte(b: number): string {
  return '\\' + b.toString(16).toUpperCase().padStart(2, '0')
}

export function escapeRfc4514(text: string): string {
  const bytes = utf8.encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    const ch = String.fromCharCode(b)
    if (b >= 0x80 || b < 0x20 || b === 0x7f) out += hexByte(b)
    else if (specials.has(ch)) out += '\\' + ch
    else if ((i === 0 && (ch === '#' || ch === ' ')) || (i === bytes.length - 1 && ch === ' '))
      out += '\\' + ch
    else out += ch
  }
  return out
}

function attribute(bytes: Uint8Array, atv: DerNode): string {
  const [type, value] = atv.children
  const oid = type && type.tagNumber === 6 ? (decodeOid(contentOf(bytes, type)) ?? '?') : '?'
  const short = nameAttributes[oid]
  if (!value) return `${short ?? oid}=`
  const text =
    value.tagClass === 'universal' ? decodeString(value.tagNumber, contentOf(bytes, value)) : undefined
  if (short === undefined || text === undefined) {
    return `${short ?? oid}=#${toHex(wholeOf(bytes, value)).toUpperCase()}`
  }
  return `${short}=${escapeRfc4514(text)}`
}

/** `name` is the Name SEQUENCE (RDNSequence) node; each child is a SET of AttributeTypeAndValue. */
export function rfc4514(bytes: Uint8Array, name: DerNode): string {
  return name.children
    .map((rdn) =>
      rdn.children
        .map((atv) => attribute(bytes, atv))
        .reverse()
        .join('+'),
    )
    .reverse()
    .join(',')
}

/** The value of the first attribute of a type (e.g. the CN, '2.5.4.3'), unescaped, for display. */
export function firstAttribute(bytes: Uint8Array, name: DerNode, oid: string): string | undefined {
  for (const rdn of name.children) {
    for (const atv of rdn.children) {
      const [type, value] = atv.children
      if (type && value && decodeOid(contentOf(bytes, type)) === oid) {
        return decodeString(value.tagNumber, contentOf(bytes, value))
      }
    }
  }
  return undefined
}
