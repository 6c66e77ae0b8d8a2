/**
 * The Vite plugin that writes the first frame (firstFrame.ts) into the built index.html. It starts
 * a second, throwaway Vite in SSR mode to load App.svelte with Svelte's server renderer, so the
 * frame is the app's own markup and class names (Svelte's default cssHash hashes the file name,
 * the same in both compiles), never a copy that could drift from it.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OutputBundle, OutputChunk } from 'rolldown'
import { createServer, type Plugin } from 'vite'
import {
  partsAboveDiagrams,
  partsBelowDiagrams,
  routeScript,
  staticFrame,
  withFirstFrame,
  type ViewPreloads,
} from './firstFrame.ts'

export const firstFramePluginName = 'staple-lab-first-frame'

async function renderApp(root: string): Promise<string> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'staple-lab-first-frame-'))
  const server = await createServer({
    configFile: false,
    root,
    cacheDir,
    logLevel: 'error',
    plugins: [svelte()],
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  })
  try {
    const entry = (await server.ssrLoadModule('/src/build/firstFrameRender.ts')) as {
      renderFirstFrame: () => Promise<string>
    }
    return await entry.renderFirstFrame()
  } finally {
    await server.close()
    rmSync(cacheDir, { recursive: true, force: true })
  }
}

/** The views main.ts waits for before it mounts, by the file of their component (routeViews.ts). */
const preloadedViews = {
  compare: '/src/components/compare/CompareView.svelte',
  embed: '/src/components/embed/EmbedPage.svelte',
} as const

/** A chunk and every chunk it imports statically, transitively. */
function staticClosure(bundle: OutputBundle, from: OutputChunk): OutputChunk[] {
  const seen = new Map<string, OutputChunk>([[from.fileName, from]])
  for (const chunk of seen.values())
    for (const name of chunk.imports) {
      const next = bundle[name]
      if (next?.type === 'chunk' && !seen.has(name)) seen.set(name, next)
    }
  return [...seen.values()]
}

/**
 * What each view of preloadedViews needs beyond the entry's closure (index.html preloads that
 * already): its chunks, to preload on its links, and the comparison's stylesheets, for the frame.
 */
function viewChunks(bundle: OutputBundle): { preloads: ViewPreloads; compareCss: string[] } {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
  const entry = chunks.find((chunk) => chunk.isEntry)
  const atStart = new Set(entry ? staticClosure(bundle, entry).map((chunk) => chunk.fileName) : [])
  const preloads: ViewPreloads = {}
  let compareCss: string[] = []
  for (const [view, file] of Object.entries(preloadedViews) as [keyof typeof preloadedViews, string][]) {
    const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.endsWith(file))
    if (!chunk) continue
    const own = staticClosure(bundle, chunk).filter((c) => !atStart.has(c.fileName))
    preloads[view] = own.map((c) => `./${c.fileName}`)
    if (view === 'compare') compareCss = own.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])])
  }
  return { preloads, compareCss }
}

/** The module whose dynamic imports are the parts of the first screen that load after it. */
const lazyPartsModule = /[\\/]src[\\/]components[\\/]compare[\\/]lazyParts\.ts$/

/**
 * The stylesheets of the chunks holding the late parts whose component file is in `components`,
 * and of the chunks they import, in load order, without those the page links already (the entry's
 * and the comparison's own, `linked`).
 */
function partStylesheets(
  bundle: OutputBundle,
  lateModules: readonly string[],
  components: readonly string[],
  linked: ReadonlySet<string>,
): string[] {
  const sheets = new Set<string>()
  const seen = new Set<string>()
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return
    seen.add(chunk.fileName)
    for (const imported of chunk.imports) {
      const next = bundle[imported]
      if (next?.type === 'chunk') visit(next)
    }
    for (const css of chunk.viteMetadata?.importedCss ?? []) sheets.add(css)
  }
  const modules = new Set(lateModules.filter((id) => components.some((file) => id.endsWith(`/${file}`))))
  for (const output of Object.values(bundle))
    if (output.type === 'chunk' && output.moduleIds.some((id) => modules.has(id))) visit(output)
  return [...sheets].filter((css) => !linked.has(css))
}

/** The stylesheets the entry's chunks import: index.html links them. */
function entryStylesheets(bundle: OutputBundle): Set<string> {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
  const entry = chunks.find((chunk) => chunk.isEntry)
  return new Set(
    entry ? staticClosure(bundle, entry).flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]) : [],
  )
}

export function firstFrame(): Plugin {
  let root = process.cwd()
  return {
    name: firstFramePluginName,
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root
    },
    async generateBundle(_options, bundle) {
      const page = bundle['index.html']
      if (page?.type !== 'asset') return
      const frame = staticFrame(await renderApp(root))
      const { preloads, compareCss } = viewChunks(bundle)
      const lazyParts = [...this.getModuleIds()].find((id) => lazyPartsModule.test(id))
      const lateModules = (lazyParts && this.getModuleInfo(lazyParts)?.dynamicallyImportedIds) || []
      const linked = new Set([...entryStylesheets(bundle), ...compareCss])
      const above = partStylesheets(bundle, lateModules, partsAboveDiagrams, linked)
      const below = partStylesheets(bundle, lateModules, partsBelowDiagrams, new Set([...linked, ...above]))
      const css = this.emitFile({ type: 'asset', name: 'first-frame.css', source: frame.css })
      const script = this.emitFile({
        type: 'asset',
        name: 'first-frame.js',
        source: routeScript(
          preloads,
          below.map((file) => `./${file}`),
        ),
      })
      const result = withFirstFrame(String(page.source), frame, {
        css: `./${this.getFileName(css)}`,
        script: `./${this.getFileName(script)}`,
        // The stand-in parts' stylesheets too, render-blocking as linked ones are: the frame's
        // copies of the controls and bars are drawn in them at the first paint, never restyled.
        viewCss: [...compareCss, ...above].map((file) => `./${file}`),
      })
      if (!result.ok) this.error(`${result.error.code}: ${result.error.message}`)
      else page.source = result.html
    },
  }
}
