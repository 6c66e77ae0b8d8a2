import { afterEach, describe, expect, it, vi } from 'vitest'
import { ParseClient, type WorkerLike } from '../../src/workers/parseClient'
import type { WorkerRequest } from '../../src/workers/protocol'
import { adds } from './inProcessWorker'

/** A stand-in worker: answers each request with `answer`, or never when `answer` returns undefined. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  terminated = false
  constructor(private answer: (request: WorkerRequest) => unknown) {}
  postMessage(message: unknown): void {
    const request = message as WorkerRequest
    const value = this.answer(request)
    if (value === undefined) return
    queueMicrotask(() => this.onmessage?.({ data: { id: request.id, ok: true, value } } as MessageEvent))
  }
  terminate(): void {
    this.terminated = true
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('ParseClient', () => {
  it('passes answers through, in order', async () => {
    const client = new ParseClient(() => new FakeWorker(() => ({ maxInputBytes: 1234 })))
    const [a, b] = await Promise.all([client.hello(), client.hello()])
    expect(a).toEqual({ ok: true, value: { maxInputBytes: 1234 } })
    expect(b.ok).toBe(true)
    expect(client.workersStarted).toBe(1)
  })

  it('stops a worker that does not answer in time, reports a timeout and carries on with a fresh one', async () => {
    vi.useFakeTimers()
    const workers: FakeWorker[] = []
    const client = new ParseClient(() => {
      // The first worker hangs on the hostile input; the next one answers.
      const worker = new FakeWorker((request) => (adds(request, 'hostile.der') ? undefined : []))
      workers.push(worker)
      return worker
    }, 10_000)
    const drop = (source: string) => ({
      remove: [],
      add: [{ key: source, source, bytes: new Uint8Array([0x30]) }],
      maxObjects: 100,
      at: new Date('2026-11-25T00:00:00Z'),
      skewSeconds: 300,
    })
    const hostile = client.analyse(drop('hostile.der'))
    const good = client.analyse(drop('good.pem'))
    await vi.advanceTimersByTimeAsync(10_001)
    const hostileResult = await hostile
    expect(hostileResult.ok).toBe(false)
    if (!hostileResult.ok) {
      expect(hostileResult.error.code).toBe('timeout')
      expect(hostileResult.error.message).toContain('10 s')
    }
    expect(await good).toEqual({ ok: true, value: [] })
    expect(workers[0].terminated).toBe(true)
    expect(client.workersStarted).toBe(2)
    // Started, stopped, started: whoever filled the first worker knows it is gone.
    expect(client.workerGeneration).toBe(3)
  })

  it('turns a worker crash into an error for the call in flight', async () => {
    const client = new ParseClient(() => {
      const worker = new FakeWorker(() => undefined)
      worker.postMessage = () =>
        queueMicrotask(() =>
          worker.onerror?.(
            Object.assign(new Event('error', { cancelable: true }), {
              message: 'boom',
            }) as unknown as ErrorEvent,
          ),
        )
      return worker
    })
    const result = await client.hello()
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('crashed')
  })

  it("drops queued warm-up steps when a user's call comes, after the one already running", async () => {
    const calls: string[] = []
    const client = new ParseClient(
      () =>
        new FakeWorker((request) => {
          calls.push(
            `${request.call}${request.call === 'warmUp' ? ` ${(request.args as { step: number }).step}` : ''}`,
          )
          return request.call === 'warmUp' ? { signaturesVerified: 0 } : { maxInputBytes: 1 }
        }),
    )
    const at = new Date('2026-11-25T00:00:00Z')
    const first = client.warmUp(0, at)
    const second = client.warmUp(1, at)
    const hello = client.hello()
    expect(await first).toEqual({ ok: true, value: { signaturesVerified: 0 } })
    expect(await second).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'a call of the page went first' },
    })
    expect((await hello).ok).toBe(true)
    expect(calls).toEqual(['warmUp 0', 'hello'])
  })
})
