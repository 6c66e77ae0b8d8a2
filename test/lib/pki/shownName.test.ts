/**
 * What the page and the CLI show of a name: the text as written, with what cannot be seen, or
 * would move text around, made visible.
 */
import { describe, expect, it } from 'vitest'
import { showName, showText, shownCommonName } from '../../../src/lib/pki/shownName.ts'

describe('showText', () => {
  it('leaves every script as written: Latin, CJK, Cyrillic, Hebrew, Arabic', () => {
    for (const text of ['Zürich 東京', 'Москва', 'ירושלים', 'مرحبا', 'Straße']) {
      expect(showText(text)).toEqual({ runs: [{ kind: 'text', text }], text })
    }
  })

  it('turns a right-to-left override into a marker that says what it does', () => {
    const shown = showText('invoice\u202egnp.exe')
    expect(shown.text).toBe('invoice⟨U+202E⟩gnp.exe')
    expect(shown.runs).toEqual([
      { kind: 'text', text: 'invoice' },
      {
        kind: 'mark',
        text: '⟨U+202E⟩',
        title: 'U+202E RIGHT-TO-LEFT OVERRIDE: reverses the text after it',
        char: '\u202e',
      },
      { kind: 'text', text: 'gnp.exe' },
    ])
  })

  it('marks zero-width, bidi and control characters, one marker each', () => {
    expect(showText('a\u200bb\u200ec\u2067d\u2069\u0000\u001b\u0085\ufeff\u00ad\u2028').text).toBe(
      'a⟨U+200B⟩b⟨U+200E⟩c⟨U+2067⟩d⟨U+2069⟩⟨U+0000⟩⟨U+001B⟩⟨U+0085⟩⟨U+FEFF⟩⟨U+00AD⟩⟨U+2028⟩',
    )
  })

  it('keeps the joiners Persian and emoji need (ZWNJ, ZWJ) as they are', () => {
    for (const text of ['می\u200cخواهم', '👩\u200d💻']) expect(showText(text).text).toBe(text)
  })
})

describe('showName', () => {
  it('joins attributes with "+" and RDNs with ",", unescaped', () => {
    const shown = showName('CN=Zürich\\, 東京+OU=B\\C3\\BCro,O=\\#1 \\"Test\\"')
    expect(shown.text).toBe('CN=Zürich, 東京+OU=Büro,O=#1 "Test"')
    expect(shown.rdns.map((rdn) => rdn.map((a) => a.type))).toEqual([['CN', 'OU'], ['O']])
  })

  it('shows an empty RDN as a marker and an empty name as nothing', () => {
    expect(showName('CN=a,,O=b').text).toBe('CN=a,⟨empty RDN⟩,O=b')
    expect(showName('')).toEqual({ rdns: [], text: '' })
  })

  it('shows a value that is not a string as its DER in hex, and an unknown type by its OID', () => {
    expect(showName('1.2.3.4=#020101').text).toBe('1.2.3.4=#020101')
    expect(showName('1.2.3.4=#0C03616263').text).toBe('1.2.3.4=abc')
  })
})

describe('shownCommonName', () => {
  it('is the CN as written, markers included', () => {
    expect(shownCommonName('CN=invoice\u202egnp.exe,O=x').text).toBe('invoice⟨U+202E⟩gnp.exe')
  })

  it('falls back to the whole name, or says the name is empty', () => {
    expect(shownCommonName('O=Example,C=DE').text).toBe('O=Example,C=DE')
    expect(shownCommonName('').text).toBe('(empty name)')
  })
})
