import { describe, expect, it } from 'vitest'
import { parseLesson } from '../../../src/lib/content/lesson'

const good = `---
title: A step
scenario: resp=blocked
focus: plain-ocsp
expect: plain-ocsp.revokedAccepted = true
---
Body text.

## Quiz
? Which?
- [ ] this :: no
- [x] that :: yes

## Sources
- [RFC 6960](https://www.rfc-editor.org/rfc/rfc6960)
`

describe('a lesson file', () => {
  it('gives its title, scenario, expectations, body, quiz and sources', () => {
    const result = parseLesson('step', good)
    if (!result.ok) throw new Error(result.message)
    const { lesson } = result
    expect(lesson.title).toBe('A step')
    expect(lesson.scenarioQuery).toBe('resp=blocked')
    expect(lesson.focus).toEqual(['plain-ocsp'])
    expect(lesson.expects).toEqual([
      { row: 'plain-ocsp', field: 'revokedAccepted', value: true, text: 'plain-ocsp.revokedAccepted = true' },
    ])
    expect(lesson.body).toHaveLength(1)
    expect(lesson.quiz[0]!.choices.map((c) => c.correct)).toEqual([false, true])
    expect(lesson.sources).toEqual([{ label: 'RFC 6960', href: 'https://www.rfc-editor.org/rfc/rfc6960' }])
  })

  it.each([
    [
      'an unknown row in expect',
      good.replace('plain-ocsp.revokedAccepted', 'ocsp.revokedAccepted'),
      'line 5: expect',
    ],
    ['a missing title', good.replace('title: A step\n', ''), 'no title'],
    ['a quiz without a right answer', good.replace('- [x] that', '- [ ] that'), 'correct answer'],
    ['no sources', good.replace(/## Sources[\s\S]*/, ''), 'Sources'],
    [
      'a javascript: source',
      good.replace('https://www.rfc-editor.org/rfc/rfc6960', 'javascript:alert(1)'),
      'not an http(s) link',
    ],
  ])('refuses %s with a message naming the file', (_what, text, fragment) => {
    const result = parseLesson('step', text)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toContain('step: ')
      expect(result.message).toContain(fragment)
    }
  })
})
