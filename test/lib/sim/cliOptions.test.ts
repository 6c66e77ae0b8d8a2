import { describe, expect, it } from 'vitest'
import { parseCliArgs, usage } from '../../../src/lib/sim/cliOptions.ts'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'

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
    expect(parseCliArgs(['--query', 'rr=x'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^--query: rttResponderMs/),
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
  })
})
