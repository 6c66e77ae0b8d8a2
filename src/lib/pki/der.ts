/**
 * A strict, bounded DER reader (ITU-T X.690 section 10) over a Uint8Array.
 *
 * Strict where DER is: a length in more bytes than it needs, a SEQUENCE marked primitive or an
 * INTEGER marked constructed, a BOOLEAN other than 00/ff, a padded INTEGER are errors with their
 * byte, as OpenSSL's d2i refuses them too; what BER would accept is not read as if it were DER.
 *
 * Every byte goes through this reader before anything else looks at it, so the guards live here:
 * a length that runs past its enclosing element or the end of the data, the BER-only indefinite
 * length, and nesting deeper than `maxDepth` (a stack of 10,000 SEQUENCEs must fail fast, not
 * overflow the call stack) all become one-line errors that name the byte offset.
 *
 * It walks the bytes once and keeps only offsets, so the models read fields without copies.
 */
import type { PkiError } from './types.ts'
import { decodeOid } from './values.ts'

export type TagClass = 'universal' | 'application' | 'context' | 'private'

export interface DerNode {
  tagClass: TagClass
  tagNumber: number
  constructed: boolean
  /** Offset of the identifier byte in the buffer the node was read from. */
  offset: number
  headerLength: number
  /** Length of the contents. */
  length: number
  /** Children of a constructed element, or of an OCTET/BIT STRING that holds DER (see `encapsulates`). */
  children: DerNode[]
  /** True when a primitive OCTET STRING or BIT STRING turned out to hold one whole DER element. */
  encapsulates: boolean
}

/** Deep enough for any certificate or OCSP response seen in practice (they nest about 12 levels). */
const maxDepth = 48

const classes: TagClass[] = ['universal', 'application', 'context', 'private']

class DerError extends Error {
  readonly offset: number
  constructor(message: string, offset: number) {
    // No stack trace: these are expected, caught inside this module, and a V8 stack capture cost
    // about 10 us each, which dominated inputs of many small OCTET STRINGs probed for DER.
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(message)
    Error.stackTraceLimit = limit
    this.offset = offset
  }
}

export function contentStart(node: DerNode): number {
  return node.offset + node.headerLength
}

export function end(node: DerNode): number {
  return node.offset + node.headerLength + node.length
}

export function contentOf(bytes: Uint8Array, node: DerNode): Uint8Array<ArrayBuffer> {
  return bytes.subarray(contentStart(node), end(node)) as Uint8Array<ArrayBuffer>
}

export function wholeOf(bytes: Uint8Array, node: DerNode): Uint8Array<ArrayBuffer> {
  return bytes.subarray(node.offset, end(node)) as Uint8Array<ArrayBuffer>
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Where a header ran out, for error messages only. */
function within(limit: number, total: number): string {
  return limit === total
    ? `the end of the data (${plural(total, 'byte')})`
    : `its enclosing element at byte ${limit}`
}

/**
 * Read one identifier and length at `offset`, bounded by `limit` (the end of the enclosing
 * element, or of the data). Throws DerError; callers at the module boundary turn it into a value.
 */
function readHeader(bytes: Uint8Array, offset: number, limit: number, total: number) {
  if (offset >= limit) throw new DerError(`the data ends before the tag at byte ${offset}`, offset)
  const first = bytes[offset]
  let tagNumber = first & 0x1f
  let pos = offset + 1
  if (tagNumber === 0x1f) {
    // High tag number form: base-128 digits, the last one without bit 8 (X.690 8.1.2.4).
    tagNumber = 0
    for (;;) {
      if (pos >= limit)
        throw new DerError(`the tag at byte ${offset} runs past ${within(limit, total)}`, offset)
      const b = bytes[pos++]
      tagNumber = tagNumber * 128 + (b & 0x7f)
      if (tagNumber > 0xffffff) throw new DerError(`the tag number at byte ${offset} is too large`, offset)
      if ((b & 0x80) === 0) break
    }
  }
  if (pos >= limit) throw new DerError(`the data ends before the length at byte ${pos}`, pos)
  const lengthOffset = pos
  const lb = bytes[pos++]
  let length = lb
  if (lb === 0x80) {
    throw new DerError(`indefinite length at byte ${lengthOffset} (allowed in BER, not in DER)`, lengthOffset)
  }
  if (lb > 0x80) {
    const count = lb & 0x7f
    if (count > 4) {
      throw new DerError(
        `the length at byte ${lengthOffset} takes ${count} bytes (a length above 4 GiB)`,
        lengthOffset,
      )
    }
    if (pos + count > limit)
      throw new DerError(`the length at byte ${lengthOffset} runs past ${within(limit, total)}`, lengthOffset)
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos++]
    // X.690 10.1: the definite form in the fewest octets (BER allows padding and the long form).
    if (bytes[lengthOffset + 1] === 0 || length < 0x80) {
      throw new DerError(
        `non-minimal length at byte ${lengthOffset} (${plural(length, 'byte')} written in ${plural(count + 1, 'byte')}; DER allows only the shortest form)`,
        lengthOffset,
      )
    }
  }
  if (pos + length > limit) {
    throw new DerError(
      `the length at byte ${lengthOffset} (${plural(length, 'byte')}) runs past ${within(limit, total)}`,
      lengthOffset,
    )
  }
  return {
    tagClass: classes[first >> 6],
    constructed: (first & 0x20) !== 0,
    tagNumber,
    headerLength: pos - offset,
    length,
  }
}

