/**
 * The first screen of #/compare, one definition for test/e2e/budget.spec.ts and
 * `npm run bench -- firstPaint` (issue 14: at most 75 kB gzip).
 *
 * The first screen is the HTML and every script and stylesheet that must load before the live
 * diagrams of the default #/compare show, at a phone's width, where no prerendered frame stands in
 * for them. It is read from the build's module graph, as the page will fetch it from dist/:
 * - the HTML and what it names: the entry module, its modulepreloads, the route check (a classic
 *   script) and its render-blocking stylesheets;
 * - the chunks the route check preloads for the comparison (the view main.ts waits for before it
 *   mounts, src/build/firstFrame.ts); the stylesheets it adds only where the whole frame shows are
 *   not needed at a phone's width;
 * - every chunk those import statically, transitively (an ES module runs only once its static
 *   imports have loaded).
 * The parts the app loads after the diagrams are live (the controls, the panels, the share bar, other
 * views) are reached only through dynamic import(): not part of it. budget.spec holds them back and
 * checks that the diagrams still go live, so this list is also what the page really waits for.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FirstScreenFile {
  /** The path the page requests: '/' for the HTML, '/assets/…' for the rest. */
  path: string
  kind: 'html' | 'script' | 'style'
  raw: number
  gzip: number
}

export interface FirstScreen {
  files: FirstScreenFile[]
  raw: number
  gzip: number
}

/** What the route check knows, from its one line of data (src/build/firstFrame.ts routeScript). */
interface RouteData {
  preloads: Partial<Record<string, string[]>>
}

function routeData(script: string): RouteData {
  const line = /^\s*var route = (\{.*\})$/m.exec(script)
  if (!line) throw new Error('the route check carries no `var route = {...}` line')
  return JSON.parse(line[1]!) as RouteData
}

/** './assets/x.js' (relative to the page) as the path the page requests. */
const pagePath = (href: string): string => `/${href.replace(/^\.\//, '')}`

/**
 * The chunks a module imports statically: `import{a as b}from"./x.js"` and `import"./x.js"`, never
 * `import("./x.js")`, which loads later, on demand.
 */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)].map(
    (m) => m[1]!,
  )
}

export function firstScreen(dist: string): FirstScreen {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const attr = (tag: string, name: string): string | undefined =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0])
  const scripts: string[] = []
  const styles: string[] = []
  let routeCheck: string | undefined
  for (const tag of tags) {
    const href = attr(tag, 'href')
    const src = attr(tag, 'src')
    if (tag.startsWith('<script') && src) {
      if (attr(tag, 'type') === 'module') scripts.push(pagePath(src))
      else routeCheck = pagePath(src)
    } else if (href && attr(tag, 'rel') === 'modulepreload') scripts.push(pagePath(href))
    // A stylesheet for some other medium does not hold the page back.
    else if (href && attr(tag, 'rel') === 'stylesheet' && attr(tag, 'media') === undefined)
      styles.push(pagePath(href))
  }
  if (routeCheck) {
    const route = routeData(readFileSync(join(dist, routeCheck), 'utf8'))
    scripts.push(...(route.preloads.compare ?? []).map(pagePath))
  }
  // Every static import, transitively.
  const seen = new Set<string>()
  const queue = [...scripts]
  while (queue.length > 0) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    const code = readFileSync(join(dist, path), 'utf8')
    const dir = path.slice(0, path.lastIndexOf('/') + 1)
    for (const imported of staticImports(code)) queue.push(`${dir}${imported.slice(2)}`)
  }
  const files: FirstScreenFile[] = []
  const add = (path: string, kind: FirstScreenFile['kind']) => {
    const bytes = readFileSync(join(dist, path === '/' ? 'index.html' : path))
    files.push({ path, kind, raw: bytes.length, gzip: gzipSync(bytes).length })
  }
  add('/', 'html')
  if (routeCheck) add(routeCheck, 'script')
  for (const path of seen) add(path, 'script')
  for (const path of new Set(styles)) add(path, 'style')
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  }
}

/** The gzipped size of a built file as the page requests it ('/' is the HTML). */
export function gzipBytes(dist: string, path: string): number {
  return gzipSync(readFileSync(join(dist, path === '/' ? 'index.html' : path))).length
}
