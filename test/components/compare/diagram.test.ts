import { describe, expect, it } from 'vitest'
import { playbackShortcut } from '../../../src/components/compare/diagram/playback.svelte.ts'
import { textAlternative } from '../../../src/components/compare/diagram/textAlternative.ts'
import { embedCode, exportFileName } from '../../../src/components/compare/share/embedCode.ts'
import { compareModes, defaultScenario } from '../../../src/lib/sim/index.ts'

const key = (k: string, tagName = 'BODY', extra: Partial<{ ctrlKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: false,
  shiftKey: false,
  target: { tagName } as unknown as EventTarget,
})

describe('playback keys', () => {
  it('maps Space, arrows and Home to playback commands', () => {
    expect(playbackShortcut(key(' '))).toBe('toggle')
    expect(playbackShortcut(key('ArrowRight'))).toBe('step')
    expect(playbackShortcut(key('ArrowLeft'))).toBe('back')
    expect(playbackShortcut(key('Home'))).toBe('restart')
    expect(playbackShortcut(key('x'))).toBeNull()
  })

  it('leaves keys typed into controls, and shortcuts of the browser, alone', () => {
    expect(playbackShortcut(key(' ', 'BUTTON'))).toBeNull()
    expect(playbackShortcut(key('ArrowRight', 'INPUT'))).toBeNull()
    expect(playbackShortcut(key('Home', 'TEXTAREA'))).toBeNull()
    expect(playbackShortcut(key('ArrowLeft', 'BODY', { ctrlKey: true }))).toBeNull()
    // A focused message in a diagram is an SVG <g>: the shortcuts still work there.
    expect(playbackShortcut(key(' ', 'g'))).toBe('toggle')
  })
})

describe('the diagrams as text', () => {
  const entries = compareModes({ ...defaultScenario })
  const plain = entries.find((e) => e.row === 'plain-ocsp')!.run

  it('lists every message in time order, with the wait and the leak, and ends with the outcome', () => {
    const items = textAlternative(plain)
    expect(items.filter((i) => i.tone === 'message')).toHaveLength(plain.events.length)
    const times = items.slice(0, -1).map((i) => i.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(
      items.some((i) => i.tone === 'wait' && i.text.startsWith('The client (browser) waits 130 ms')),
    ).toBe(true)
    expect(items.some((i) => i.tone === 'leak' && i.text.includes('visits shop.example'))).toBe(true)
    expect(items.at(-1)).toMatchObject({ tone: 'outcome', text: 'Connected after 230 ms.' })
    expect(items[0]!.text).toMatch(/^Client → Web server: SYN \(60 B, TCP connect\)\./)
  })
})

describe('sharing', () => {
  it('makes an iframe whose src cannot break out of its attribute', () => {
    const code = embedCode('https://example.test/#/embed?site="><script>')
    expect(code).toMatch(/^<iframe src="https:\/\/example\.test\/#\/embed\?site=&quot;&gt;&lt;script&gt;" /)
    expect(code.match(/<iframe/g)).toHaveLength(1)
  })

  it('names exports after the scenario', () => {
    expect(exportFileName('rs=80&tls=1.2', 'svg')).toBe('staple-lab-compare-rs-80-tls-1.2.svg')
    expect(exportFileName('', 'json')).toBe('staple-lab-compare.json')
  })
})