/**
 * Does one element's header at `start` announce a length that ends exactly at `stop`? A cheap,
 * non-throwing probe: most OCTET STRINGs hold no DER, and a thrown error per string made inputs of
 * many small strings crawl.
 */
function fillsExactly(bytes: Uint8Array, start: number, stop: number): boolean {
  let pos = start + 1
  if ((bytes[start] & 0x1f) === 0x1f) {
    while (pos < stop && bytes[pos] & 0x80) pos++
    pos++
  }
  if (pos >= stop) return false
  const lb = bytes[pos++]
  if (lb === 0x80 || lb > 0x84) return false
  let length = lb
  if (lb > 0x80) {
    const count = lb & 0x7f
    if (pos + count > stop) return false
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos++]
  }
  return pos + length === stop
}

function tryEncapsulated(bytes: Uint8Array, node: DerNode, depth: number, total: number): DerNode[] {
  // An OCTET STRING (extnValue, responseBytes.response) or a BIT STRING with no unused bits
  // (an RSA subjectPublicKey) often carries DER; show it as a subtree when it parses whole.
  let start = contentStart(node)
  const stop = end(node)
  if (node.tagNumber === 3) {
    if (node.length < 2 || bytes[start] !== 0) return []
    start++
  }
  if (start >= stop) return []
  const firstByte = bytes[start]
  // Only a SEQUENCE or SET is a safe guess inside a BIT STRING; an OCTET STRING (an extnValue)
  // may also hold a lone INTEGER (CRL number) or OCTET STRING (key identifier, nonce).
  const likely = node.tagNumber === 3 ? [0x30, 0x31] : [0x30, 0x31, 0x04, 0x02, 0x03, 0x05, 0x0a]
  if (!likely.includes(firstByte) || !fillsExactly(bytes, start, stop)) return []
  try {
    const child = readNode(bytes, start, stop, depth + 1, total)
    return end(child) === stop ? [child] : []
  } catch {
    return []
  }
}

/** Universal types DER encodes primitive (X.690 8.x, 10.2: strings never use the constructed form). */
const primitiveOnly = new Set([
  1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30,
])

