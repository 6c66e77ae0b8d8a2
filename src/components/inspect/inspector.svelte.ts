/**
 * The inspector's state: the cards on screen and what was learned across them (the chain the
 * certificates form, each OCSP response's checklist). The objects themselves stay in the parse
 * worker: each drop, paste, removal or new skew allowance is one message to it, answered by the
 * whole analysis. This class only decides what to send and keeps the answers.
 */
import { tick } from 'svelte'
import type { Check } from '../../lib/pki/types'
import { measureSince } from '../../lib/inspection/timing'
import type { CallError, CallResult, ParseClient } from '../../workers/parseClient'
import {
  maxObjectsPerInput,
  warmUpRounds,
  warmUpSteps,
  type Analysis,
  type AnalyseArgs,
  type KeyedObject,
  type LoadedInput,
  type LoadInput,
  type PageInput,
} from '../../workers/protocol'
import { stapleIdOf } from '../../lib/bridge/provenance'
import { defaultSkewSeconds } from '../../lib/pki/freshness'
import { maxInputBytes as parserMaxInputBytes, notReadOverLimit } from '../../lib/pki/limits'
import { equalBytes } from '../../lib/pki/values'
import {
  inputError,
  isBrowserFile,
  isCertificateCard,
  type ChainState,
  type InputFile,
  type InspectCard,
  type WarmUpSample,
} from './inspectCards.ts'

export type { ChainState, InputFile, InspectCard, WarmUpSample } from './inspectCards.ts'

/**
 * Cards rendered per task. Measured in Chromium: a certificate card takes about 5 ms of script
 * and as much again of style and layout (several times that on a loaded machine), so two a task.
 */
const cardsPerTask = 2

/** Let the browser run other tasks (input, paint) before the next batch of cards. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** An input read in the page, or refused before it reached the worker. */
type ReadInput = PageInput | { key: string; source: string; refused: string }

export class Inspector {
  // Raw state: cards hold DER and ASN.1 trees of up to a MiB, which need no deep proxies.
  cards: InspectCard[] = $state.raw([])
  chain: ChainState = $state.raw({ state: 'none' })
  /** Checklist of each OCSP response card, by card key. */
  ocspChecks: Record<string, Check[]> = $state.raw({})
  /** The parser's own cap: a file over it is refused before it is read, without waiting for the worker. */
  maxInputBytes = $state(parserMaxInputBytes)
  /**
   * Clock-skew allowance of the freshness check, in seconds. 300 s (5 minutes) is a common client
   * allowance and checkOcspResponse's default; the simulation's staple state uses the same value.
   */
  skewSeconds = $state(defaultSkewSeconds)
  /** Counts the worker's answers shown (a drop, a removal): the page's clock re-reads on it, in the same flush. */
  settled = $state(0)
  /**
   * The worker's warm-up chain as the worker read it, once it has (and nothing was loaded first):
   * the page draws it once off screen (warmUpRender.ts) so the first drop's cards find the card
   * code compiled too. Never shown.
   */
  warmUpSample: WarmUpSample | undefined = $state.raw(undefined)

  readonly #client: ParseClient
  readonly #clock: () => Date
  readonly #ready: Promise<void>
  #nextKey = 1
  /** Messages to the worker go one after another, each built when its turn comes. */
  #turn: Promise<void> = Promise.resolve()
  /**
   * The worker (by client.workerGeneration) whose set holds what the page shows; another one
   * starts empty, and a failed message may have left its set half changed: -1.
   */
  #syncedWorker = 0
  /** Cards removed since the last message: the next one takes them out of the worker's set too. */
  #removed: string[] = []
  /** Something was loaded: the worker is warm from real work, the warm-up stops. */
  #used = false
  /** The worker answered `hello` (or failed to): messages need not wait for #ready. */
  #helloAnswered = false
  /** Messages sent or queued whose answer has not been shown yet. */
  #messagesInFlight = 0

