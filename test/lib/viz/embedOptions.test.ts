import { describe, expect, it } from 'vitest'
import {
  defaultEmbedOptions,
  elementQuery,
  embedOptionsQuery,
  parseEmbedOptions,
} from '../../../src/lib/viz/embedOptions.ts'

describe('parseEmbedOptions', () => {
  it('reads rows, theme, controls and start beside the scenario keys', () => {
    const read = parseEmbedOptions(
      new URLSearchParams('tls=1.2&rows=must-staple,ocsp-soft-fail&theme=dark&controls=none&start=end'),
    )
    expect(read.problems).toEqual([])
    expect(read.options).toEqual({
      rows: ['plain-ocsp', 'must-staple'],
      theme: 'dark',
      controls: 'none',
      start: 'end',
    })
  })

  it("without options shows all four rows with a play button, in the reader's theme, from the start", () => {
    expect(parseEmbedOptions(new URLSearchParams('tls=1.2'))).toEqual({
      options: defaultEmbedOptions,
      problems: [],
    })
  })

  it('names each value it cannot use in one line, and shows the default instead', () => {
    const read = parseEmbedOptions(new URLSearchParams('theme=<b>pink</b>&controls=all&rows=crl'))
    expect(read.options).toEqual(defaultEmbedOptions)
    expect(read.problems.map((p) => p.key)).toEqual(['rows', 'theme', 'controls'])
    expect(read.problems[1]!.message).toBe(
      'theme: "<b>pink</b>" is not one of auto, light, dark; showing auto.',
    )
    for (const p of read.problems) expect(p.message).not.toContain('\n')
  })

  it('writes back only what differs from the defaults, and reads back the same options', () => {
    const options = {
      rows: ['stapling' as const],
      theme: 'light' as const,
      controls: 'full' as const,
      start: 'end' as const,
    }
    const query = embedOptionsQuery(options)
    expect(query.toString()).toBe('rows=stapling&theme=light&controls=full&start=end')
    expect(parseEmbedOptions(query).options).toEqual(options)
    expect(embedOptionsQuery(defaultEmbedOptions).toString()).toBe('')
  })
})

describe('elementQuery: the attributes of <staple-lab-diagram>', () => {
  it('takes the scenario as the URL writes it, or a whole Staple Lab link, and lets its own attributes win', () => {
    const query = elementQuery({
      scenario: 'https://example.org/staple-lab/#/compare?rs=80&rows=none&theme=light',
      rows: 'ocsp-soft-fail,must-staple',
      theme: 'dark',
      controls: null,
    })
    expect(query.get('rs')).toBe('80')
    expect(parseEmbedOptions(query).options).toEqual({
      rows: ['plain-ocsp', 'must-staple'],
      theme: 'dark',
      controls: 'play',
      start: 'begin',
    })
  })

  it('without attributes is the default scenario with the default options', () => {
    expect(elementQuery({}).toString()).toBe('')
  })
})