/** The form and content rules X.690 section 10-11 adds to BER, for the types certificates use. */
function checkForm(bytes: Uint8Array, node: DerNode): void {
  if (node.tagClass !== 'universal') return
  const tag = node.tagNumber
  const name = tag === 16 ? 'SEQUENCE' : tag === 17 ? 'SET' : `universal type ${tag}`
  if ((tag === 16 || tag === 17) && !node.constructed)
    throw new DerError(`the ${name} at byte ${node.offset} is marked primitive (X.690 8.9.1)`, node.offset)
  if (node.constructed && primitiveOnly.has(tag))
    throw new DerError(
      `the element at byte ${node.offset} (tag 0x${bytes[node.offset].toString(16)}) is marked constructed; DER encodes this type primitive (X.690 10.2)`,
      node.offset,
    )
  const at = contentStart(node)
  if (tag === 1 && (node.length !== 1 || (bytes[at] !== 0 && bytes[at] !== 0xff)))
    throw new DerError(
      `the BOOLEAN at byte ${node.offset} is ${node.length === 1 ? `0x${bytes[at].toString(16).padStart(2, '0')}` : `${node.length} bytes long`}; DER allows only 0x00 (FALSE) or 0xff (TRUE) (X.690 11.1)`,
      node.offset,
    )
  if (tag === 5 && node.length !== 0)
    throw new DerError(`the NULL at byte ${node.offset} has content (X.690 8.8.2)`, node.offset)
  if (tag === 2 || tag === 10) {
    if (node.length === 0)
      throw new DerError(`the INTEGER at byte ${node.offset} is empty (X.690 8.3.1)`, node.offset)
    // X.690 8.3.2: no leading 00 before a byte < 0x80, no leading ff before a byte >= 0x80.
    const padded =
      node.length > 1 &&
      ((bytes[at] === 0 && bytes[at + 1] < 0x80) || (bytes[at] === 0xff && bytes[at + 1] >= 0x80))
    if (padded)
      throw new DerError(
        `the INTEGER at byte ${node.offset} starts with a needless 0x${bytes[at].toString(16).padStart(2, '0')} byte (X.690 8.3.2)`,
        node.offset,
      )
  }
}

function readNode(bytes: Uint8Array, offset: number, limit: number, depth: number, total: number): DerNode {
  if (depth > maxDepth) {
    throw new DerError(`nesting deeper than ${maxDepth} levels at byte ${offset}`, offset)
  }
  const h = readHeader(bytes, offset, limit, total)
  // Fields spelled out: an object spread here made reading 10x slower (V8 dictionary-mode objects).
  const node: DerNode = {
    tagClass: h.tagClass,
    tagNumber: h.tagNumber,
    constructed: h.constructed,
    offset,
    headerLength: h.headerLength,
    length: h.length,
    children: [],
    encapsulates: false,
  }
  checkForm(bytes, node)
  const stop = end(node)
  if (h.constructed) {
    let pos = contentStart(node)
    while (pos < stop) {
      const child = readNode(bytes, pos, stop, depth + 1, total)
      node.children.push(child)
      pos = end(child)
    }
  } else if (h.tagClass === 'universal' && (h.tagNumber === 4 || h.tagNumber === 3)) {
    node.children = tryEncapsulated(bytes, node, depth, total)
    node.encapsulates = node.children.length > 0
  }
  return node
}

/**
 * The first OBJECT IDENTIFIER in the tree that values.ts refuses (an arc over 20 bytes, over 1 kB
 * in all, cut off or padded), or undefined. inspect.ts refuses such an object with the OID's byte,
 * wherever the OID sits (in an extension value the walk does not decode too), as openssl's d2i does.
 */
export function findInvalidOid(bytes: Uint8Array, root: DerNode): DerNode | undefined {
  const stack = [root]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.tagClass === 'universal' && node.tagNumber === 6 && !node.constructed) {
      if (decodeOid(contentOf(bytes, node)) === undefined) return node
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return undefined
}

/**
 * Read exactly one DER element that fills `bytes`. With `allowTrailing`, bytes after the first
 * element are tolerated (OpenSSL's "TRUSTED CERTIFICATE" PEM appends its own data).
 */
export function readDer(
  bytes: Uint8Array,
  { allowTrailing = false } = {},
): { ok: true; node: DerNode } | { ok: false; error: PkiError } {
  if (bytes.length === 0) return { ok: false, error: { code: 'empty', message: 'no bytes to read' } }
  try {
    const node = readNode(bytes, 0, bytes.length, 0, bytes.length)
    const stop = end(node)
    if (stop !== bytes.length && !allowTrailing) {
      const extra = bytes.length - stop
      return {
        ok: false,
        error: {
          code: 'not-der',
          message: `not DER: ${plural(extra, 'byte')} left over after the first element, from byte ${stop}`,
          offset: stop,
        },
      }
    }
    return { ok: true, node }
  } catch (e) {
    if (e instanceof DerError) {
      return { ok: false, error: { code: 'not-der', message: `not DER: ${e.message}`, offset: e.offset } }
    }
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, error: { code: 'not-der', message: `not DER: ${message}` } }
  }
}
