/**
 * Names as written: every fixture in test/fixtures/names/ (one per string type and script, bidi and
 * zero-width names, broken encodings, an empty RDN) against openssl's own reading of it
 * (names/expected.json, from make-names.py), and the RFC 4514 string read back into the model.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCertificate } from '../../../src/lib/pki/certificate.ts'
import { readDer } from '../../../src/lib/pki/der.ts'
import { inspectJson, type Asn1Node } from '../../../src/lib/pki/index.ts'
import { commonName, escapeRfc4514, parseRfc4514, readName } from '../../../src/lib/pki/names.ts'
import { showName, type ShownName } from '../../../src/lib/pki/shownName.ts'
import { certificate, fixture, fixturesDir, inspectOne, type Loose } from './helpers.ts'

const expectedNames: Record<string, Loose> = JSON.parse(
  readFileSync(fixturesDir + 'names/expected.json', 'utf8'),
)
const files = readdirSync(fixturesDir + 'names').filter((f) => f.endsWith('.der'))
const valid = files.filter((f) => !expectedNames[f].invalid)
// Strings cut mid-character: openssl refuses the whole certificate ("Could not read
// certificate"), and asn1js did too; the card shows, the bytes behind a marker.
const cutStrings = ['invalid-bmp-odd-length.der', 'invalid-universal-length.der']

/** The shown name with each marker put back to the character it stands for: the text as written. */
function written(name: ShownName): string {
  return name.rdns
    .map((rdn) =>
      rdn
        .map(
          (a) =>
            `${a.type}=${a.value.runs.map((r) => (r.kind === 'mark' ? (r.char ?? r.text) : r.text)).join('')}`,
        )
        .join('+'),
    )
    .join(',')
}

async function subjectOf(file: string): Promise<string> {
  return (await certificate(fixture(`names/${file}`))).info.subject
}

