/**
 * The inspector's state: the cards on screen and what was learned across them (the chain the
 * certificates form, each OCSP response's checklist). Every parse and check goes through the
 * worker client; this class only decides what to ask and keeps the answers.
 */
import type {
  CertificateInfo,
  Check,
  InspectedObject,
  OcspRequestInfo,
  OcspResponseInfo,
} from '../../lib/pki/types'
import type { CallResult, ParseClient } from '../../workers/parseClient'
import { maxObjectsPerInput, type ChainLink, type InspectedInput } from '../../workers/protocol'
import { stapleIdOf } from '../../lib/bridge/provenance'
import { defaultSkewSeconds } from '../../lib/pki/freshness'
import { equalBytes } from '../../lib/pki/values'
import { scenarioFromPki, type BridgeResult, type PkiResponse } from '../../lib/bridge/scenarioFromPki'
import { formatBytes } from '../../lib/format.ts'

export type InspectCard =
  | { key: string; type: 'object'; object: InspectedObject }
  | { key: string; type: 'inputError'; source: string; message: string }
  | { key: string; type: 'pending'; source: string }
  /** Objects an input held past the per-drop limit: counted, neither parsed nor shown. */
  | { key: string; type: 'notShown'; source: string; count: number }

/** What one drop, paste or pick may still show: shared by the inputs that came together. */
interface DropBudget {
  left: number
}

/**
 * Cards rendered per task. Measured in Chromium: a certificate card takes about 5 ms of script
 * and as much again of style and layout (several times that on a loaded machine), so two a task.
 */
const cardsPerTask = 2

/** Let the browser run other tasks (input, paint) before the next batch of cards. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** The part of File the inspector reads: lets tests pass plain objects. */
export interface InputFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

export type ChainState =
  | { state: 'none' }
  | { state: 'building' }
  | { state: 'built'; links: ChainLink[] }
  | { state: 'failed'; message: string }

type CertificateCard = {
  key: string
  type: 'object'
  object: InspectedObject & { result: { ok: true; value: CertificateInfo } }
}

/** Used until the worker reports the parser's own cap (it always does, within milliseconds). */
const fallbackMaxInputBytes = 1024 * 1024

export class Inspector {
  // Raw state: cards hold DER and ASN.1 trees of up to a MiB, which need no deep proxies.
  cards: InspectCard[] = $state.raw([])
  chain: ChainState = $state.raw({ state: 'none' })
  /** Checklist of each OCSP response card, by card key. */
  ocspChecks: Record<string, Check[]> = $state.raw({})
  maxInputBytes = $state(fallbackMaxInputBytes)
  /**
   * Clock-skew allowance of the freshness check, in seconds. 300 s (5 minutes) is a common client
   * allowance and checkOcspResponse's default; the simulation's staple state uses the same value.
   */
  skewSeconds = $state(defaultSkewSeconds)
  /** Counts the times the cards settled (a drop done, a card removed): the page's clock re-reads on it. */
  settled = $state(0)

  readonly #client: ParseClient
  readonly #ready: Promise<void>
  #nextKey = 1
  #analysis = 0