  /** `clock` is the page's: the checklists judge freshness at the time it gives when they run. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway value, never reactive state
  constructor(client: ParseClient, clock: () => Date = () => new Date()) {
    this.#client = client
    this.#clock = clock
    // Start the worker now, when the view opens, so the first file does not wait for it to load.
    this.#ready = client.hello().then((answer) => {
      this.#helloAnswered = true
      if (answer.ok) this.maxInputBytes = answer.value.maxInputBytes
      this.#syncedWorker = answer.ok ? client.workerGeneration : -1
      if (answer.ok) void this.#warmUp()
    })
  }

  /**
   * Have the worker read its built-in chain while nothing is loaded, so the first drop finds the
   * parser compiled and WebCrypto started (a cold drop's parse took 74-90 ms, a warm one 10-18 ms:
   * scripts/bench/inspect.ts). In small background steps, run `warmUpRounds` times (protocol.ts):
   * a drop waits at most for the one running.
   */
  async #warmUp(): Promise<void> {
    const objects: KeyedObject[] = []
    for (let round = 1; round <= warmUpRounds; round++) {
      for (let step = 0; step < warmUpSteps; step++) {
        if (this.#used) return
        const answer = await this.#client.warmUp(step, this.#clock())
        if (!answer.ok) return
        if (round < warmUpRounds) continue
        for (const input of answer.value.inputs) objects.push(...input.objects)
        if (step === warmUpSteps - 1 && !this.#used)
          this.warmUpSample = { objects, chain: answer.value.chain, checks: answer.value.checks }
      }
    }
  }

  /** Resolves once the worker has answered (or failed to): used by tests and the e2e "ready" flag. */
  get ready(): Promise<void> {
    return this.#ready
  }

  get objectCount(): number {
    return this.cards.filter((card) => card.type === 'object' || card.type === 'inputError').length
  }

  /** Objects loaded but not shown (past the limit of a drop). */
  get notShownCount(): number {
    return this.cards.reduce((sum, card) => sum + (card.type === 'notShown' ? card.count : 0), 0)
  }

  /** Files dropped or chosen together: one message to the worker, one limit of objects. */
  async addFiles(files: Iterable<InputFile>): Promise<void> {
    this.#used = true
    const list = [...files]
    const keys = list.map(() => this.#newKey())
    if (list.every(isBrowserFile)) {
      // A browser's File goes to the worker as it is; its size and bytes are read there
      // (handlers.ts). The message leaves in this task, before the placeholder cards are drawn.
      const sending = this.#analyse(list.map((file, i) => ({ key: keys[i]!, source: file.name, file })))
      list.forEach((file, i) => this.#placeholder(keys[i]!, file.name))
      await sending
      return
    }
    list.forEach((file, i) => this.#placeholder(keys[i]!, file.name))
    const reading = performance.now()
    const inputs = await Promise.all(list.map((file, i) => this.#readFile(keys[i]!, file)))
    measureSince('read files', reading)
    await this.#load(inputs)
  }

  async addText(text: string, source = 'pasted text'): Promise<void> {
    const bytes = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>
    await this.addBytes(source, bytes)
  }

  async addBytes(source: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    this.#used = true
    const key = this.#newKey()
    this.#placeholder(key, source)
    await this.#ready
    await this.#load([
      bytes.length > this.maxInputBytes ? this.#refuse(key, source, bytes.length) : { key, source, bytes },
    ])
  }

  remove(key: string): void {
    this.#forget(this.cards.filter((card) => card.key === key))
    this.cards = this.cards.filter((card) => card.key !== key)
    void this.#analyse([])
  }

  /** A new clock-skew allowance: the checklists are run again with it. */
  setSkew(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0 || seconds === this.skewSeconds) return
    this.skewSeconds = seconds
    void this.#analyse([])
  }

  clear(): void {
    this.#forget(this.cards)
    this.cards = []
    void this.#analyse([])
  }

  /** The DER of a certificate card's issuer, when the built chain links it to one. */
  issuerOf(key: string): Uint8Array<ArrayBuffer> | undefined {
    const card = this.cards.find((c) => c.key === key)
    if (!card || !isCertificateCard(card) || this.chain.state !== 'built') return undefined
    const links = this.chain.links
    const at = links.findIndex((l) => l.role !== 'unlinked' && equalBytes(l.der, card.object.der))
    // A root has no issuer to ask about it: nobody checks a trust anchor's status by OCSP.
    const issuer = at >= 0 ? links[at + 1] : undefined
    return issuer && issuer.role !== 'unlinked' ? issuer.der : undefined
  }

  /** The card holding the object with this stapleId (the simulation's link back), if still loaded. */
  cardWithStaple(stapleId: string): string | undefined {
    for (const c of this.cards) {
      if (c.type === 'object' && c.object.der.length > 0 && stapleIdOf(c.object.der) === stapleId)
        return c.key
    }
    return undefined
  }

  #newKey(): string {
    return `card-${this.#nextKey++}`
  }

  #placeholder(key: string, source: string): void {
    this.cards = [...this.cards, { key, type: 'pending', source }]
  }

  #refuse(key: string, source: string, size: number): ReadInput {
    return { key, source, refused: notReadOverLimit(size, this.maxInputBytes) }
  }

