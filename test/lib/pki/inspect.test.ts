/**
 * inspectInput parses the first objects of an input and counts the rest, so the page gets at most
 * a hundred objects from a bundle of thousands; the CLI (inspectBytes) still reads every one.
 */
import { describe, expect, it } from 'vitest'
import { inspectBytes, inspectInput } from '../../../src/lib/pki/index.ts'
import { manyPemBlocks, manySmallCertificates } from '../../fixtures/hostileInputs.ts'

describe('inspectInput', () => {
  it('10,000 PEM blocks: the first hundred parsed (each an error naming its block), 9,900 counted', async () => {
    const input = manyPemBlocks(10_000)
    expect(input.length).toBeLessThan(1024 * 1024)
    const { objects, notParsed } = await inspectInput('blocks.pem', input, 100)
    expect(objects).toHaveLength(100)
    expect(notParsed).toBe(9_900)
    expect(objects[99]!.index).toBe(99)
    expect(objects[0]!.result.ok).toBe(false)
  })

  it('4,657 small certificates under the 1 MiB cap: a hundred certificates, the rest counted', async () => {
    const input = manySmallCertificates(4_657)
    expect(input.length).toBeLessThan(1024 * 1024)
    const { objects, notParsed } = await inspectInput('store.pem', input, 100)
    expect(objects.map((o) => o.result.ok && o.result.value.kind)).toEqual(Array(100).fill('certificate'))
    expect(notParsed).toBe(4_557)
  })

  it('without a limit it reads every object, as the CLI does', async () => {
    const all = await inspectBytes('store.pem', manySmallCertificates(250))
    expect(all).toHaveLength(250)
    expect(all.every((o) => o.result.ok && o.result.value.kind === 'certificate')).toBe(true)
  })
})