  constructor(client: ParseClient) {
    this.#client = client
    // Start the worker now, so the first file does not wait for pkijs to load.
    this.#ready = client.hello().then((answer) => {
      if (answer.ok) this.maxInputBytes = answer.value.maxInputBytes
    })
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

  async addFiles(files: Iterable<InputFile>): Promise<void> {
    await this.#ready
    const budget: DropBudget = { left: maxObjectsPerInput }
    const jobs = [...files].map((file) => {
      const key = this.#placeholder(file.name)
      return this.#readFile(file).then((outcome) => this.#settle(key, file.name, outcome, budget))
    })
    await Promise.all(jobs)
    this.#analyse()
  }

  async addText(text: string, source = 'pasted text'): Promise<void> {
    await this.#ready
    const bytes = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>
    const key = this.#placeholder(source)
    const budget: DropBudget = { left: maxObjectsPerInput }
    if (bytes.length > this.maxInputBytes) {
      await this.#settle(key, source, { tooLarge: bytes.length }, budget)
    } else {
      await this.#settle(key, source, await this.#client.inspect(source, bytes), budget)
    }
    this.#analyse()
  }

  async addBytes(source: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    await this.#ready
    const key = this.#placeholder(source)
    await this.#settle(key, source, await this.#client.inspect(source, bytes), { left: maxObjectsPerInput })
    this.#analyse()
  }

  remove(key: string): void {
    this.cards = this.cards.filter((card) => card.key !== key)
    this.#analyse()
  }

  /** A new clock-skew allowance: the checklists are run again with it. */
  setSkew(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0 || seconds === this.skewSeconds) return
    this.skewSeconds = seconds
    this.#analyse()
  }

  /** "Simulate with this": the scenario of a certificate card, from everything loaded beside it. */
  scenarioFor(key: string, at: Date): BridgeResult | undefined {
    const card = this.cards.find((c) => c.key === key)
    if (!card || !isCertificateCard(card)) return undefined
    const responses: PkiResponse[] = []
    for (const c of this.cards) {
      if (c.type === 'object' && c.object.result.ok && c.object.result.value.kind === 'ocspResponse') {
        responses.push({ info: c.object.result.value, der: c.object.der })
      }
    }
    return scenarioFromPki({
      leaf: { info: card.object.result.value, der: card.object.der },
      // scenarioFromPki uses the chain only when it starts at this certificate.
      chain: this.chain.state === 'built' ? this.chain.links : [],
      responses,
      at,
      skewSeconds: this.skewSeconds,
    })
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

  clear(): void {
    this.cards = []
    this.#analyse()
  }

  #placeholder(source: string): string {
    const key = `card-${this.#nextKey++}`
    this.cards = [...this.cards, { key, type: 'pending', source }]
    return key
  }

  async #readFile(file: InputFile): Promise<CallResult<InspectedInput> | { tooLarge: number }> {
    // Refuse before reading: File.size is known without touching the bytes.
    if (file.size > this.maxInputBytes) return { tooLarge: file.size }
    let bytes: Uint8Array<ArrayBuffer>
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      return { ok: false, error: { code: 'failed', message: 'the browser could not read this file' } }
    }
    return this.#client.inspect(file.name, bytes)
  }

  /**
   * Replace a pending card by what its input turned out to hold, in the same place: at most what
   * is left of the drop's budget, then one card counting the rest. Cards are added a few per task,
   * so the page answers input and paints while a long bundle appears.
   */
  async #settle(
    key: string,
    source: string,
    outcome: CallResult<InspectedInput> | { tooLarge: number },
    budget: DropBudget,
  ): Promise<void> {
    if ('tooLarge' in outcome) {
      const message = `${formatBytes(outcome.tooLarge)} is over the ${formatBytes(this.maxInputBytes)} limit, so it was not read`
      this.#replace(key, [{ key, type: 'inputError', source, message }])
      return
    }
    if (!outcome.ok) {
      this.#replace(key, [{ key, type: 'inputError', source, message: outcome.error.message }])
      return
    }
    const { objects, notParsed } = outcome.value
    if (objects.length === 0) {
      const message = 'no certificate, OCSP message or other object found'
      this.#replace(key, [{ key, type: 'inputError', source, message }])
      return
    }
    const shown = objects.slice(0, Math.max(0, budget.left))
    budget.left -= shown.length
    const notShown = notParsed + objects.length - shown.length
    const cards: InspectCard[] = shown.map((object, i) => ({
      key: i === 0 ? key : `${key}-${i}`,
      type: 'object' as const,
      object: withoutPrivateKey(object),
    }))
    if (notShown > 0) cards.push({ key: `${key}-more`, type: 'notShown', source, count: notShown })
    // The first batch takes the pending card's place; each next batch goes after the last card shown.
    let anchor = key
    for (let from = 0; from < cards.length; from += cardsPerTask) {
      const batch = cards.slice(from, from + cardsPerTask)
      if (from === 0) {
        if (!this.#replace(anchor, batch)) return
      } else {
        await nextTask()
        if (!this.#insertAfter(anchor, batch)) return
      }
      anchor = batch[batch.length - 1]!.key
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

  /** Build the chain from every certificate on screen and check every OCSP response against them. */
  #analyse(): void {
    this.settled++
    const generation = ++this.#analysis
    const certificates = this.cards.filter(isCertificateCard)
    void this.#buildChain(generation, certificates)
    void this.#checkResponses(generation, certificates)
  }

  async #buildChain(generation: number, certificates: CertificateCard[]): Promise<void> {
    if (certificates.length < 2) {
      this.chain = { state: 'none' }
      return
    }
    // Keep the chain on screen while it is rebuilt after a change; show "building" only at first.
    if (this.chain.state !== 'built') this.chain = { state: 'building' }
    const answer = await this.#client.buildChain(
      certificates.map((card) => ({ der: card.object.der, info: card.object.result.value })),
    )
    if (generation !== this.#analysis) return
    this.chain = answer.ok
      ? { state: 'built', links: answer.value }
      : { state: 'failed', message: answer.error.message }
  }

  async #checkResponses(generation: number, certificates: CertificateCard[]): Promise<void> {
    const checks: Record<string, Check[]> = {}
    for (const card of this.cards) {
      if (card.type !== 'object' || !card.object.result.ok) continue
      const info = card.object.result.value
      if (info.kind !== 'ocspResponse' || !info.basic) continue
      const serial = info.basic.responses[0]?.certId.serialNumber
      const leaf = certificates.find((c) => c.object.result.value.serialNumber === serial)
      const issuer = leaf && findIssuer(leaf, certificates)
      const answer = await this.#client.checkOcsp({
        responseDer: card.object.der,
        ...(leaf ? { certDer: leaf.object.der } : {}),
        ...(issuer ? { issuerDer: issuer.object.der } : {}),
        ...nonceOfMatchingRequest(info, this.cards),
        skewSeconds: this.skewSeconds,
        // The page's clock, read once per check.
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway value, never reactive state
        at: new Date(),
      })
      if (generation !== this.#analysis) return
      checks[card.key] = answer.ok
        ? answer.value
        : [{ id: 'worker', label: 'Checks could not run', status: 'fail', detail: answer.error.message }]
    }
    if (generation === this.#analysis) this.ocspChecks = checks
  }
}

