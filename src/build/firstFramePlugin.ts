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
import { createServer, type Plugin, type Rollup } from 'vite'
import { routeScript, staticFrame, withFirstFrame } from './firstFrame.ts'

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

/** The module whose dynamic imports are the parts of the first screen that load after it. */
const lazyPartsModule = /[\\/]src[\\/]components[\\/]compare[\\/]lazyParts\.ts$/

/**
 * The stylesheets of the chunks holding those parts and of the chunks they import, in load order,
 * without those the page links already (the entry's).
 */
function lateStylesheets(bundle: Rollup.OutputBundle, lateModules: ReadonlySet<string>): string[] {
  const cssOf = (roots: Rollup.OutputChunk[]): Set<string> => {
    const sheets = new Set<string>()
    const seen = new Set<string>()
    const visit = (chunk: Rollup.OutputChunk) => {
      if (seen.has(chunk.fileName)) return
      seen.add(chunk.fileName)
      for (const imported of chunk.imports) {
        const next = bundle[imported]
        if (next?.type === 'chunk') visit(next)
      }
      for (const css of chunk.viteMetadata?.importedCss ?? []) sheets.add(css)
    }
    roots.forEach(visit)
    return sheets
  }
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk')
  const linked = cssOf(chunks.filter((chunk) => chunk.isEntry))
  const late = cssOf(chunks.filter((chunk) => chunk.moduleIds.some((id) => lateModules.has(id))))
  return [...late].filter((css) => !linked.has(css))
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
      const css = this.emitFile({ type: 'asset', name: 'first-frame.css', source: frame.css })
      const script = this.emitFile({ type: 'asset', name: 'first-frame.js', source: routeScript })
      const lazyParts = [...this.getModuleIds()].find((id) => lazyPartsModule.test(id))
      const lateModules = new Set(lazyParts ? this.getModuleInfo(lazyParts)?.dynamicallyImportedIds : [])
      const result = withFirstFrame(String(page.source), frame, {
        css: `./${this.getFileName(css)}`,
        script: `./${this.getFileName(script)}`,
        lateCss: lateStylesheets(bundle, lateModules).map((file) => `./${file}`),
      })
      if (!result.ok) this.error(`${result.error.code}: ${result.error.message}`)
      else page.source = result.html
    },
  }
}