describe('names as openssl reads them', () => {
  it('has a fixture for each string type a Name uses', () => {
    const types = new Set(Object.values(expectedNames).flatMap((e: Loose) => e.stringTypes as string[]))
    expect([...types].sort()).toEqual(
      ['BMPString', 'IA5String', 'PrintableString', 'TeletexString', 'UTF8String', 'UniversalString'].sort(),
    )
  })

  it.each(valid)(
    '%s: shows the subject as openssl -nameopt utf8,sep_comma_plus,dn_rev writes it',
    async (file) => {
      expect(written(showName(await subjectOf(file)))).toBe(expectedNames[file].written)
    },
  )

  it.each(valid)(
    '%s: the JSON subject is RFC 4514 in UTF-8, as -nameopt RFC2253,-esc_msb,-esc_ctrl',
    async (file) => {
      const obj = await inspectOne(fixture(`names/${file}`))
      expect((inspectJson(obj) as Loose).subject).toBe(expectedNames[file].rfc4514)
    },
  )

  it('shows Zürich 東京 as written, not as escaped bytes', async () => {
    const shown = showName(await subjectOf('utf8-zurich-tokyo.der'))
    expect(shown.text).toBe('CN=Zürich 東京,O=Staple Lab Test PKI,C=DE')
    expect(shown.rdns[0][0].value.runs).toEqual([{ kind: 'text', text: 'Zürich 東京' }])
  })

  it('reads TeletexString as Latin-1, BMPString as UTF-16BE and UniversalString as UTF-32BE', async () => {
    expect(showName(await subjectOf('teletex-latin1.der')).text).toBe(
      'CN=Zürich Straße,O=Müller & Söhne,C=DE',
    )
    expect(showName(await subjectOf('bmp-russian-hebrew.der')).text).toBe(
      'CN=ירושלים שלום,O=Москва Тест,C=IL',
    )
    expect(showName(await subjectOf('universal.der')).text).toBe('CN=😀 Zürich 東京,C=CH')
  })

  it('marks a right-to-left override and a zero-width space instead of letting them act', async () => {
    expect(showName(await subjectOf('bidi-spoof.der')).text).toBe(
      'CN=invoice⟨U+202E⟩gnp.exe,O=Evil⟨U+200B⟩Corp',
    )
    expect(showName(await subjectOf('controls.der')).text).toBe(
      'CN=tab⟨U+0009⟩here⟨U+0001⟩bell⟨U+007F⟩⟨U+200F⟩⟨U+2066⟩x⟨U+2069⟩',
    )
  })

  it.each([
    [
      'invalid-utf8.der',
      'CN=⟨invalid UTF8String: 5A C3 28 72 69 63 68⟩,O=Staple Lab',
      /not valid UTF-8 at offset 1/,
    ],
    ['invalid-bmp-surrogate.der', 'CN=⟨invalid BMPString: 00 41 D8 3D 00 42⟩', /D83D at offset 2/],
    ['invalid-universal.der', 'CN=⟨invalid UniversalString: 00 00 00 5A 00 11 00 00⟩', /110000 at offset 4/],
    ['invalid-printable-8bit.der', 'CN=⟨invalid PrintableString: 5A FC 72 69 63 68⟩', /byte FC at offset 1/],
    ['invalid-bmp-odd-length.der', 'CN=⟨invalid BMPString: 67 71 4E AC 00⟩', /5 bytes, not whole 2-byte/],
    [
      'invalid-universal-length.der',
      'CN=⟨invalid UniversalString: 00 00 00 5A 00 00 00 FC 00 00⟩',
      /10 bytes, not whole 4-byte/,
    ],
  ])('%s: shows the raw bytes in a marker that says why, never guessed text', async (file, text, why) => {
    const subject = await subjectOf(file)
    const shown = showName(subject)
    expect(shown.text).toBe(text)
    const run = shown.rdns[0][0].value.runs[0]
    expect(run.kind === 'mark' && run.title).toMatch(why)
    // openssl prints guessed Latin-1 for the PrintableString, and nothing for the others.
    expect(expectedNames[file].written).not.toBe(written(shown))
    // The JSON keeps the value's whole DER as an RFC 4514 hexstring: the bytes, not a guess.
    expect(subject).toMatch(/^CN=#[0-9A-F]+(,|$)/)
  })

  it.each(cutStrings)(
    '%s: a string cut mid-character shows the card (openssl refuses the certificate), its bytes in the ASN.1 view',
    async (file) => {
      const obj = await inspectOne(fixture(`names/${file}`))
      expect(obj.result.ok).toBe(true)
      expect(expectedNames[file].written).toBeNull()
      const values: string[] = []
      const walk = (n: Asn1Node) => {
        if (n.value) values.push(n.value)
        n.children.forEach(walk)
      }
      if (obj.asn1) walk(obj.asn1)
      expect(values.some((v) => /^(BMP|Universal)String has \d+ bytes, not whole/.test(v))).toBe(true)
    },
  )

  it('shows an empty RDN where it stands, not as a stray comma; openssl drops it silently', async () => {
    const shown = showName(await subjectOf('empty-rdn.der'))
    expect(shown.text).toBe('CN=empty.example,O=Staple Lab,⟨empty RDN⟩')
    expect(shown.rdns[2]).toEqual([])
    expect(expectedNames['empty-rdn.der'].written).toBe('CN=empty.example,O=Staple Lab')
  })

  it('keeps a multi-valued RDN together, joined by "+"', async () => {
    const shown = showName(await subjectOf('multivalue.der'))
    expect(shown.rdns[0].map((a) => a.type)).toEqual(['CN', 'OU'])
    expect(shown.text).toBe('CN=Zürich 東京+OU=Büro,O=Staple Lab Test PKI')
  })

  const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' })
  it.runIf(openssl.status === 0)('expected.json is still what the openssl here reads', () => {
    for (const file of valid) {
      const r = spawnSync(
        'openssl',
        [
          'x509',
          '-inform',
          'DER',
          '-in',
          `${fixturesDir}names/${file}`,
          '-noout',
          '-subject',
          '-nameopt',
          'utf8,sep_comma_plus,dn_rev',
        ],
        { encoding: 'utf8' },
      )
      expect(r.stdout.replace(/^subject=/, '').replace(/\n$/, '')).toBe(expectedNames[file].written)
    }
  })
})

describe('RFC 4514 strings read back', () => {
  it.each(files)('%s: the JSON string reads back to the very model read from the DER', async (file) => {
    const der = fixture(`names/${file}`)
    const read = readDer(der)
    if (!read.ok) throw new Error(read.error.message)
    const { subjectDer } = readCertificate(der, read.node)
    const name = readDer(subjectDer)
    if (!name.ok) throw new Error(name.error.message)
    expect(parseRfc4514(await subjectOf(file))).toEqual(readName(subjectDer, name.node))
  })

  it('reads the older escaped form (RFC 2253 \\XX bytes) as the same text', () => {
    expect(parseRfc4514('CN=Z\\C3\\BCrich \\E6\\9D\\B1\\E4\\BA\\AC,C=DE')).toEqual([
      [{ type: 'CN', value: { kind: 'text', text: 'Zürich 東京' } }],
      [{ type: 'C', value: { kind: 'text', text: 'DE' } }],
    ])
  })

  it('any text survives escaping and reading back, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const parsed = parseRfc4514(`CN=${escapeRfc4514(text)},O=x`)
        expect(parsed[0]).toEqual([{ type: 'CN', value: { kind: 'text', text } }])
        expect(parsed).toHaveLength(2)
      }),
    )
  })

  it('reads a lone UTF-16 surrogate, which no UTF-8 can carry, as U+FFFD whether escaped or not', () => {
    for (const written of ['CN=a\uD800b', 'CN=a\\\uD800b', 'CN=a\uDC00b'])
      expect(parseRfc4514(written)).toEqual([[{ type: 'CN', value: { kind: 'text', text: 'a\uFFFDb' } }]])
  })

  it('escapes only what RFC 4514 2.4 requires', () => {
    expect(escapeRfc4514('#Zürich, "東京" <a+b>;\\ ')).toBe('\\#Zürich\\, \\"東京\\" \\<a\\+b\\>\\;\\\\\\ ')
    expect(escapeRfc4514(' a\0b\u202e')).toBe('\\ a\\00b\u202e')
  })
})

describe('commonName', () => {
  it('is the most specific CN, unescaped, in any script', () => {
    expect(commonName('CN=Zürich\\, 東京,O=Example,CN=Root')).toEqual({ kind: 'text', text: 'Zürich, 東京' })
    expect(commonName('O=Example,C=DE')).toBeUndefined()
    expect(commonName('OU=CN=fake,CN=real')).toEqual({ kind: 'text', text: 'real' })
  })

  it("is a CN's raw bytes when they are not text", async () => {
    expect(commonName(await subjectOf('invalid-utf8.der'))).toMatchObject({
      kind: 'invalid',
      bytes: '5AC32872696368',
    })
  })
})
