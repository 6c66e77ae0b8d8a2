import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { Inspector, type InputFile } from '../../../src/components/inspect/inspector.svelte'
import { scenarioFor } from '../../../src/components/inspect/simulateWith'
import { stapleIdOf } from '../../../src/lib/bridge/provenance'
import { ParseClient } from '../../../src/workers/parseClient'
import {
  maxObjectsPerInput,
  warmUpRounds,
  warmUpSteps,
  type WorkerRequest,
} from '../../../src/workers/protocol'
import { adds, InProcessWorker } from '../../workers/inProcessWorker'

const bytesOf = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url))

/** A fixture as the browser hands over a chosen file. */
function fixtureFile(path: string): InputFile {
  const bytes = bytesOf(path)
  return {
    name: path.split('/').pop()!,
    size: bytes.length,
    arrayBuffer: async () => new Uint8Array(bytes).buffer,
  }
}

const chainFiles = ['certs/leaf-must-staple.pem', 'certs/intermediate.pem', 'certs/root.pem']
const staple = 'ocsp/resp-must-staple-good.der'

/** Between the staple's thisUpdate (2026-11-24 00:05) and nextUpdate (2026-11-28 00:05). */
const clock = () => new Date('2026-11-25T00:00:00Z')

/** The real parse worker's handlers in this process, recording every message they get. */
function setUp(crashOn?: (request: WorkerRequest) => boolean) {
  const workers: InProcessWorker[] = []
  const client = new ParseClient(() => {
    const worker = new InProcessWorker(crashOn)
    workers.push(worker)
    return worker
  })
  const inspector = new Inspector(client, clock)
  const analyses = () => workers.flatMap((w) => w.requests).filter((r) => r.call === 'analyse')
  return { inspector, workers, analyses }
}

const objectSources = (inspector: Inspector) =>
  inspector.cards.map((card) => (card.type === 'object' ? card.object.source : card.type))

