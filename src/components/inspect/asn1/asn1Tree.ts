/**
 * Pure helpers behind the ASN.1 explorer: stable ids for tree nodes, the rows an ARIA tree shows
 * for a set of expanded nodes, and the deepest node that contains a byte (for clicks in the hex
 * dump). No DOM here, so they are tested in node.
 */
import type { Asn1Node } from '../../../lib/pki/types'

/** A node with its place in the tree: its id is the path of child indexes ("0", "0.2", "0.2.1"). */
export interface PlacedNode {
  id: string
  node: Asn1Node
  depth: number
  parentId: string | undefined
  /** 1-based position among its siblings, and the sibling count (aria-posinset / aria-setsize). */
  position: number
  siblings: number
}

export const rootId = '0'

/** The bytes of one node: [start, contentStart) is its header, [contentStart, end) its contents. */
export interface ByteRange {
  start: number
  contentStart: number
  end: number
}

export function byteRange(node: Asn1Node): ByteRange {
  return { start: node.offset, contentStart: node.offset + node.headerLength, end: nodeEnd(node) }
}

export function childId(parentId: string, index: number): string {
  return `${parentId}.${index}`
}

export function parentOf(id: string): string | undefined {
  const cut = id.lastIndexOf('.')
  return cut < 0 ? undefined : id.slice(0, cut)
}

/** Total bytes a node covers: identifier and length octets plus contents. */
export function nodeEnd(node: Asn1Node): number {
  return node.offset + node.headerLength + node.length
}

/** The node at an id, or undefined when the id does not name one. */
export function nodeAt(root: Asn1Node, id: string): Asn1Node | undefined {
  const steps = id.split('.').slice(1)
  let node: Asn1Node | undefined = root
  for (const step of steps) {
    node = node?.children[Number(step)]
    if (!node) return undefined
  }
  return node
}

/**
 * The rows a tree shows: depth-first, skipping the children of collapsed nodes. Stops after
 * `limit` rows so a huge structure (a CRL with 100,000 entries) costs only what is on screen.
 */
export function visibleRows(root: Asn1Node, expanded: ReadonlySet<string>, limit = Infinity): PlacedNode[] {
  const rows: PlacedNode[] = []
  const walk = (node: Asn1Node, id: string, depth: number, position: number, siblings: number): void => {
    if (rows.length >= limit) return
    rows.push({ id, node, depth, parentId: parentOf(id), position, siblings })
    if (!expanded.has(id)) return
    const count = node.children.length
    for (let i = 0; i < count && rows.length < limit; i++) {
      walk(node.children[i], childId(id, i), depth + 1, i + 1, count)
    }
  }
  walk(root, rootId, 1, 1, 1)
  return rows
}

/** Count of rows visibleRows would give without a limit (to say how many are hidden). */
export function countVisible(root: Asn1Node, expanded: ReadonlySet<string>): number {
  let count = 0
  const stack: [Asn1Node, string][] = [[root, rootId]]
  while (stack.length > 0) {
    const [node, id] = stack.pop()!
    count++
    if (expanded.has(id)) node.children.forEach((child, i) => stack.push([child, childId(id, i)]))
  }
  return count
}

/** Ids of the constructed nodes down to `levels` deep: what the tree opens with. */
export function initiallyExpanded(root: Asn1Node, levels: number): Set<string> {
  const open = new Set<string>()
  const walk = (node: Asn1Node, id: string, depth: number): void => {
    if (depth > levels || node.children.length === 0) return
    // A long list (a CRL's entries, a bundle's certificates) stays closed: opening it would bury the rest.
    if (node.children.length > 64 && depth > 1) return
    open.add(id)
    node.children.forEach((child, i) => walk(child, childId(id, i), depth + 1))
  }
  walk(root, rootId, 1)
  return open
}

/** The deepest node whose bytes include `offset`, as an id; undefined when outside the root. */
export function deepestNodeAt(root: Asn1Node, offset: number): string | undefined {
  if (offset < root.offset || offset >= nodeEnd(root)) return undefined
  let id = rootId
  let node = root
  for (;;) {
    const index = findChild(node.children, offset)
    if (index < 0) return id
    node = node.children[index]
    id = childId(id, index)
  }
}

/** Binary search: children are in byte order and do not overlap. */
function findChild(children: Asn1Node[], offset: number): number {
  let low = 0
  let high = children.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const child = children[mid]
    if (offset < child.offset) high = mid - 1
    else if (offset >= nodeEnd(child)) low = mid + 1
    else return mid
  }
  return -1
}

/** Every ancestor id of a node, root first (to expand them before showing the node). */
export function ancestorsOf(id: string): string[] {
  const ids: string[] = []
  for (let parent = parentOf(id); parent !== undefined; parent = parentOf(parent)) ids.unshift(parent)
  return ids
}