  /** Bytes handed over by the page itself (the demo CA's files), read here. */
  async #readFile(key: string, file: InputFile): Promise<ReadInput> {
    // Refuse before reading: the size is known without touching the bytes.
    if (file.size > this.maxInputBytes) return this.#refuse(key, file.name, file.size)
    try {
      return { key, source: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
    } catch {
      return { key, source: file.name, refused: 'the browser could not read this file' }
    }
  }

  #forget(cards: InspectCard[]): void {
    for (const card of cards) if (card.type === 'object') this.#removed.push(card.key)
  }

  /** Refused inputs become their error cards at once; the others go to the worker together. */
  async #load(inputs: ReadInput[]): Promise<void> {
    const toWorker: PageInput[] = []
    for (const input of inputs) {
      if ('refused' in input) this.#replace(input.key, [inputError(input.key, input.source, input.refused)])
      else toWorker.push(input)
    }
    await this.#analyse(toWorker)
  }

  /**
   * One message: what was removed, what is new, and the whole analysis back. When a drop of
   * several inputs stops the worker (a hostile file past the time limit), each input is tried on
   * its own, so the hostile one costs one error card and the others still show.
   */
  #analyse(add: PageInput[]): Promise<void> {
    this.#used = true
    const work = async (): Promise<void> => {
      if (!this.#helloAnswered) await this.#ready
      const answer = await this.#send(add, maxObjectsPerInput)
      if (answer.ok) {
        await this.#show(answer.value)
        return
      }
      if (add.length > 1 && answer.error.code !== 'failed') {
        let left = maxObjectsPerInput
        for (const input of add) {
          const alone = await this.#send([input], left)
          if (alone.ok) {
            left -= alone.value.inputs[0]?.objects.length ?? 0
            await this.#show(alone.value)
          } else this.#failed([input], alone.error)
        }
        return
      }
      this.#failed(add, answer.error)
    }
    // With nothing before it, the message leaves at once, in the caller's task: not a microtask
    // later, behind Svelte's flush of what the caller just changed (a drop's placeholder cards).
    const run = (
      this.#messagesInFlight === 0 && this.#helloAnswered ? work() : this.#turn.then(work)
    ).finally(() => this.#messagesInFlight--)
    this.#messagesInFlight++
    this.#turn = run.catch(() => undefined)
    return run
  }

  #send(add: PageInput[], maxObjects: number): Promise<CallResult<Analysis>> {
    const remove = this.#removed
    this.#removed = []
    const args: AnalyseArgs = {
      remove,
      add,
      maxObjects,
      at: this.#clock(),
      skewSeconds: this.skewSeconds,
      ...(this.#client.workerGeneration === this.#syncedWorker ? {} : { restore: this.#restoreInputs() }),
    }
    const sent = performance.now()
    return this.#client.analyse(args).then((answer) => {
      measureSince('worker round trip', sent)
      this.#syncedWorker = answer.ok ? this.#client.workerGeneration : -1
      return answer
    })
  }

  /** Every object the page shows, one input each, for a worker that starts empty (pending ones come in `add`). */
  #restoreInputs(): LoadInput[] {
    const inputs: LoadInput[] = []
    for (const card of this.cards) {
      if (card.type !== 'object' || !card.object.result.ok) continue
      const kind = card.object.result.value.kind
      if (kind === 'certificate' || kind === 'ocspResponse' || kind === 'ocspRequest')
        inputs.push({ key: card.key, source: card.object.source, bytes: card.object.der })
    }
    return inputs
  }

  async #show(analysis: Analysis): Promise<void> {
    const showing = performance.now()
    this.chain = analysis.chain.length > 0 ? { state: 'built', links: analysis.chain } : { state: 'none' }
    this.ocspChecks = analysis.checks
    // Every input's first cards now, and the clock with them: one Svelte flush draws the whole drop.
    const rest = analysis.inputs.map((input) => this.#settle(input))
    this.settled++
    // From the answer to the cards in the DOM: Svelte draws them when it flushes, which tick() awaits.
    void tick().then(() => measureSince('render cards', showing))
    for (const more of rest) await more?.()
  }

  #failed(inputs: PageInput[], error: CallError): void {
    for (const input of inputs) this.#replace(input.key, [inputError(input.key, input.source, error.message)])
    if (inputs.length === 0) {
      // A removal or a new allowance: the chain and the checklists on screen no longer hold.
      this.chain = { state: 'failed', message: error.message }
      const checks: Record<string, Check[]> = {}
      for (const key of Object.keys(this.ocspChecks))
        checks[key] = [{ id: 'worker', label: 'Checks could not run', status: 'fail', detail: error.message }]
      this.ocspChecks = checks
    }
    this.settled++
  }

  /**
   * Replace a pending card by what its input turned out to hold, in the same place: the objects
   * shown, then one card counting the rest. The first cards now; the others of a long bundle a few
   * per task (the function returned), so the page answers input and paints while they appear.
   */
  #settle(input: LoadedInput): (() => Promise<void>) | undefined {
    const { key, source, objects, notShown } = input
    if (input.refused !== undefined) {
      this.#replace(key, [inputError(key, source, input.refused)])
      return undefined
    }
    if (objects.length === 0 && notShown === 0) {
      this.#replace(key, [inputError(key, source, 'no certificate, OCSP message or other object found')])
      return undefined
    }
    const cards: InspectCard[] = objects.map(({ key, object }) => ({ key, type: 'object' as const, object }))
    if (notShown > 0) cards.push({ key: `${key}-more`, type: 'notShown', source, count: notShown })
    // The first batch takes the pending card's place; each next batch goes after the last card shown.
    const first = cards.slice(0, cardsPerTask)
    if (!this.#replace(key, first) || cards.length <= cardsPerTask) return undefined
    return async () => {
      let anchor = first[first.length - 1]!.key
      for (let from = cardsPerTask; from < cards.length; from += cardsPerTask) {
        const batch = cards.slice(from, from + cardsPerTask)
        await nextTask()
        if (!this.#insertAfter(anchor, batch)) return
        anchor = batch[batch.length - 1]!.key
      }
    }
  }

  /** Put `replacement` where the card `key` is; false when it was removed meanwhile. */
  #replace(key: string, replacement: InspectCard[]): boolean {
    const at = this.cards.findIndex((card) => card.key === key)
    // The card was removed (or everything cleared) while its input was being read.
    if (at < 0) return false
    this.cards = [...this.cards.slice(0, at), ...replacement, ...this.cards.slice(at + 1)]
    return true
  }

  #insertAfter(key: string, more: InspectCard[]): boolean {
    const at = this.cards.findIndex((card) => card.key === key)
    if (at < 0) return false
    this.cards = [...this.cards.slice(0, at + 1), ...more, ...this.cards.slice(at + 1)]
    return true
  }
}

let shared: Inspector | undefined

/** The page's one inspector: what was loaded survives a visit to another view and back. */
export function sharedInspector(client: () => ParseClient): Inspector {
  shared ??= new Inspector(client())
  return shared
}