describe('Inspector', () => {
  it('has the worker read its warm-up chain when the view opens, and keeps it off the page', async () => {
    const { inspector, workers } = setUp()
    await inspector.ready
    await vi.waitFor(() => expect(inspector.warmUpSample).toBeDefined())
    // Each step, every round (protocol.ts says why more than once), then nothing more.
    expect(workers.flatMap((w) => w.requests).map((r) => r.call)).toEqual([
      'hello',
      ...Array<string>(warmUpRounds * warmUpSteps).fill('warmUp'),
    ])
    expect(warmUpRounds).toBeGreaterThan(1)
    const sample = inspector.warmUpSample!
    expect(sample.objects.map(({ object }) => object.result.ok && object.result.value.kind)).toEqual([
      'certificate',
      'certificate',
      'ocspResponse',
    ])
    expect(sample.chain.map((link) => link.signature.status)).toEqual(['pass', 'skip'])
    expect(inspector.cards).toEqual([])
    expect(inspector.chain).toEqual({ state: 'none' })
  })

  it('lets a drop go before the warm-up steps still queued, and stops warming up', async () => {
    const { inspector, workers } = setUp()
    await inspector.ready
    // The first step is already with the worker: the drop goes next, the second step never runs.
    await inspector.addFiles([...chainFiles, staple].map(fixtureFile))
    expect(workers.flatMap((w) => w.requests).map((r) => r.call)).toEqual(['hello', 'warmUp', 'analyse'])
    expect(inspector.cards).toHaveLength(4)
    expect(inspector.warmUpSample).toBeUndefined()
  })

  it('a drop of a chain and its staple is one message, answered with the cards, the chain and the checklist', async () => {
    const { inspector, analyses } = setUp()
    await inspector.addFiles([...chainFiles, staple].map(fixtureFile))
    expect(analyses()).toHaveLength(1)
    expect(objectSources(inspector)).toEqual([
      'leaf-must-staple.pem',
      'intermediate.pem',
      'root.pem',
      'resp-must-staple-good.der',
    ])
    expect(inspector.chain.state === 'built' && inspector.chain.links.map((l) => l.signature.status)).toEqual(
      ['pass', 'pass', 'pass'],
    )
    const responseKey = inspector.cards[3]!.key
    expect(inspector.ocspChecks[responseKey]?.map((c) => [c.id, c.status])).toContainEqual([
      'signature',
      'pass',
    ])
    expect(inspector.issuerOf(inspector.cards[0]!.key)).toEqual(
      new Uint8Array(bytesOf('certs/intermediate.der')),
    )
  })

  it('sends a drop of chosen files in the same task, unread, before its placeholder cards are drawn', async () => {
    const { inspector, analyses } = setUp()
    await inspector.ready
    await vi.waitFor(() => expect(inspector.warmUpSample).toBeDefined())
    const files = [...chainFiles, staple].map((path) => new File([bytesOf(path)], path.split('/').pop()!))
    const dropped = inspector.addFiles(files)
    // Already posted, as the files themselves: the worker reads them (and their sizes).
    expect(analyses()).toHaveLength(1)
    const posted = (analyses()[0]!.args as { add: { file?: Blob }[] }).add
    expect(posted.every((input) => input.file instanceof Blob)).toBe(true)
    expect(inspector.cards.map((card) => card.type)).toEqual(['pending', 'pending', 'pending', 'pending'])
    await dropped
    expect(objectSources(inspector)).toEqual([
      'leaf-must-staple.pem',
      'intermediate.pem',
      'root.pem',
      'resp-must-staple-good.der',
    ])
  })

  it('a later file joins what is loaded without sending it again', async () => {
    const { inspector, analyses } = setUp()
    await inspector.addFiles([fixtureFile(chainFiles[0]!), fixtureFile(staple)])
    await inspector.addFiles([fixtureFile(chainFiles[1]!), fixtureFile(chainFiles[2]!)])
    const [, second] = analyses()
    expect((second!.args as { add: { source: string }[] }).add.map((i) => i.source)).toEqual([
      'intermediate.pem',
      'root.pem',
    ])
    expect(inspector.chain.state === 'built' && inspector.chain.links.map((l) => l.role)).toEqual([
      'leaf',
      'intermediate',
      'root',
    ])
  })

  it('removing a card is one message, and the chain loses it', async () => {
    const { inspector, analyses } = setUp()
    await inspector.addFiles(chainFiles.map(fixtureFile))
    inspector.remove(inspector.cards[1]!.key)
    await expect.poll(() => analyses().length).toBe(2)
    await expect
      .poll(
        () =>
          inspector.chain.state === 'built' && inspector.chain.links.some((l) => l.role === 'intermediate'),
      )
      .toBe(false)
    inspector.clear()
    await expect.poll(() => inspector.chain.state).toBe('none')
  })

  it('refuses a file above the limit without reading it, and still shows the others of the same drop', async () => {
    let readBig = false
    const { inspector } = setUp()
    await inspector.ready
    const big: InputFile = {
      name: 'big.der',
      size: inspector.maxInputBytes + 1,
      arrayBuffer: async () => {
        readBig = true
        return new ArrayBuffer(0)
      },
    }
    await inspector.addFiles([big, fixtureFile(chainFiles[0]!)])
    expect(readBig).toBe(false)
    expect(inspector.cards.map((card) => card.type)).toEqual(['inputError', 'object'])
    const [error] = inspector.cards
    expect(error!.type === 'inputError' && error.message).toMatch(
      /^1 MiB is over the 1 MiB limit, so it was not read$/,
    )
  })

  it('a hostile file that stops the worker costs one error card; the others of its drop still show, with their chain', async () => {
    const { inspector, workers } = setUp((request) => adds(request, 'hostile.der'))
    await inspector.addFiles([fixtureFile(chainFiles[0]!)])
    const hostile: InputFile = { name: 'hostile.der', size: 2, arrayBuffer: async () => new ArrayBuffer(2) }
    await inspector.addFiles([hostile, fixtureFile(chainFiles[1]!), fixtureFile(chainFiles[2]!)])
    expect(inspector.cards.map((card) => card.type)).toEqual(['object', 'inputError', 'object', 'object'])
    expect(inspector.cards[1]!.type === 'inputError' && inspector.cards[1]!.message).toBe(
      'the parser stopped unexpectedly: out of memory',
    )
    // The fresh worker was given back the leaf from the first drop: the chain still starts at it.
    expect(workers.length).toBeGreaterThan(1)
    expect(inspector.chain.state === 'built' && inspector.chain.links.map((l) => l.role)).toEqual([
      'leaf',
      'intermediate',
      'root',
    ])
  })

  it('shows the first hundred objects of a drop and one card counting the rest, across its files', async () => {
    expect(maxObjectsPerInput).toBe(100)
    const pem = bytesOf('certs/root.pem').toString('utf8')
    const bundle = (name: string, count: number): InputFile => {
      const bytes = new TextEncoder().encode(pem.repeat(count))
      return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer }
    }
    const { inspector } = setUp()
    await inspector.addFiles([bundle('store.pem', 130), bundle('more.pem', 5)])
    expect(inspector.objectCount).toBe(100)
    expect(inspector.cards.filter((card) => card.type === 'notShown')).toEqual([
      expect.objectContaining({ source: 'store.pem', count: 30 }),
      expect.objectContaining({ source: 'more.pem', count: 5 }),
    ])
    expect(inspector.notShownCount).toBe(35)
  })

  it('runs the checklists again with a new clock-skew allowance, and simulates with the same one', async () => {
    const { inspector, analyses } = setUp()
    await inspector.addFiles([...chainFiles, staple].map(fixtureFile))
    const leafKey = inspector.cards[0]!.key
    const responseKey = inspector.cards[3]!.key
    // 200 s after the staple's nextUpdate: fresh within the 300 s allowance, stale without it.
    const at = new Date('2026-11-28T00:09:02Z')
    const withSkew = await scenarioFor(inspector, leafKey, at)
    expect(withSkew?.ok && withSkew.value.scenario.staple).toBe('fresh')
    const stapleDer = new Uint8Array(bytesOf(staple))
    expect(withSkew?.ok && withSkew.value.provenance.stapleId).toBe(stapleIdOf(stapleDer))
    expect(inspector.cardWithStaple(stapleIdOf(stapleDer))).toBe(responseKey)

    inspector.setSkew(0)
    await expect.poll(() => analyses().at(-1)?.args).toMatchObject({ skewSeconds: 0, add: [] })
    const strict = await scenarioFor(inspector, leafKey, at)
    expect(strict?.ok && strict.value.scenario.staple).toBe('stale')
  })
})
