/**
 * First paint of the comparison view (#/compare) in Chromium, from a cold cache: first contentful
 * paint, the longest main-thread task while the page starts (PerformanceObserver 'longtask', which
 * reports tasks of 50 ms and more), and the gzipped bytes of the first screen (the HTML, scripts and
 * styles fetched before the diagrams show).
 *
 * Serves dist/ from a small static server in this process (building first if dist/ is missing),
 * and beside it the reference: one static HTML page, no script, of the same byte size as the first
 * screen, served the same way. Its FCP is what parsing and painting that many bytes costs by itself
 * on this machine, so the app's FCP is printed as a ratio to it. Median of 5 cold loads each, each in
 * a fresh browser context (no HTTP cache, no storage).
 *
 * Each page is loaded twice as often: untraced, for what a reader sees (FCP, the long tasks the page
 * itself reports), and traced, for what the tasks were made of (their CPU time by kind). Tracing
 * slows the page it watches: on the built #/compare the traced loads' FCP was 540 ms against
 * 404-464 ms for untraced loads of the same build on an idle machine. Both are printed, for the app
 * and the reference alike.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { chromiumArgs, findChromium } from '../chromium.mjs'
import { longestTraceTask, type TaskPart, type TraceTask } from './_trace.ts'
import { firstScreen, gzipBytes } from '../firstScreen.ts'

export const name = 'firstPaint: #/compare cold load in Chromium'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const dist = join(root, 'dist')
const loads = 5
const referencePath = '/reference-static.html'
/** Issue 14's goals. */
const goal = { fcpMs: 500, longestTaskMs: 100, firstScreenGzip: 75_000 }

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** dist/ as any static host serves it, plus the reference page from memory. */
function serve(reference: () => string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === referencePath) {
      res.writeHead(200, { 'content-type': types['.html']!, 'cache-control': 'no-store' })
      res.end(reference())
      return
    }
    const file = normalize(join(dist, path === '/' ? 'index.html' : path))
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  )
}

/** What a reader sees, from a load nobody traced. */
interface SeenLoad {
  fcpMs: number
  /** The longest task the page reported (PerformanceObserver 'longtask': 50 ms and more; 0: none). */
  longestTaskMs: number
  /** Paths fetched before the first screen was complete. */
  paths: string[]
}

/** What the tasks were made of, from a traced load. */
interface TracedLoad {
  /** FCP under tracing, which slows the page: printed beside the untraced one, never instead of it. */
  fcpMs: number
  /** The longest task in wall time, as the trace saw it. */
  longestTaskMs: number
  /**
   * The same longest task's CPU time (the trace's thread time): what the page itself costs, which a
   * loaded machine does not stretch the way it stretches wall time.
   */
  longestTaskCpuMs: number
  /** That task's CPU time by kind: what it was made of. */
  longestTaskParts: TraceTask['parts']
  /** The task that took the most CPU time while the page started (not always the longest one). */
  mostCpuTask: TraceTask
}

interface Load {
  seen: SeenLoad
  traced: TracedLoad
}

// A string, not a function: tsx's esbuild would wrap a named inner function in a __name() helper
// that does not exist in the page.
const observeLongTasks = `
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration)
  }).observe({ type: 'longtask', buffered: true })
`

/** One cold load in a fresh context, traced or not, with what it saw and (traced) the trace. */
async function oneLoad(
  browser: Browser,
  url: string,
  ready: string | null,
  traced: boolean,
): Promise<{ fcpMs: number; longTasks: number[]; paths: string[]; trace?: Buffer }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    if (traced)
      await browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
      })
    await page.addInitScript(observeLongTasks)
    const paths: string[] = []
    page.on('response', (r) => paths.push(new URL(r.url()).pathname))
    await page.goto(url, { waitUntil: 'load' })
    if (ready) await page.locator(ready).first().waitFor()
    // One more second: start-up work scheduled after load (effects, idle callbacks) counts too.
    await page.waitForTimeout(1000)
    const fcpMs = (await page.evaluate(
      `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`,
    )) as number
    const longTasks = (await page.evaluate('window.__longTasks')) as number[]
    const trace = traced ? await browser.stopTracing() : undefined
    return { fcpMs, longTasks, paths: [...paths], trace }
  } finally {
    await context.close()
  }
}

/**
 * Cold loads of each page (a fresh context each: no HTTP cache, no storage), `loads` of each:
 * first every untraced load, the app's and the reference's in turn, so that load drifting on the
 * machine falls on both alike and no untraced load follows a traced one (a trace's end keeps the
 * browser busy for a moment); then the traced ones.
 */
