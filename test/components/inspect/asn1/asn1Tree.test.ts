import { describe, expect, it } from 'vitest'
import {
  ancestorsOf,
  countVisible,
  deepestNodeAt,
  initiallyExpanded,
  nodeAt,
  visibleRows,
} from '../../../../src/components/inspect/asn1/asn1Tree'
import type { Asn1Node } from '../../../../src/lib/pki/types'

function node(offset: number, headerLength: number, length: number, children: Asn1Node[] = []): Asn1Node {
  return {
    tagName: children.length ? 'SEQUENCE' : 'INTEGER',
    tagClass: 'universal',
    tagNumber: children.length ? 16 : 2,
    constructed: children.length > 0,
    offset,
    headerLength,
    length,
    children,
  }
}

// 30 0a | 30 03 02 01 05 | 02 01 07 | 02 01 09  (a SEQUENCE of a SEQUENCE and two INTEGERs)
const inner = node(2, 2, 3, [node(4, 2, 1)])
const root = node(0, 2, 11, [inner, node(7, 2, 1), node(10, 2, 1)])

describe('asn1Tree', () => {
  it('finds the deepest node holding a byte, header bytes included', () => {
    expect(deepestNodeAt(root, 0)).toBe('0')
    expect(deepestNodeAt(root, 2)).toBe('0.0')
    expect(deepestNodeAt(root, 6)).toBe('0.0.0')
    expect(deepestNodeAt(root, 8)).toBe('0.1')
    expect(deepestNodeAt(root, 12)).toBe('0.2')
    expect(deepestNodeAt(root, 13)).toBeUndefined()
  })

  it('lists only rows under expanded nodes, with their level and place among siblings', () => {
    const rows = visibleRows(root, new Set(['0']))
    expect(rows.map((row) => row.id)).toEqual(['0', '0.0', '0.1', '0.2'])
    expect(rows[2]).toMatchObject({ depth: 2, position: 2, siblings: 3, parentId: '0' })
    expect(visibleRows(root, new Set(['0', '0.0'])).map((row) => row.id)).toContain('0.0.0')
    expect(visibleRows(root, new Set(['0', '0.0']), 2)).toHaveLength(2)
    expect(countVisible(root, new Set(['0', '0.0']))).toBe(5)
  })

  it('opens the first levels and resolves ids back to nodes', () => {
    expect([...initiallyExpanded(root, 1)]).toEqual(['0'])
    expect(nodeAt(root, '0.0.0')).toBe(inner.children[0])
    expect(nodeAt(root, '0.7')).toBeUndefined()
    expect(ancestorsOf('0.0.0')).toEqual(['0', '0.0'])
  })
})
