/**
 * A small, tolerant reader of nginx and Apache configuration text: the directives with their
 * arguments, line numbers and enclosing blocks. It never fails: what it cannot read it skips, so a
 * half-pasted file still shows what it can. Pure.
 */

export type ConfigDialect = 'nginx' | 'apache'

export interface Directive {
  /** As written (nginx names are lowercase; Apache's are case-insensitive, kept as written). */
  name: string
  args: string[]
  /** 1-based line of the directive's name. */
  line: number
  /** Enclosing blocks, outermost first: ['http', 'server'] or ['VirtualHost']. */
  blocks: string[]
}

/** A block opening (nginx `server {`, Apache `<VirtualHost ...>`), for "missing" findings. */
export interface Block {
  name: string
  line: number
  /** Index of the block among all blocks, to group directives by it. */
  id: number
  parents: number[]
}

export interface ReadConfig {
  dialect: ConfigDialect
  directives: (Directive & { blockIds: number[] })[]
  blocks: Block[]
}

/** Apache's directives are CamelCase words at the start of a line; nginx ends each with ';'. */
export function guessDialect(text: string): ConfigDialect {
  const apache = (text.match(/^\s*(<\/?VirtualHost|SSL[A-Z]\w+\s)/gm) ?? []).length
  const nginx = (text.match(/;\s*(#.*)?$|^\s*server\s*\{|\bssl_\w+/gm) ?? []).length
  return apache > nginx ? 'apache' : 'nginx'
}

/** Split one line into words, keeping quoted strings whole (quotes removed). */
function words(text: string): string[] {
  const out: string[] = []
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+)/g
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3]!)
  return out
}

/** Drop a '#' comment that is not inside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '#') return line.slice(0, i)
  }
  return line
}

function readNginx(text: string): ReadConfig {
  const directives: ReadConfig['directives'] = []
  const blocks: Block[] = []
  const stack: Block[] = []
  let pending: { words: string[]; line: number } | null = null
  text.split(/\r?\n/).forEach((raw, i) => {
    // Tokens ';', '{' and '}' end a statement wherever they stand on the line.
    for (const part of stripComment(raw).split(/([;{}])/)) {
      if (part === ';' || part === '{') {
        if (pending && pending.words.length > 0) {
          const [name, ...args] = pending.words
          if (part === ';')
            directives.push({
              name: name!.toLowerCase(),
              args,
              line: pending.line,
              blocks: stack.map((b) => b.name),
              blockIds: stack.map((b) => b.id),
            })
          else {
            const block = {
              name: name!.toLowerCase(),
              line: pending.line,
              id: blocks.length,
              parents: stack.map((b) => b.id),
            }
            blocks.push(block)
            stack.push(block)
          }
        }
        pending = null
      } else if (part === '}') {
        stack.pop()
        pending = null
      } else {
        const w = words(part)
        if (w.length === 0) continue
        if (!pending) pending = { words: [], line: i + 1 }
        pending.words.push(...w)
      }
    }
  })
  return { dialect: 'nginx', directives, blocks }
}

function readApache(text: string): ReadConfig {
  const directives: ReadConfig['directives'] = []
  const blocks: Block[] = []
  const stack: Block[] = []
  let continued = ''
  let startLine = 0
  text.split(/\r?\n/).forEach((raw, i) => {
    // A trailing backslash continues the directive on the next line (Apache core docs, "Syntax").
    if (continued === '') startLine = i + 1
    const joined = continued + raw
    if (/\\$/.test(joined)) {
      continued = joined.slice(0, -1)
      return
    }
    continued = ''
    const line = joined.trim()
    if (line === '' || line.startsWith('#')) return
    const close = /^<\/\s*([\w:.-]+)\s*>/.exec(line)
    if (close) {
      const at = stack.map((b) => b.name.toLowerCase()).lastIndexOf(close[1]!.toLowerCase())
      if (at >= 0) stack.length = at
      return
    }
    const open = /^<\s*([\w:.-]+)([^>]*)>/.exec(line)
    if (open) {
      const block = { name: open[1]!, line: startLine, id: blocks.length, parents: stack.map((b) => b.id) }
      blocks.push(block)
      stack.push(block)
      return
    }
    const [name, ...args] = words(line)
    if (!name) return
    directives.push({
      name,
      args,
      line: startLine,
      blocks: stack.map((b) => b.name),
      blockIds: stack.map((b) => b.id),
    })
  })
  return { dialect: 'apache', directives, blocks }
}

export function readConfig(text: string, dialect: ConfigDialect = guessDialect(text)): ReadConfig {
  return dialect === 'nginx' ? readNginx(text) : readApache(text)
}
