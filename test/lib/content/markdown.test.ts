import { describe, expect, it } from 'vitest'
import { parseBlocks, parseInline } from '../../../src/lib/content/markdown'

describe('the lesson Markdown subset', () => {
  it('reads code, strong, emphasis and links inline', () => {
    expect(
      parseInline(
        'Send `status_request`, **always**, see [RFC 6066](https://www.rfc-editor.org/rfc/rfc6066).',
      ),
    ).toEqual([
      { type: 'text', text: 'Send ' },
      { type: 'code', text: 'status_request' },
      { type: 'text', text: ', ' },
      { type: 'strong', children: [{ type: 'text', text: 'always' }] },
      { type: 'text', text: ', see ' },
      {
        type: 'link',
        href: 'https://www.rfc-editor.org/rfc/rfc6066',
        children: [{ type: 'text', text: 'RFC 6066' }],
      },
      { type: 'text', text: '.' },
    ])
  })

  it('keeps a javascript: link as plain text, so a lesson cannot run code', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { type: 'text', text: '[click](javascript:alert(1))' },
    ])
  })

  it('keeps HTML as text: there is no HTML output at all', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ])
  })

  it('splits paragraphs, lists with continuation lines, fenced code and notes', () => {
    const blocks = parseBlocks(
      [
        'First line',
        'same paragraph.',
        '',
        '- one',
        '  continued',
        '- two',
        '',
        '1. first',
        '2. second',
        '',
        '```sh',
        'openssl s_client -status',
        '```',
        '',
        '> a note',
        '> goes on',
      ].join('\n'),
    )
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list', 'code', 'note'])
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: 'First line same paragraph.' }],
    })
    expect(blocks[1]).toMatchObject({
      ordered: false,
      items: [[{ text: 'one continued' }], [{ text: 'two' }]],
    })
    expect(blocks[2]).toMatchObject({ ordered: true })
    expect(blocks[3]).toEqual({ type: 'code', lang: 'sh', text: 'openssl s_client -status' })
    expect(blocks[4]).toEqual({ type: 'note', children: [{ type: 'text', text: 'a note goes on' }] })
  })
})
