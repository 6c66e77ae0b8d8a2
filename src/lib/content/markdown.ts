/**
 * A deliberately small Markdown subset for the lesson files (src/content/lessons/*.md), parsed into
 * a tree that Svelte renders as text nodes. There is no HTML output and no raw-HTML tag anywhere, so a
 * lesson file cannot inject markup: the worst a typo can do is show a literal asterisk.
 *
 * Blocks: paragraphs, `## headings`, `- ` and `1. ` lists, ``` fenced code ```, `> ` notes.
 * Inline: `code`, **strong**, *emphasis*, [links](https://...).
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

export type Block =
  | { type: 'heading'; level: 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'note'; children: Inline[] }

/** Links may only point at the web or at a place in this page: no javascript: or data: URLs. */
export function isSafeHref(href: string): boolean {
  return /^(https:\/\/|http:\/\/|#\/)/.test(href)
}

const inlinePattern = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/

export function parseInline(source: string): Inline[] {
  const out: Inline[] = []
  let rest = source
  while (rest.length > 0) {
    const match = inlinePattern.exec(rest)
    if (!match) {
      out.push({ type: 'text', text: rest })
      break
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) })
    const [whole, code, strong, em, linkText, href] = match
    if (code !== undefined) out.push({ type: 'code', text: code })
    else if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong) })
    else if (em !== undefined) out.push({ type: 'em', children: parseInline(em) })
    else if (linkText !== undefined && href !== undefined) {
      if (isSafeHref(href)) out.push({ type: 'link', href, children: parseInline(linkText) })
      else out.push({ type: 'text', text: whole })
    }
    rest = rest.slice(match.index + whole.length)
  }
  return mergeText(out)
}

function mergeText(nodes: Inline[]): Inline[] {
  const merged: Inline[] = []
  for (const node of nodes) {
    const last = merged.at(-1)
    if (node.type === 'text' && last?.type === 'text') last.text += node.text
    else merged.push(node)
  }
  return merged
}

const listItem = /^(\s*)(?:[-*]|(\d+)\.)\s+(.*)$/

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) })
    paragraph = []
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const trimmed = line.trim()
    if (trimmed === '') {
      flush()
      continue
    }
    const fence = /^```(\S*)/.exec(trimmed)
    if (fence) {
      flush()
      const body: string[] = []
      i++
      while (i < lines.length && !lines[i]!.trim().startsWith('```')) body.push(lines[i++]!)
      blocks.push({ type: 'code', lang: fence[1] ?? '', text: body.join('\n') })
      continue
    }
    const heading = /^(#{2,3})\s+(.*)$/.exec(trimmed)
    if (heading) {
      flush()
      blocks.push({ type: 'heading', level: heading[1]!.length as 2 | 3, children: parseInline(heading[2]!) })
      continue
    }
    if (trimmed.startsWith('> ')) {
      flush()
      const note: string[] = [trimmed.slice(2)]
      while (i + 1 < lines.length && lines[i + 1]!.trim().startsWith('> '))
        note.push(lines[++i]!.trim().slice(2))
      blocks.push({ type: 'note', children: parseInline(note.join(' ')) })
      continue
    }
    const item = listItem.exec(line)
    if (item) {
      flush()
      const ordered = item[2] !== undefined
      const items: string[] = [item[3]!]
      // Continuation lines (indented, not a new item) belong to the current item.
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') {
        const next = listItem.exec(lines[i + 1]!)
        if (next && (next[2] !== undefined) === ordered) items.push(next[3]!)
        else if (!next && /^\s+/.test(lines[i + 1]!)) items[items.length - 1] += ' ' + lines[i + 1]!.trim()
        else break
        i++
      }
      blocks.push({ type: 'list', ordered, items: items.map(parseInline) })
      continue
    }
    paragraph.push(trimmed)
  }
  flush()
  return blocks
}
