/**
 * The parse worker's own handlers (src/workers/handlers.ts) behind the WorkerLike interface, run
 * in node: messages are structured-cloned both ways as they are between a page and its worker,
 * and every request is recorded so a test can count the round trips.
 */
import type { WorkerLike } from '../../src/workers/parseClient'
import { createHandlers } from '../../src/workers/handlers'
import type { WorkerReply, WorkerRequest } from '../../src/workers/protocol'

export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  terminated = false
  readonly requests: WorkerRequest[] = []
  readonly #handlers = createHandlers()

  /** `hangOn`: the requests this worker never answers, as a parser stuck in a hostile input. */
  constructor(private readonly hangOn: (request: WorkerRequest) => boolean = () => false) {}

  postMessage(message: unknown): void {
    const request = structuredClone(message) as WorkerRequest
    this.requests.push(request)
    if (this.hangOn(request)) return
    const handler = this.#handlers[request.call] as (args: unknown) => Promise<unknown>
    void handler(request.args).then(
      (value) => this.#reply({ id: request.id, ok: true, value }),
      (error: unknown) => this.#reply({ id: request.id, ok: false, message: String(error) }),
    )
  }

  terminate(): void {
    this.terminated = true
  }

  #reply(reply: WorkerReply): void {
    if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent)
  }
}

/** Whether a request would parse an input of this name. */
export const adds = (request: WorkerRequest, source: string): boolean =>
  request.call === 'analyse' &&
  (request.args as { add: { source: string }[] }).add.some((input) => input.source === source)
