/**
 * What the inspector has loaded, kept where it was parsed (the parse worker): inputs come in, one
 * complete analysis goes out (the new objects, the chain the certificates form, each OCSP
 * response's checklist), and later inputs join the same set. Nothing parsed crosses back to be
 * parsed again: the chain and the checks read the objects the set already holds.
 *
 * Plain TypeScript, no DOM: the worker runs it, and the tests run it in node on real DER.
 */
import { buildChain, checkOcspResponse } from '../pki/index.ts'
import type { CertificateParts } from '../pki/certificate.ts'
import { objectsWalked, splitInput, walkSplit, type Walked, type WalkedObject } from '../pki/inspect.ts'
import type { OcspResponseParts } from '../pki/ocspResponse.ts'
import { rememberingVerifier } from '../pki/verify.ts'
import type {
  CertificateInfo,
  ChainLink,
  Check,
  InspectedObject,
  OcspRequestInfo,
  OcspResponseInfo,
} from '../pki/types.ts'
import { measureSince } from './timing.ts'

/** One file, paste or embedded certificate, named by the key its first card will have. */
export interface LoadInput {
  key: string
  source: string
  bytes: Uint8Array<ArrayBuffer>
}

/** An object of an input, under the key of the card that shows it. */
export interface KeyedObject {
  key: string
  object: InspectedObject
}

/** What one input turned out to hold: the objects shown, and how many more it held past the limit. */
export interface LoadedInput {
  key: string
  source: string
  objects: KeyedObject[]
  /** Objects past the drop's limit: counted, neither parsed nor kept. */
  notShown: number
  /** Why the input could not be read at all (a file the browser would not give): one line. */
  refused?: string
}

export interface AnalysisRequest {
  /** Objects (by key) no longer on the page: they leave the set before anything is added. */
  remove: string[]
  /** New inputs; they share `maxObjects` (one drop, one paste). */
  add: LoadInput[]
  maxObjects: number
  /** When to judge freshness: the page's clock, read once for the whole analysis. */
  at: Date
  /** Clock-skew allowance of the freshness check, in seconds. */
  skewSeconds: number
}

export interface Analysis {
  /** One per input of `add`, in order. */
  inputs: LoadedInput[]
  /** Every certificate of the set ordered leaf to root (checkOcspResponse's input); empty below two. */
  chain: ChainLink[]
  /** The checklist of each OCSP response in the set, by its key. */
  checks: Record<string, Check[]>
}

interface Held {
  key: string
  der: Uint8Array<ArrayBuffer>
  info: CertificateInfo | OcspResponseInfo | OcspRequestInfo
  /** The parser's walk (certificates, OCSP responses): what the chain and the checks read. */
  walked?: Walked
}

type HeldCertificate = Held & { info: CertificateInfo }

const certificateParts = (held: Held | undefined): CertificateParts | undefined =>
  held?.walked?.kind === 'certificate' ? held.walked.parts : undefined
const responseParts = (held: Held): OcspResponseParts | undefined =>
  held.walked?.kind === 'ocspResponse' ? held.walked.parts : undefined

export class LoadedSet {
  /** In the order the page shows them: the chain's input order and "first match" follow it. */
  readonly #held = new Map<string, Held>()
  /** Each signature is checked once while its object stays: a drop verifies only what it brings. */
  readonly #verify = rememberingVerifier()
  /** Whether analyse records its steps as User Timing measures (not for the worker's warm-up). */
  readonly #timed: boolean

  constructor({ timed = true }: { timed?: boolean } = {}) {
    this.#timed = timed
  }

  #measure(step: 'parse' | 'chain' | 'checks', start: number): void {
    if (this.#timed) measureSince(step, start)
  }

  get size(): number {
    return this.#held.size
  }

  /** How many signatures were actually checked with WebCrypto since the set was made. */
  get signaturesVerified(): number {
    return this.#verify.verified
  }

