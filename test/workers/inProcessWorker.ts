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

  /**
   * `crashOn`: the requests that make this worker die (as a parser that runs out of memory on a
   * hostile input) instead of answering.
   */
  constructor(private readonly crashOn: (request: WorkerRequest) => boolean = () => false) {}

  postMessage(message: unknown): void {
    const request = structuredClone(message) as WorkerRequest
    this.requests.push(request)
    if (this.crashOn(request)) {
      const crash = Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' })
      queueMicrotask(() => this.onerror?.(crash as unknown as ErrorEvent))
      return
    }
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
