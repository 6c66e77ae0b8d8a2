import { describe, expect, it } from 'vitest'
import { parseCliArgs, usage } from '../../src/cli/simulateOptions.ts'
import { defaultScenario } from '../../src/lib/sim/scenario.ts'
import { fieldSpec, scenarioFieldNames, type ScenarioFieldName } from '../../src/lib/sim/scenarioFields.ts'

describe('simulate CLI options', () => {
  it('maps the contract options onto the scenario, with --staple expired meaning stale', () => {
    const parsed = parseCliArgs(['--json', '--mode', 'must-staple', '--tls', '1.2', '--staple', 'expired'])
    expect(parsed).toEqual({
      ok: true,
      options: {
        json: true,
        compare: false,
        help: false,
        scenario: { ...defaultScenario, mode: 'must-staple', tls: '1.2', staple: 'stale' },
      },
    })
  })

  it('takes --client, --key-exchange and --staple pre-revocation, textbook and the hybrid by default', () => {
    expect(parseCliArgs([]).ok && parseCliArgs([])).toMatchObject({
      options: { scenario: { client: 'textbook', keyExchange: 'x25519mlkem768' } },
    })
    const parsed = parseCliArgs([
      '--client',
      'firefox-136',
      '--key-exchange',
      'x25519',
      '--staple',
      'pre-revocation',
    ])
    expect(parsed.ok && parsed.options.scenario).toMatchObject({
      client: 'firefox-136',
      keyExchange: 'x25519',
      staple: 'pre-revocation',
    })
    expect(parseCliArgs(['--client', 'netscape'])).toEqual({
      ok: false,
      error: '--client: "netscape" is not one of textbook, chrome, firefox-136, firefox-142, safari, curl',
    })
    expect(usage).toContain('--client')
    expect(usage).toContain('pre-revocation')
  })

  it('accepts --name=value, presets and URL queries, later options winning', () => {
    const parsed = parseCliArgs([
      '--preset',
      'mobile-3g',
      '--query',
      'tls=1.2&rs=80',
      '--rtt-server=90',
      '--resumed',
    ])
    expect(parsed.ok && parsed.options.scenario).toMatchObject({
      rttResponderMs: 320,
      tls: '1.2',
      rttServerMs: 90,
      resumed: true,
    })
    expect(parseCliArgs(['--no-staple-errors']).ok && parseCliArgs(['--no-staple-errors'])).toMatchObject({
      options: { scenario: { stapleErrors: false } },
    })
  })

  it('names the option in a one-line error', () => {
    expect(parseCliArgs(['--rtt-server', '-5'])).toEqual({
      ok: false,
      error: '--rtt-server: -5 is not a number from 0 to 60000 ms',
    })
    expect(parseCliArgs(['--preset', 'nope'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^--preset: nope/),
    })
    expect(parseCliArgs(['--query', 'rr=x&tls=9'])).toEqual({
      ok: false,
      error:
        '--query: TLS version: tls=9 is not one of 1.2, 1.3; Client ↔ responder RTT: rr=x is not a number from 0 to 60000 ms',
    })
    expect(parseCliArgs(['--loss', '0.9'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^--loss:/),
    })
  })

  it('documents every option in the usage text', () => {
    for (const flag of [
      '--mode',
      '--tls',
      '--rtt-server',
      '--rtt-responder',
      '--responder',
      '--staple',
      '--cert-status',
    ]) {
      expect(usage).toContain(flag)
    }
    expect(usage).toContain('--staple fresh|expired|none')
    expect(usage).toMatch(/--rtt-server MS +Client ↔ server RTT, 0 to 60000 ms \(default 50 ms\)/)
  })

  it('has one option per scenario field, each documented and reaching its field', () => {
    const otherValue = (field: ScenarioFieldName): string[] => {
      const spec = fieldSpec(field)
      switch (spec.kind) {
        case 'boolean':
          return []
        case 'enum':
          return [spec.values.find((v) => v !== spec.default)!]
        case 'number':
          return [String(spec.typical.max)]
        case 'text':
          return [spec.pattern.test('198.51.100.1') ? '198.51.100.1' : 'other.example']
      }
    }
    const lines = usage.split('\n').map((l) => l.trim())
    for (const field of scenarioFieldNames) {
      const spec = fieldSpec(field)
      expect(
        lines.filter((l) => l.split(' ')[0] === spec.cliFlag),
        field,
      ).toEqual([expect.stringContaining(spec.label)])
      const parsed = parseCliArgs([spec.cliFlag, ...otherValue(field)])
      expect(parsed.ok && parsed.options.scenario[field], field).not.toEqual(defaultScenario[field])
    }
  })
})
