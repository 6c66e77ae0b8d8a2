/**
 * How a Name is shown, on the page and in the CLI's text alike: as written, in its own script,
 * with what a reader cannot see made visible. An invisible or direction-changing character becomes
 * a marker such as ⟨U+202E⟩, because a name that reorders itself on screen is a spoofing trick
 * ("invoice‮gnp.exe" shows as "invoiceexe.png"; Unicode Technical Report #36, 2.1 and
 * CVE-2021-42574 "Trojan Source"). Bytes that are not text show as hex in a marker that says why.
 */
import { commonName, parseRfc4514, type AttributeValue } from './names.ts'

export type ShownRun =
  | { kind: 'text'; text: string }
  /** `text` is what to show (⟨U+202E⟩), `title` what it means; `char` the character it stands for. */
  | { kind: 'mark'; text: string; title: string; char?: string }

export interface ShownValue {
  runs: ShownRun[]
  /** The runs as one line: what the CLI prints. */
  text: string
}

export interface ShownAttribute {
  type: string
  value: ShownValue
}

export interface ShownName {
  /** Most specific RDN first; an empty list is an RDN with no attribute (invalid DER). */
  rdns: ShownAttribute[][]
  /** The whole name on one line, attributes joined by "+" and RDNs by ",": what the CLI prints. */
  text: string
}

/** Names of the characters a certificate name is most likely to hide (Unicode's own names). */
const knownNames: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK: changes text direction',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200e: 'LEFT-TO-RIGHT MARK: changes text direction',
  0x200f: 'RIGHT-TO-LEFT MARK: changes text direction',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING: changes text direction',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING: changes text direction',
  0x202c: 'POP DIRECTIONAL FORMATTING: changes text direction',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE: changes text direction',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE: reverses the text after it',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE: changes text direction',
  0x2067: 'RIGHT-TO-LEFT ISOLATE: changes text direction',
  0x2068: 'FIRST STRONG ISOLATE: changes text direction',
  0x2069: 'POP DIRECTIONAL ISOLATE: changes text direction',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
}

/**
 * Controls (Cc), format characters (Cf: every bidi control and zero-width character), and the line
 * and paragraph separators. Not ZERO WIDTH JOINER / NON-JOINER (200D, 200C): Persian, the Indic
 * scripts and emoji need them to be written correctly (RFC 5892 Appendix A.1, A.2 allow them).
 */
const hidden = /[\p{Cc}\p{Cf}\u2028\u2029]/u
const joiners = new Set([0x200c, 0x200d])

function mark(cp: number): ShownRun {
  const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')
  const what =
    knownNames[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 'control character' : 'invisible character')
  return { kind: 'mark', text: `⟨${code}⟩`, title: `${code} ${what}`, char: String.fromCodePoint(cp) }
}

function joinRuns(runs: ShownRun[]): ShownValue {
  return { runs, text: runs.map((r) => r.text).join('') }
}

/** Text as written, each hidden character replaced by its marker. */
export function showText(text: string): ShownValue {
  // Nearly every value hides nothing: one run, without testing it a character at a time.
  if (!hidden.test(text)) return { runs: text ? [{ kind: 'text', text }] : [], text }
  const runs: ShownRun[] = []
  let plain = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (hidden.test(ch) && !joiners.has(cp)) {
      if (plain) runs.push({ kind: 'text', text: plain })
      plain = ''
      runs.push(mark(cp))
    } else plain += ch
  }
  if (plain) runs.push({ kind: 'text', text: plain })
  return joinRuns(runs)
}

const spaced = (hex: string) => (hex.match(/../g) ?? []).join(' ')

function showValue(value: AttributeValue): ShownValue {
  switch (value.kind) {
    case 'text':
      return showText(value.text)
    case 'invalid':
      return joinRuns([
        { kind: 'mark', text: `⟨invalid ${value.stringType}: ${spaced(value.bytes)}⟩`, title: value.problem },
      ])
    case 'binary':
      return joinRuns([{ kind: 'text', text: `#${value.der}` }])
  }
}

/** An RDN with no attribute, shown where it stands (a bare "," would hide it). */
export const emptyRdn: ShownValue = joinRuns([
  {
    kind: 'mark',
    text: '⟨empty RDN⟩',
    title: 'an RDN with no attribute: invalid, RFC 5280 4.1.2.4 requires at least one (SET SIZE (1..MAX))',
  },
])

/** An RFC 4514 string (a model's subject or issuer) as it should be shown. */
export function showName(name: string): ShownName {
  const rdns = parseRfc4514(name).map((rdn) => rdn.map((a) => ({ type: a.type, value: showValue(a.value) })))
  const text = rdns
    .map((rdn) => (rdn.length ? rdn.map((a) => `${a.type}=${a.value.text}`).join('+') : emptyRdn.text))
    .join(',')
  return { rdns, text }
}

/** A name as one line of text for a sentence or the CLI: as written, markers included. */
export function nameText(name: string): string {
  return showName(name).text || '(empty name)'
}

/** The common name to title a certificate by: its CN shown, else the whole name, else "(empty name)". */
export function shownCommonName(name: string): ShownValue {
  const cn = commonName(name)
  if (cn) return showValue(cn)
  const whole = showName(name).text
  return joinRuns([{ kind: 'text', text: whole || '(empty name)' }])
}
