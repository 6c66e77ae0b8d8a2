/**
 * "Read my s_client output" against what openssl really printed: s_client against Debian's nginx
 * and Apache stapling on loopback, and `openssl ocsp -resp_text` on the test PKI's responses
 * (test/fixtures/sclient/record.ts made them; the command is in its header).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { inspectInput } from '../../../src/lib/pki/index.ts'
import { opensslTimeToIso, readPastedOutput } from '../../../src/lib/servers/sclientReader.ts'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/sclient/${name}`, import.meta.url)), 'utf8')
/** A day after the recording: the nginx staple (7 days) is fresh. */
const dayAfter = new Date('2026-12-02T16:39:03Z')

describe('s_client -status -showcerts against nginx on loopback', () => {
  it('the first connection after start: "no response sent", read as no staple, with what to do next', () => {
    const r = readPastedOutput(fixture('nginx-tls13-no-staple.txt'), dayAfter)
    expect(r.tool).toBe('s_client')
    expect(r.protocol).toBe('TLSv1.3')
    expect(r.ocsp).toEqual({ kind: 'none' })
    expect(r.advice.level).toBe('warning')
    expect(r.advice.verdict).toContain('no response sent')
    expect(r.advice.next[0]).toContain('Run the command again')
  })

  it('a later connection: the stapled good response with its status and times', () => {
    const r = readPastedOutput(fixture('nginx-tls13-staple.txt'), dayAfter)
    expect(r.protocol).toBe('TLSv1.3')
    expect(r.ocsp).toMatchObject({
      kind: 'response',
      responderId: expect.stringContaining('CN = Staple Lab Demo Issuing CA'),
      responses: [
        {
          certStatus: 'good',
          thisUpdate: '2026-12-01T16:39:03Z',
          nextUpdate: '2026-12-08T16:39:03Z',
          serialNumber: expect.stringMatching(/^[0-9a-f]+$/),
        },
      ],
    })
    expect(r.advice).toMatchObject({
      level: 'ok',
      verdict: 'Stapling works: a good response, fresh for 6 d.',
    })
  })

  it('TLS 1.2 reads the same, and past Next Update the same staple is stale', () => {
    const tls12 = readPastedOutput(fixture('nginx-tls12-staple.txt'), dayAfter)
    expect(tls12.protocol).toBe('TLSv1.2')
    expect(tls12.ocsp.kind).toBe('response')
    const late = readPastedOutput(fixture('nginx-tls12-staple.txt'), new Date('2026-12-09T00:00:00Z'))
    expect(late.advice.level).toBe('danger')
    expect(late.advice.verdict).toContain('stale since')
  })

  it('finds both certificates, leaf first, and they are real certificates the inspector reads', async () => {
    const r = readPastedOutput(fixture('nginx-tls13-staple.txt'), dayAfter)
    expect(r.certificates.map((c) => c.subject)).toEqual([
      'CN = shop.example',
      expect.stringContaining('CN = Staple Lab Demo Issuing CA'),
    ])
    const inspected = await inspectInput(
      'pasted',
      new TextEncoder().encode(r.certificates.map((c) => c.pem).join('')),
    )
    const kinds = inspected.objects.map((o) => (o.result.ok ? o.result.value.kind : o.result.error.code))
    expect(kinds).toEqual(['certificate', 'certificate'])
    const leaf = inspected.objects[0]!.result
    expect(leaf.ok && leaf.value.kind === 'certificate' && leaf.value.serialNumber).toBe(
      r.ocsp.kind === 'response' ? r.ocsp.responses[0]!.serialNumber : null,
    )
  })
})

describe('s_client against Apache whose responder answers tryLater', () => {
  it('reads the stapled error status and says what to change', () => {
    const r = readPastedOutput(fixture('apache-tls13-trylater.txt'), dayAfter)
    expect(r.ocsp).toEqual({ kind: 'error', responseStatus: 'tryLater' })
    expect(r.advice.level).toBe('danger')
    expect(r.advice.next.join(' ')).toContain('SSLStaplingReturnResponderErrors off')
  })
})

describe('openssl ocsp -resp_text output', () => {
  it('a good response of the test PKI', () => {
    const r = readPastedOutput(fixture('ocsp-resp-good-ecdsa.txt'), new Date('2026-11-25T00:00:00Z'))
    expect(r.tool).toBe('ocsp')
    expect(r.protocol).toBeNull()
    expect(r.ocsp).toMatchObject({
      kind: 'response',
      producedAt: '2026-11-24T00:05:42Z',
      responses: [{ serialNumber: '3002', certStatus: 'good', nextUpdate: '2026-11-28T00:05:42Z' }],
    })
    expect(r.advice.verdict).toMatch(/^A good response, fresh for 3 d/)
  })

  it('a revoked one, with its time and reason', () => {
    const r = readPastedOutput(
      fixture('ocsp-resp-revoked-keycompromise.txt'),
      new Date('2026-11-25T00:00:00Z'),
    )
    expect(r.ocsp).toMatchObject({
      responses: [
        { certStatus: 'revoked', revocationTime: '2026-11-20T12:00:00Z', revocationReason: 'keyCompromise' },
      ],
    })
    expect(r.advice.level).toBe('danger')
  })

  it('an error response, which openssl prints as "Responder Error: trylater (3)"', () => {
    expect(readPastedOutput(fixture('ocsp-resp-status-trylater.txt'), dayAfter).ocsp).toEqual({
      kind: 'error',
      responseStatus: 'tryLater',
    })
  })

  it('the status lines of `openssl ocsp -cert c.pem -url ...`', () => {
    const text =
      'Response verify OK\ncert.pem: good\n\tThis Update: Nov 24 00:05:42 2026 GMT\n\tNext Update: Nov 28 00:05:42 2026 GMT\n'
    const r = readPastedOutput(text, new Date('2026-11-25T00:00:00Z'))
    expect(r.ocsp).toMatchObject({ kind: 'response', verified: true, responses: [{ certStatus: 'good' }] })
  })
})

describe('text that is not what it expects', () => {
  it('s_client without -status never asked, and says so', () => {
    const text = fixture('nginx-tls13-no-staple.txt').replace('OCSP response: no response sent\n', '')
    expect(readPastedOutput(text, dayAfter).ocsp).toEqual({ kind: 'not-asked' })
  })

  it('anything else is "not openssl output", never an exception', () => {
    for (const text of [
      '',
      'hello',
      '-----BEGIN CERTIFICATE-----',
      'OCSP Response Status: bogus',
      '<script>',
    ])
      expect(() => readPastedOutput(text, dayAfter)).not.toThrow()
    expect(readPastedOutput('hello', dayAfter).advice.verdict).toContain('does not look like')
  })

  it('reads openssl times and refuses impossible ones', () => {
    expect(opensslTimeToIso('Dec  1 16:38:52 2026 GMT')).toBe('2026-12-01T16:38:52Z')
    expect(opensslTimeToIso('Feb 31 00:00:00 2026 GMT')).toBeNull()
    expect(opensslTimeToIso('yesterday')).toBeNull()
  })
})
