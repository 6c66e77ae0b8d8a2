// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte'
import { tick } from 'svelte'
import { describe, expect, it } from 'vitest'
import Asn1Explorer from '../../../../src/components/inspect/asn1/Asn1Explorer.svelte'
import { smallDer, smallTree } from '../models'

function litOffsets(container: HTMLElement, kind: 'header' | 'content'): number[] {
  return [...container.querySelectorAll(`.b[data-hl="${kind}"]`)].map((el) =>
    Number((el as HTMLElement).dataset.offset),
  )
}

describe('Asn1Explorer', () => {
  it('is an ARIA tree whose items carry level, position and expansion', () => {
    render(Asn1Explorer, { root: smallTree, der: smallDer, label: 'test object' })
    const tree = screen.getByRole('tree', { name: 'ASN.1 structure of test object' })
    const items = screen.getAllByRole('treeitem')
    expect(tree).toBeTruthy()
    expect(items).toHaveLength(3)
    expect(items[0].getAttribute('aria-expanded')).toBe('true')
    expect(items[2].getAttribute('aria-level')).toBe('2')
    expect(items[2].getAttribute('aria-posinset')).toBe('2')
    expect(items[2].getAttribute('aria-setsize')).toBe('2')
    // One tab stop for the whole tree (roving tabindex).
    expect(items.filter((item) => item.tabIndex === 0)).toHaveLength(1)
  })

  it('moves with the arrow keys and collapses with ArrowLeft', async () => {
    render(Asn1Explorer, { root: smallTree, der: smallDer, label: 'test object' })
    const [root] = screen.getAllByRole('treeitem')
    root.focus()
    await fireEvent.keyDown(root, { key: 'ArrowDown' })
    await tick()
    expect(document.activeElement?.textContent).toContain('INTEGER')
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    await tick()
    expect(document.activeElement).toBe(root)
    await fireEvent.keyDown(root, { key: 'ArrowLeft' })
    await tick()
    expect(root.getAttribute('aria-expanded')).toBe('false')
    expect(screen.getAllByRole('treeitem')).toHaveLength(1)
  })

  it('lights a node’s header and contents in the hex dump on hover', async () => {
    const { container } = render(Asn1Explorer, { root: smallTree, der: smallDer, label: 'test object' })
    expect(litOffsets(container, 'content')).toEqual([])
    const integer = screen.getAllByRole('treeitem')[1]
    await fireEvent.mouseEnter(integer)
    expect(litOffsets(container, 'header')).toEqual([2, 3])
    expect(litOffsets(container, 'content')).toEqual([4])
  })

  it('selects the deepest node holding a clicked byte', async () => {
    const { container } = render(Asn1Explorer, { root: smallTree, der: smallDer, label: 'test object' })
    const lastByte = container.querySelector<HTMLElement>('.b[data-offset="6"]')!
    await fireEvent.click(lastByte)
    await tick()
    const octetString = screen.getAllByRole('treeitem')[2]
    expect(octetString.getAttribute('aria-selected')).toBe('true')
    expect(litOffsets(container, 'header')).toEqual([5, 6])
    expect(litOffsets(container, 'content')).toEqual([7])
  })
})
