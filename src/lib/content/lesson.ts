/**
 * A lesson step is a Markdown file with a small header (src/content/lessons/README.md documents the
 * format for trainers). This module turns one file's text into a typed Lesson, or a one-line error
 * naming the file and the line, so a typo in a lesson is caught by `npm test`, not by a learner.
 */
import { comparisonRows, type ComparisonRow } from '../sim/types.ts'
import { parseBlocks, parseInline, isSafeHref, type Block, type Inline } from './markdown.ts'

/** What a step's live run must show, so the text and the diagram cannot drift apart. */
export const expectFields = [
  'outcome',
  'reason',
  'revokedAccepted',
  'responderLearned',
  'stapleDelivered',
  'revocationSource',
] as const
export type ExpectField = (typeof expectFields)[number]

export interface Expectation {
  row: ComparisonRow
  field: ExpectField
  value: string | boolean
  /** The line as written, for error messages. */
  text: string
}

export interface QuizChoice {
  text: Inline[]
  correct: boolean
  explain: Inline[]
}

export interface Quiz {
  question: Inline[]
  choices: QuizChoice[]
}

export interface Source {
  label: string
  href: string
}

export interface Lesson {
  slug: string
  title: string
  /** The scenario in its URL form (the same text a shared link carries after '?'). */
  scenarioQuery: string
  /** The comparison rows this step is about (highlighted); all rows when empty. */
  focus: ComparisonRow[]
  expects: Expectation[]
  body: Block[]
  quiz: Quiz[]
  sources: Source[]
}

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; message: string }

function isRow(name: string): name is ComparisonRow {
  return (comparisonRows as readonly string[]).includes(name)
}

function isField(name: string): name is ExpectField {
  return (expectFields as readonly string[]).includes(name)
}

const expectLine = /^([\w-]+)\.(\w+)\s*=\s*(\S+)$/

function parseExpectation(text: string): Expectation | string {
  const m = expectLine.exec(text.trim())
  if (!m) return `expect "${text}" is not "row.field = value"`
  const [, row, field, raw] = m as unknown as [string, string, string, string]
  if (!isRow(row)) return `expect "${text}": ${row} is not one of ${comparisonRows.join(', ')}`
  if (!isField(field)) return `expect "${text}": ${field} is not one of ${expectFields.join(', ')}`
  const value = raw === 'true' ? true : raw === 'false' ? false : raw
  return { row, field, value, text: text.trim() }
}

/** Split off the `---` header: `key: value` lines; `expect` may repeat. */
function splitHeader(
  text: string,
): { header: [string, string, number][]; body: string; bodyLine: number } | string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trim() !== '---') return 'line 1: expected the header to start with ---'
  const end = lines.indexOf('---', 1)
  if (end < 0) return 'the header has no closing ---'
  const header: [string, string, number][] = []
  for (let i = 1; i < end; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    const m = /^(\w+):\s*(.*)$/.exec(line)
    if (!m) return `line ${i + 1}: expected "key: value"`
    header.push([m[1]!, m[2]!.trim(), i + 1])
  }
  return { header, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 }
}

/** `## Quiz` and `## Sources` sections are taken out of the body and parsed on their own. */
function splitSections(body: string): { main: string; quiz: string; sources: string } {
  const parts = body.split(/^## (Quiz|Sources)\s*$/m)
  let main = parts[0] ?? ''
  let quiz = ''
  let sources = ''
  for (let i = 1; i < parts.length; i += 2) {
    if (parts[i] === 'Quiz') quiz += parts[i + 1] ?? ''
    else sources += parts[i + 1] ?? ''
  }
  main = main.trim()
  return { main, quiz, sources }
}

function parseQuiz(text: string): Quiz[] | string {
  const quizzes: Quiz[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    if (line.startsWith('? ')) {
      quizzes.push({ question: parseInline(line.slice(2)), choices: [] })
      continue
    }
    const m = /^- \[( |x)\] (.+?)(?: :: (.+))?$/.exec(line)
    const current = quizzes.at(-1)
    if (!m || !current) return `quiz line "${line}" is not "? question" or "- [ ] answer :: why"`
    current.choices.push({
      text: parseInline(m[2]!),
      correct: m[1] === 'x',
      explain: parseInline(m[3] ?? ''),
    })
  }
  for (const q of quizzes) {
    if (q.choices.length < 2) return 'a quiz question needs at least two answers'
    if (!q.choices.some((c) => c.correct)) return 'a quiz question needs a correct answer marked [x]'
  }
  return quizzes
}

function parseSources(text: string): Source[] | string {
  const sources: Source[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    const m = /^- \[(.+)\]\((\S+)\)$/.exec(line)
    if (!m) return `source line "${line}" is not "- [label](https://...)"`
    if (!isSafeHref(m[2]!)) return `source ${m[2]} is not an http(s) link`
    sources.push({ label: m[1]!, href: m[2]! })
  }
  return sources
}

export function parseLesson(slug: string, text: string): LessonResult {
  const fail = (message: string): LessonResult => ({ ok: false, message: `${slug}: ${message}` })
  const split = splitHeader(text)
  if (typeof split === 'string') return fail(split)
  let title = ''
  let scenarioQuery = ''
  const focus: ComparisonRow[] = []
  const expects: Expectation[] = []
  for (const [key, value, line] of split.header) {
    if (key === 'title') title = value
    else if (key === 'scenario') scenarioQuery = value
    else if (key === 'focus') {
      for (const name of value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (!isRow(name))
          return fail(`line ${line}: focus ${name} is not one of ${comparisonRows.join(', ')}`)
        focus.push(name)
      }
    } else if (key === 'expect') {
      const e = parseExpectation(value)
      if (typeof e === 'string') return fail(`line ${line}: ${e}`)
      expects.push(e)
    } else return fail(`line ${line}: unknown header key "${key}"`)
  }
  if (!title) return fail('the header has no title')
  const sections = splitSections(split.body)
  const quiz = parseQuiz(sections.quiz)
  if (typeof quiz === 'string') return fail(quiz)
  const sources = parseSources(sections.sources)
  if (typeof sources === 'string') return fail(sources)
  if (sources.length === 0) return fail('a step needs a ## Sources section with at least one link')
  return {
    ok: true,
    lesson: { slug, title, scenarioQuery, focus, expects, body: parseBlocks(sections.main), quiz, sources },
  }
}
