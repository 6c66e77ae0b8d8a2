/**
 * The page's typed handle on the parse worker. Calls run one at a time, each under a time limit:
 * a hostile file that sends the parser into a long loop costs one error card, not a frozen page.
 * When the limit passes the worker is terminated and the next call starts a fresh one.
 */
import type { AnalyseArgs, CallName, WorkerCalls, WorkerReply, WorkerRequest } from './protocol'
import { startParseWorker } from './startParseWorker'

/** `cancelled`: a background call (the warm-up) that a user's call made unnecessary before it ran. */
export type CallErrorCode = 'timeout' | 'crashed' | 'failed' | 'cancelled'

export interface CallError {
  code: CallErrorCode
  message: string
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError }

/** The part of Worker the client uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
}

/** Measured: a 1 MiB DER with a deep tree parses in well under a second here; 10 s is hostile. */
export const defaultTimeoutMs = 10_000

export function createParseWorker(): WorkerLike {
  return startParseWorker()
}

interface Job {
  id: number
  call: CallName
  args: unknown
  resolve: (result: CallResult<unknown>) => void
  /** Work nobody waits for (the warm-up): dropped from the queue as soon as a user's call comes. */
  background: boolean
}

export class ParseClient {
  readonly #createWorker: () => WorkerLike
  readonly #timeoutMs: number
  #worker: WorkerLike | undefined
  #queue: Job[] = []
  #current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined
  #nextId = 1
  /** How many workers were started: the first, plus one after every timeout or crash. */
  workersStarted = 0
  /**
   * Changes whenever a worker starts or stops: a caller that keeps state in the worker (the
   * inspector's loaded set) knows from it that the worker it filled is gone.
   */
  workerGeneration = 0

  constructor(createWorker: () => WorkerLike = createParseWorker, timeoutMs = defaultTimeoutMs) {
    this.#createWorker = createWorker
    this.#timeoutMs = timeoutMs
  }

  call<K extends CallName>(
    call: K,
    args: WorkerCalls[K]['args'],
    { background = false }: { background?: boolean } = {},
  ): Promise<CallResult<WorkerCalls[K]['value']>> {
    // A user's call never waits behind queued background work: at most behind the one running.
    if (!background) this.#cancelBackground()
    return new Promise((resolve) => {
      const job: Job = { id: this.#nextId++, call, args, resolve: resolve as Job['resolve'], background }
      this.#queue.push(job)
      this.#pump()
    })
  }

  /**
   * One step of the warm-up, in the background: it runs only while no user's call is waiting, and
   * answers `cancelled` when one came first.
   */
  warmUp(step: number, at: Date): Promise<CallResult<WorkerCalls['warmUp']['value']>> {
    return this.call('warmUp', { step, at }, { background: true })
  }

  #cancelBackground(): void {
    const cancelled = this.#queue.filter((job) => job.background)
    if (cancelled.length === 0) return
    this.#queue = this.#queue.filter((job) => !job.background)
    for (const job of cancelled)
      job.resolve({ ok: false, error: { code: 'cancelled', message: 'a call of the page went first' } })
  }

  hello(): Promise<CallResult<{ maxInputBytes: number }>> {
    return this.call('hello', {})
  }

  /** One round trip: remove and add objects in the worker's set, get the whole analysis back. */
  analyse(args: AnalyseArgs) {
    return this.call('analyse', args)
  }

  /** An object's ASN.1 tree, built in the worker from its DER when its tab opens. */
  asn1Tree(args: WorkerCalls['asn1Tree']['args']) {
    return this.call('asn1Tree', args)
  }

  /** Stop the worker and answer every waiting call with an error. */
  dispose(): void {
    const waiting = [...(this.#current ? [this.#current.job] : []), ...this.#queue]
    if (this.#current) clearTimeout(this.#current.timer)
    this.#current = undefined
    this.#queue = []
    this.#stopWorker()
    for (const job of waiting)
      job.resolve({ ok: false, error: { code: 'crashed', message: 'the parser was stopped' } })
  }

  #pump(): void {
    if (this.#current || this.#queue.length === 0) return
    const job = this.#queue.shift()!
    const worker = this.#ensureWorker()
    const timer = setTimeout(
      () =>
        this.#abort({
          code: 'timeout',
          message: `the parser did not answer within ${this.#timeoutMs / 1000} s and was stopped`,
        }),
      this.#timeoutMs,
    )
    this.#current = { job, timer }
    const request: WorkerRequest = { id: job.id, call: job.call, args: job.args as WorkerRequest['args'] }
    try {
      worker.postMessage(request)
    } catch (error) {
      // A DataCloneError: the arguments cannot cross to the worker. The worker itself is fine.
      this.#finish({ ok: false, error: { code: 'failed', message: oneLine(error) } }, false)
    }
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker
    const worker = this.#createWorker()
    this.workersStarted++
    this.workerGeneration++
    worker.onmessage = (event) => this.#onReply(event.data as WorkerReply)
    worker.onmessageerror = () =>
      this.#abort({ code: 'crashed', message: 'the parser sent an unreadable answer' })
    worker.onerror = (event) => {
      // Keep the error out of the console as an uncaught exception: it becomes the card's message.
      event.preventDefault()
      const message = (event as Partial<ErrorEvent> | undefined)?.message
      const detail = typeof message === 'string' && message ? `: ${message.split('\n')[0]}` : ''
      this.#abort({ code: 'crashed', message: `the parser stopped unexpectedly${detail}` })
    }
    this.#worker = worker
    return worker
  }

  #onReply(reply: WorkerReply): void {
    if (!this.#current || reply.id !== this.#current.job.id) return
    this.#finish(
      reply.ok
        ? { ok: true, value: reply.value }
        : { ok: false, error: { code: 'failed', message: reply.message } },
      false,
    )
  }

  #abort(error: CallError): void {
    if (!this.#current) {
      this.#stopWorker()
      return
    }
    this.#finish({ ok: false, error }, true)
  }

  #finish(result: CallResult<unknown>, restartWorker: boolean): void {
    const current = this.#current
    if (!current) return
    clearTimeout(current.timer)
    this.#current = undefined
    if (restartWorker) this.#stopWorker()
    current.job.resolve(result)
    this.#pump()
  }

  #stopWorker(): void {
    if (this.#worker) this.workerGeneration++
    this.#worker?.terminate()
    this.#worker = undefined
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0].slice(0, 200)
}

let shared: ParseClient | undefined

/** The one client the page uses; created (and its worker started) on first use. */
export function parseClient(): ParseClient {
  shared ??= new ParseClient()
  return shared
}
