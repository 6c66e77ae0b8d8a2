// The CLI is spawned as a user would run it: the JSON contract, determinism and exit statuses.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

function simulateCli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url).pathname,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('simulate CLI', () => {
  it('prints the JSON contract for one handshake', () => {
    const { status, stdout, stderr } = simulateCli(
      '--json',
      '--mode',
      'ocsp-soft-fail',
      '--rtt-responder',
      '80',
    )
    expect(status).toBe(0)
    expect(stderr).toBe('')
    const out = JSON.parse(stdout) as Record<string, unknown>
    expect(out).toMatchObject({
      outcome: 'connected',
      reason: null,
      responderLearned: true,
      revokedAccepted: false,
    })
    const phases = out.phases as Record<string, number>
    expect(Object.values(phases).reduce((a, b) => a + b, 0)).toBe(out.handshakeMs)
    expect(out.handshakeMs).toBe(50 + 50 + 20 + 80 + 80 + 10)
    const events = out.events as { t: number; from: string; to: string; message: string; bytes: number }[]
    for (const e of events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['t', 'from', 'to', 'message', 'bytes']))
      expect(['client', 'server', 'responder', 'dns', 'attacker']).toContain(e.from)
    }
    expect(events.map((e) => e.t)).toEqual([...events.map((e) => e.t)].sort((a, b) => a - b))
  })

  it('--client and --staple pre-revocation: curl trusts a replayed good staple, Chrome never asks the CA', () => {
    const curl = simulateCli(
      '--json',
      '--client',
      'curl',
      '--mode',
      'must-staple',
      '--staple',
      'pre-revocation',
      '--cert-status',
      'revoked',
    )
    expect(curl.status).toBe(0)
    expect(JSON.parse(curl.stdout)).toMatchObject({
      client: 'curl',
      outcome: 'connected',
      revokedAccepted: true,
      revocationSource: 'staple',
    })
    const chrome = JSON.parse(
      simulateCli('--json', '--client', 'chrome', '--mode', 'ocsp-hard-fail').stdout,
    ) as Record<string, unknown>
    expect(chrome).toMatchObject({ client: 'chrome', outcome: 'connected', responderLearned: false })
    expect(JSON.stringify(chrome.notes)).toContain('never asks the OCSP responder')
  })

  it('is deterministic and reports rejections as results (exit 0)', () => {
    const args = [
      '--json',
      '--mode',
      'must-staple',
      '--staple',
      'expired',
      '--tls',
      '1.2',
      '--responder',
      'blocked',
    ]
    const first = simulateCli(...args)
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ outcome: 'rejected', reason: 'stale-staple' })
    expect(simulateCli(...args).stdout).toBe(first.stdout)
  })

  it('shows an attacker blocking OCSP letting a revoked certificate through', () => {
    const { stdout } = simulateCli(
      '--json',
      '--mode',
      'ocsp-soft-fail',
      '--responder',
      'blocked',
      '--cert-status',
      'revoked',
    )
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'connected',
      revokedAccepted: true,
      responderLearned: false,
    })
  })

  it('exits 2 with a one-line message naming the option for a usage error', () => {
    for (const args of [['--mode', 'bogus'], ['--rtt-server', 'fast'], ['--frobnicate'], ['--tls']]) {
      const { status, stdout, stderr } = simulateCli('--json', ...args)
      expect(status).toBe(2)
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toContain(args[0]!)
    }
  })

  it('prints a readable table, and every mode side by side with --compare', () => {
    const table = simulateCli('--mode', 'stapling')
    expect(table.stdout).toContain('Certificate (+ staple)')
    const compare = simulateCli('--compare', '--responder', 'down')
    expect(compare.status).toBe(0)
    for (const mode of ['none', 'ocsp-soft-fail', 'ocsp-hard-fail', 'stapling', 'must-staple']) {
      expect(compare.stdout).toContain(mode)
    }
    expect(compare.stdout).toMatch(/ocsp-hard-fail\s+rejected\s+responder-unreachable/)
  })
})