async function coldLoads(
  browser: Browser,
  pages: { url: string; ready: string | null }[],
): Promise<Load[][]> {
  const seen = pages.map(() => [] as Awaited<ReturnType<typeof oneLoad>>[])
  for (let i = 0; i < loads; i++)
    for (const [p, { url, ready }] of pages.entries())
      seen[p]!.push(await oneLoad(browser, url, ready, false))
  const traced = pages.map(() => [] as Awaited<ReturnType<typeof oneLoad>>[])
  for (let i = 0; i < loads; i++)
    for (const [p, { url, ready }] of pages.entries())
      traced[p]!.push(await oneLoad(browser, url, ready, true))
  return pages.map((_, p) =>
    seen[p]!.map((s, i) => {
      const task = longestTraceTask(traced[p]![i]!.trace!)
      return {
        seen: { fcpMs: s.fcpMs, longestTaskMs: Math.max(0, ...s.longTasks), paths: s.paths },
        traced: {
          fcpMs: traced[p]![i]!.fcpMs,
          longestTaskMs: task.wallMs,
          longestTaskCpuMs: task.cpuMs,
          longestTaskParts: task.parts,
          mostCpuTask: task.mostCpu,
        },
      }
    }),
  )
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** "script 41, style and layout 30, paint 6, GC 2 ms": a task's CPU time by kind. */
function partsText(parts: Record<TaskPart, number>): string {
  return (Object.entries(parts) as [TaskPart, number][])
    .map(([part, ms]) => `${part} ${ms.toFixed(0)}`)
    .join(', ')
}

/**
 * The first screen as budget.spec counts it (scripts/firstScreen.ts: the HTML and the scripts and
 * stylesheets the live diagrams need at a phone's width), and what the load fetched besides, later.
 */
function firstScreenBytes(paths: readonly string[]): { raw: number; gzip: number; laterGzip: number } {
  const screen = firstScreen(dist)
  const first = new Set(screen.files.map((file) => file.path))
  let laterGzip = 0
  for (const p of new Set(paths)) if (/\.(js|css)$/.test(p) && !first.has(p)) laterGzip += gzipBytes(dist, p)
  return { raw: screen.raw, gzip: screen.gzip, laterGzip }
}

/** A static page of `size` bytes: headings and paragraphs, like the app's first screen, no script. */
function referencePage(size: number): string {
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reference</title></head><body>'
  const paragraph =
    '<h2>One handshake</h2><p>The same TLS connection with no check, a plain OCSP lookup, a stapled response, and must-staple.</p>\n'
  let body = ''
  while (head.length + body.length < size) body += paragraph
  return `${head}${body}</body></html>`
}

export async function run(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('vite build failed')
  }
  let referenceSize = 0
  const { server, base } = await serve(() => referencePage(referenceSize))
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  try {
    // The reference is as big as the first screen: read from the built files, before any load.
    referenceSize = firstScreen(dist).raw
    // One load first, not counted: a browser's first page also pays for starting the browser's own
    // services (its network service, its compositor), which a reader's running browser has done.
    await oneLoad(browser, `${base}${referencePath}`, null, false)
    const [app, reference] = (await coldLoads(browser, [
      { url: `${base}/#/compare`, ready: 'figure.diagram' },
      { url: `${base}${referencePath}`, ready: null },
    ])) as [Load[], Load[]]
    const bytes = firstScreenBytes(app[0]!.seen.paths)
    const fcp = median(app.map((l) => l.seen.fcpMs))
    const refFcp = median(reference.map((l) => l.seen.fcpMs))
    const tracedFcp = median(app.map((l) => l.traced.fcpMs))
    const tracedRefFcp = median(reference.map((l) => l.traced.fcpMs))
    const task = median(app.map((l) => l.seen.longestTaskMs))
    const tracedTask = median(app.map((l) => l.traced.longestTaskMs))
    const taskCpu = median(app.map((l) => l.traced.longestTaskCpuMs))
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ')
    console.log(
      `median of ${loads} cold loads at 1280x800 (untraced, the app and the reference in turn; then traced), after one uncounted load; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    )
    console.log(
      `#/compare FCP ${fcp.toFixed(0)} ms (untraced loads: ${ms(app.map((l) => l.seen.fcpMs))}); static page of the same ${(bytes.raw / 1000).toFixed(0)} kB (reference) ${refFcp.toFixed(0)} ms: ${(fcp / refFcp).toFixed(2)}x (goal ${goal.fcpMs} ms)`,
    )
    console.log(
      `  under tracing (slower, for comparison only): #/compare ${tracedFcp.toFixed(0)} ms, reference ${tracedRefFcp.toFixed(0)} ms: ${(tracedFcp / tracedRefFcp).toFixed(2)}x`,
    )
    console.log(
      `longest start-up task ${task.toFixed(0)} ms (as the page reports it, untraced; 0: none over 50 ms; goal under ${goal.longestTaskMs} ms); each load: ${ms(app.map((l) => l.seen.longestTaskMs))} ms; under tracing ${tracedTask.toFixed(0)} ms`,
    )
    console.log(
      `the traced loads' longest task, its CPU time (trace thread time, what load does not stretch) ${taskCpu.toFixed(0)} ms; each load: ${ms(app.map((l) => l.traced.longestTaskCpuMs))} ms`,
    )
    for (const [i, { traced: l }] of app.entries()) {
      console.log(
        `  load ${i + 1}: longest task ${l.longestTaskCpuMs.toFixed(0)} ms CPU (${partsText(l.longestTaskParts)} ms); most CPU in one task ${l.mostCpuTask.cpuMs.toFixed(0)} ms (${partsText(l.mostCpuTask.parts)} ms), ${l.mostCpuTask.wallMs.toFixed(0)} ms wall`,
      )
    }
    console.log(
      `most CPU time in one start-up task ${median(app.map((l) => l.traced.mostCpuTask.cpuMs)).toFixed(0)} ms (median; aim under 40 ms, so the ${goal.longestTaskMs} ms goal holds on a busy machine)`,
    )
    console.log(
      `first screen (HTML and the scripts and stylesheets the live diagrams need, scripts/firstScreen.ts) ${(bytes.gzip / 1000).toFixed(1)} kB gzip: ${(bytes.gzip / goal.firstScreenGzip).toFixed(2)}x the ${goal.firstScreenGzip / 1000} kB budget; loaded after it ${(bytes.laterGzip / 1000).toFixed(1)} kB`,
    )
  } finally {
    await browser.close()
    server.close()
  }
}