function isCertificateCard(card: InspectCard): card is CertificateCard {
  return card.type === 'object' && card.object.result.ok && card.object.result.value.kind === 'certificate'
}

/** The certificate whose subject is the leaf's issuer (not the leaf itself, unless self-signed). */
function findIssuer(leaf: CertificateCard, certificates: CertificateCard[]): CertificateCard | undefined {
  const issuerName = leaf.object.result.value.issuer
  return (
    certificates.find((c) => c !== leaf && c.object.result.value.subject === issuerName) ??
    (leaf.object.result.value.selfIssued ? leaf : undefined)
  )
}

/** When the request that asked for this response is loaded too, its nonce should come back (RFC 8954). */
function nonceOfMatchingRequest(
  response: OcspResponseInfo,
  cards: InspectCard[],
): { requestNonceHex?: string } {
  const serial = response.basic?.responses[0]?.certId.serialNumber
  for (const card of cards) {
    if (card.type !== 'object' || !card.object.result.ok) continue
    const info = card.object.result.value
    if (info.kind !== 'ocspRequest') continue
    const request = info as OcspRequestInfo
    if (request.nonce && request.requests.some((r) => r.certId.serialNumber === serial)) {
      return { requestNonceHex: request.nonce }
    }
  }
  return {}
}

/** A private key's bytes are never kept, whatever the parser returned. */
function withoutPrivateKey(object: InspectedObject): InspectedObject {
  if (object.result.ok && object.result.value.kind === 'privateKey') {
    const { asn1: _asn1, ...rest } = object
    return { ...rest, der: new Uint8Array(0) }
  }
  return object
}

let shared: Inspector | undefined

/** The page's one inspector: what was loaded survives a visit to another view and back. */
export function sharedInspector(client: () => ParseClient): Inspector {
  shared ??= new Inspector(client())
  return shared
}
