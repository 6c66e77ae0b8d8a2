/**
 * The DER tree for the ASN.1 view: every element with its byte offsets, and a short decoded value
 * (OIDs with their names, strings, times, integers, booleans, bit strings).
 */
import { formatCount } from '../format.ts'
import { contentOf, readDer, type DerNode } from './der.ts'
import { decodeDirectoryString } from './directoryString.ts'
import { oidName } from './oids.ts'
import { showText } from './shownName.ts'
import type { Asn1Node, Result } from './types.ts'
import {
  decodeOid,
  decodeTime,
  integerHex,
  integerValue,
  isNegativeInteger,
  latin1,
  shortHex,
  universalTagNames,
} from './values.ts'

/** Longest value text kept on a node; the full bytes stay in the object's DER. */
const maxValueChars = 80
function truncate(s: string): string {
  return s.length > maxValueChars ? `${s.slice(0, maxValueChars - 1)}…` : s
}

function tagName(node: DerNode): string {
  switch (node.tagClass) {
    case 'universal':
      return universalTagNames[node.tagNumber] ?? `UNIVERSAL ${node.tagNumber}`
    case 'context':
      return `[${node.tagNumber}]`
    case 'application':
      return `[APPLICATION ${node.tagNumber}]`
    default:
      return `[PRIVATE ${node.tagNumber}]`
  }
}

function valueOf(bytes: Uint8Array, node: DerNode): string | undefined {
  if (node.constructed) return undefined
  const content = contentOf(bytes, node)
  if (node.tagClass !== 'universal') return content.length ? shortHex(content) : undefined
  switch (node.tagNumber) {
    case 1:
      return content.length === 1 ? (content[0] ? 'TRUE' : 'FALSE') : shortHex(content)
    case 2:
    case 10: {
      const n = integerValue(content)
      if (n !== undefined) return String(n)
      // A positive one needs only the digits shown (a hostile serial may be 1 MB; the dump has all).
      const negative = isNegativeInteger(content)
      const hex = integerHex(negative ? content : content.subarray(0, maxValueChars))
      const sign = negative ? '-' : ''
      return `${sign}0x${truncate(hex.slice(sign.length))} (${content.length * 8} bits)`
    }
    case 3: {
      if (node.encapsulates) return `encapsulates DER (${content.length - 1} bytes)`
      const unused = content[0] ?? 0
      const bits = Math.max(0, (content.length - 1) * 8 - unused)
      return `${bits} bits: ${shortHex(content.subarray(1)).replace(/ \(\d+ bytes\)$/, '')}`
    }
    case 4:
      return node.encapsulates ? `encapsulates DER (${content.length} bytes)` : shortHex(content)
    case 5:
      return undefined
    case 6: {
      const oid = decodeOid(content)
      if (oid === undefined) return `invalid OID ${shortHex(content)}`
      const name = oidName(oid)
      return name ? `${oid} (${name})` : oid
    }
    case 23:
    case 24:
      return decodeTime(node.tagNumber, content) ?? `invalid time "${truncate(latin1(content))}"`
    default: {
      const text = decodeDirectoryString(node.tagNumber, content)
      if (text && !text.ok) return `${text.problem}: ${shortHex(content)}`
      // Hidden and direction-changing characters as markers (shownName.ts), as in the names view.
      return text ? truncate(showText(text.text).text) : content.length ? shortHex(content) : undefined
    }
  }
}

/**
 * Most nodes the tree carries. A 1 MiB input can hold 350,000 elements; the inspector's worker
 * posts the tree to the page and the page renders it, and nobody reads that far. Past the limit a
 * node stops taking children: its value says how many were left out, and one placeholder child
 * covers their bytes so the tree still tiles the DER and the hex dump can show them.
 */
export const maxTreeNodes = 50_000

function countNodes(nodes: readonly DerNode[]): number {
  let n = 0
  const stack = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    n++
    for (const c of node.children) stack.push(c)
  }
  return n
}

function omittedText(count: number): string {
  return `${formatCount(count)} more ${count === 1 ? 'node' : 'nodes'} not shown (the tree stops at ${formatCount(maxTreeNodes)})`
}

function build(bytes: Uint8Array, node: DerNode, budget: { left: number }): Asn1Node {
  budget.left--
  const out: Asn1Node = {
    tagName: tagName(node),
    tagClass: node.tagClass,
    tagNumber: node.tagNumber,
    constructed: node.constructed,
    offset: node.offset,
    headerLength: node.headerLength,
    length: node.length,
    children: [],
  }
  const value = valueOf(bytes, node)
  if (value !== undefined) out.value = value
  const kids = node.children
  let i = 0
  for (; i < kids.length && budget.left > 0; i++) out.children.push(build(bytes, kids[i], budget))
  if (i < kids.length) {
    const rest = kids.slice(i)
    const text = omittedText(countNodes(rest))
    out.value = out.value === undefined ? text : `${out.value}; ${text}`
    const from = kids[i].offset
    const last = kids[kids.length - 1]
    out.children.push({
      tagName: '…',
      tagClass: 'universal',
      tagNumber: 0,
      constructed: false,
      offset: from,
      headerLength: 0,
      length: last.offset + last.headerLength + last.length - from,
      value: text,
      omitted: true,
      children: [],
    })
  }
  return out
}

/** Turn a DER node (from der.ts) into the inspector's Asn1Node, up to maxTreeNodes nodes. */
export function toAsn1Node(bytes: Uint8Array, node: DerNode): Asn1Node {
  return build(bytes, node, { left: maxTreeNodes })
}

/** The tree of `der`; `allowTrailing` as for readDer (OpenSSL's TRUSTED CERTIFICATE has trust settings after it). */
export function parseAsn1Tree(der: Uint8Array, { allowTrailing = false } = {}): Result<Asn1Node> {
  const read = readDer(der, { allowTrailing })
  if (!read.ok) return read
  return { ok: true, value: toAsn1Node(der, read.node) }
}