  async analyse(request: AnalysisRequest): Promise<Analysis> {
    for (const key of request.remove) this.#held.delete(key)
    const parsing = performance.now()
    const inputs = await this.#loadAll(request.add, request.maxObjects)
    this.#measure('parse', parsing)
    const certificates = [...this.#held.values()].filter(isCertificate)
    const checking = performance.now()
    const [chain, checks] = await Promise.all([
      certificates.length < 2
        ? []
        : buildChain(
            certificates.map((c) => ({ der: c.der, info: c.info, parts: certificateParts(c) })),
            this.#verify,
          ).finally(() => this.#measure('chain', checking)),
      this.#checkResponses(certificates, request.at, request.skewSeconds).finally(() =>
        this.#measure('checks', checking),
      ),
    ])
    return { inputs, chain, checks }
  }

  /**
   * Take objects back without answering with them: a fresh worker (after the last one was stopped
   * on a hostile input) is given again what the page still shows, one object per input.
   */
  async restore(inputs: LoadInput[]): Promise<void> {
    await this.#loadAll(inputs, Number.POSITIVE_INFINITY, 1)
  }

  /**
   * Parse `inputs` side by side, the first ones first to the shared limit of `maxObjects` (each at
   * most `perInput`), and hold their objects in the order sent: the page's order.
   */
  async #loadAll(inputs: LoadInput[], maxObjects: number, perInput = maxObjects): Promise<LoadedInput[]> {
    let left = maxObjects
    const walks = inputs.map((input) => {
      const split = splitInput(input.source, input.bytes)
      const allowed = Math.min(perInput, Math.max(0, left))
      left -= objectsWalked(split, allowed)
      // The trees are built when their tab opens (the worker's asn1Tree call), not cloned to the page with every drop.
      return walkSplit(split, allowed, 'on-demand')
    })
    const walked = await Promise.all(walks)
    return inputs.map((input, i) => this.#keep(input, walked[i]!))
  }

  #keep(
    input: LoadInput,
    { objects, notParsed }: { objects: WalkedObject[]; notParsed: number },
  ): LoadedInput {
    const keyed = objects.map(({ object, walked }, i) => {
      const key = i === 0 ? input.key : `${input.key}-${i}`
      this.#hold(key, object, walked)
      return { key, object: withoutPrivateKey(object) }
    })
    return { key: input.key, source: input.source, objects: keyed, notShown: notParsed }
  }

  /** Only what the chain and the checks read: parsed certificates, OCSP responses and requests. */
  #hold(key: string, object: InspectedObject, walked: Walked | undefined): void {
    if (!object.result.ok) return
    const info = object.result.value
    if (info.kind === 'certificate' || info.kind === 'ocspResponse' || info.kind === 'ocspRequest')
      this.#held.set(key, { key, der: object.der, info, ...(walked ? { walked } : {}) })
  }

  async #checkResponses(
    certificates: HeldCertificate[],
    at: Date,
    skewSeconds: number,
  ): Promise<Record<string, Check[]>> {
    const checks: Record<string, Check[]> = {}
    for (const held of this.#held.values()) {
      if (held.info.kind !== 'ocspResponse' || !held.info.basic) continue
      const serial = held.info.basic.responses[0]?.certId.serialNumber
      const leaf = certificates.find((c) => c.info.serialNumber === serial)
      const issuer = leaf && findIssuer(leaf, certificates)
      checks[held.key] = await checkOcspResponse({
        responseDer: held.der,
        ...(leaf ? { certDer: leaf.der } : {}),
        ...(issuer ? { issuerDer: issuer.der } : {}),
        ...this.#nonceOfMatchingRequest(held.info),
        walked: {
          response: responseParts(held),
          cert: certificateParts(leaf),
          issuer: certificateParts(issuer),
        },
        verify: this.#verify,
        skewSeconds,
        at,
      })
    }
    return checks
  }

  /** When the request that asked for this response is loaded too, its nonce should come back (RFC 9654). */
  #nonceOfMatchingRequest(response: OcspResponseInfo): { requestNonceHex?: string } {
    const serial = response.basic?.responses[0]?.certId.serialNumber
    for (const held of this.#held.values()) {
      if (held.info.kind !== 'ocspRequest') continue
      const request = held.info
      if (request.nonce && request.requests.some((r) => r.certId.serialNumber === serial))
        return { requestNonceHex: request.nonce }
    }
    return {}
  }
}

function isCertificate(held: Held): held is HeldCertificate {
  return held.info.kind === 'certificate'
}

/** The certificate whose subject is the leaf's issuer (not the leaf itself, unless self-signed). */
function findIssuer(leaf: HeldCertificate, certificates: HeldCertificate[]): HeldCertificate | undefined {
  return (
    certificates.find((c) => c !== leaf && c.info.subject === leaf.info.issuer) ??
    (leaf.info.selfIssued ? leaf : undefined)
  )
}

/** A private key's bytes never leave the parser, whatever it returned. */
function withoutPrivateKey(object: InspectedObject): InspectedObject {
  if (object.result.ok && object.result.value.kind === 'privateKey') {
    const { asn1: _asn1, asn1OnDemand: _asn1OnDemand, ...rest } = object
    return { ...rest, der: new Uint8Array(0) }
  }
  return object
}
