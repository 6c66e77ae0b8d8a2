import { describe, expect, it, vi } from 'vitest'
import { Inspector, type InputFile } from '../../../src/components/inspect/inspector.svelte'
import type { InspectedObject } from '../../../src/lib/pki/types'
import type { CallResult, ParseClient } from '../../../src/workers/parseClient'
import { stapleIdOf } from '../../../src/lib/bridge/provenance'
import { maxObjectsPerInput, type InspectedInput, type OcspCheckInput } from '../../../src/workers/protocol'
import { certificate, ocspResponse, singleResponse } from './models'

/**
 * A client that answers like the worker would, without one: it parses at most `maxObjects` of
 * what `inspect` finds, and counts the rest.
 */
function fakeClient(
  inspect: (source: string, bytes: Uint8Array) => CallResult<InspectedObject[]>,
): ParseClient {
  return {
    hello: async () => ({ ok: true, value: { maxInputBytes: 100 } }),
    inspect: async (
      source: string,
      bytes: Uint8Array,
      maxObjects: number,
    ): Promise<CallResult<InspectedInput>> => {
      const found = inspect(source, bytes)
      if (!found.ok) return found
      const objects = found.value.slice(0, maxObjects)
      return { ok: true, value: { objects, notParsed: found.value.length - objects.length } }
    },
    buildChain: async () => ({ ok: true, value: [] }),
    checkOcsp: async () => ({ ok: true, value: [] }),
  } as unknown as ParseClient
}

function file(
  name: string,
  size: number,
  read: () => Promise<ArrayBuffer> = async () => new ArrayBuffer(size),
): InputFile {
  return { name, size, arrayBuffer: read }
}

const certificateObject = (source: string): InspectedObject => ({
  source,
  index: 0,
  encoding: 'pem',
  pemLabel: 'CERTIFICATE',
  der: new Uint8Array([0x30, 0x00]),
  result: { ok: true, value: certificate() },
})

describe('Inspector', () => {
  it('refuses a file above the limit without reading it, and still shows the others of the same drop', async () => {
    let readBig = false
    const inspector = new Inspector(
      fakeClient((source) => ({ ok: true, value: [certificateObject(source)] })),
    )
    await inspector.addFiles([
      file('big.der', 5 * 1024 * 1024, async () => {
        readBig = true
        return new ArrayBuffer(0)
      }),
      file('leaf.pem', 10),
    ])
    expect(readBig).toBe(false)
    expect(inspector.cards.map((card) => card.type)).toEqual(['inputError', 'object'])
    const [error] = inspector.cards
    expect(error.type === 'inputError' && error.message).toBe(
      '5 MiB is over the 100 bytes limit, so it was not read',
    )
  })

  it('turns a worker failure into an error card naming the input', async () => {
    const inspector = new Inspector(
      fakeClient(() => ({
        ok: false,
        error: { code: 'timeout', message: 'the parser did not answer within 10 s' },
      })),
    )
    await inspector.addFiles([file('hostile.der', 10)])
    expect(inspector.cards).toMatchObject([{ type: 'inputError', source: 'hostile.der', message: /10 s/ }])
  })

  it('never keeps the bytes of a private key', async () => {
    const inspector = new Inspector(
      fakeClient((source) => ({
        ok: true,
        value: [
          {
            ...certificateObject(source),
            der: new Uint8Array([1, 2, 3]),
            result: { ok: true, value: { kind: 'privateKey', summary: 'An RSA private key.' } },
          },
        ],
      })),
    )
    await inspector.addText('-----BEGIN RSA PRIVATE KEY-----')
    const [card] = inspector.cards
    expect(card.type === 'object' && card.object.der.length).toBe(0)
  })

  it('shows the first hundred objects of a drop and one card counting the rest, across its files', async () => {
    expect(maxObjectsPerInput).toBe(100)
    const many = (source: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ ...certificateObject(source), index: i }))
    const inspector = new Inspector(
      fakeClient((source) => ({ ok: true, value: many(source, source === 'store.pem' ? 4657 : 30) })),
    )
    await inspector.addFiles([file('store.pem', 10), file('more.pem', 10)])
    const types = inspector.cards.map((card) => card.type)
    expect(types.filter((t) => t === 'object')).toHaveLength(100)
    expect(inspector.cards.filter((card) => card.type === 'notShown')).toEqual([
      expect.objectContaining({ source: 'store.pem', count: 4557 }),
      expect.objectContaining({ source: 'more.pem', count: 30 }),
    ])
    // In the order they were found: the store's hundred, its note, then the second file's note.
    expect(types.slice(99)).toEqual(['object', 'notShown', 'notShown'])
    expect(inspector.objectCount).toBe(100)
    expect(inspector.notShownCount).toBe(4587)
  })

  it('a paste has its own hundred', async () => {
    const inspector = new Inspector(
      fakeClient((source) => ({
        ok: true,
        value: Array.from({ length: 120 }, (_, i) => ({ ...certificateObject(source), index: i })),
      })),
    )
    await inspector.addText('-----BEGIN CERTIFICATE-----')
    await inspector.addText('-----BEGIN CERTIFICATE-----')
    expect(inspector.objectCount).toBe(200)
    expect(inspector.notShownCount).toBe(40)
  })

  it('removes one card, and clears all', async () => {
    const inspector = new Inspector(
      fakeClient((source) => ({ ok: true, value: [certificateObject(source)] })),
    )
    await inspector.addFiles([file('a.pem', 10), file('b.pem', 10)])
    inspector.remove(inspector.cards[0].key)
    expect(inspector.cards.map((card) => card.type === 'object' && card.object.source)).toEqual(['b.pem'])
    inspector.clear()
    expect(inspector.cards).toEqual([])
  })

  it('runs the checklists again with a new clock-skew allowance, and simulates with the same one', async () => {
    const asked: OcspCheckInput[] = []
    const responseDer = new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x00])
    const client = {
      ...fakeClient((source) =>
        source === 'resp.der'
          ? {
              ok: true,
              value: [
                {
                  ...certificateObject(source),
                  pemLabel: undefined,
                  encoding: 'der' as const,
                  der: responseDer,
                  result: {
                    ok: true as const,
                    // nextUpdate 200 s before the clock below: stale without skew, fresh with 300 s.
                    value: ocspResponse([singleResponse({ nextUpdate: '2026-11-25T00:00:00Z' })]),
                  },
                },
              ],
            }
          : { ok: true, value: [certificateObject(source)] },
      ),
      checkOcsp: async (input: OcspCheckInput) => {
        asked.push(input)
        return { ok: true, value: [] }
      },
    } as unknown as ParseClient
    const inspector = new Inspector(client)
    await inspector.addFiles([file('leaf.pem', 10), file('resp.der', 5)])
    await vi.waitFor(() => expect(asked.at(-1)?.skewSeconds).toBe(300))

    const leafKey = inspector.cards[0].key
    const at = new Date('2026-11-25T00:03:20Z')
    const withSkew = inspector.scenarioFor(leafKey, at)
    expect(withSkew?.ok && withSkew.value.scenario.staple).toBe('fresh')
    expect(withSkew?.ok && withSkew.value.provenance.stapleId).toBe(stapleIdOf(responseDer))
    expect(inspector.cardWithStaple(stapleIdOf(responseDer))).toBe(inspector.cards[1].key)

    inspector.setSkew(0)
    await vi.waitFor(() => expect(asked.at(-1)?.skewSeconds).toBe(0))
    const strict = inspector.scenarioFor(leafKey, at)
    expect(strict?.ok && strict.value.scenario.staple).toBe('stale')
  })
})
