/**
 * `npm run build:single`: the whole app as one HTML file, dist-single/staple-lab.html, that works
 * opened from disk (file://) with no server and no network: for learning platforms and mail.
 * The site build's config, with everything in one chunk (lazy views included), the parse worker
 * built into the page as a string and started from a blob: URL, the CSS in one file, then
 * src/build/singleFile.ts writes script and style into the HTML and adapts the CSP to them.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import siteConfig from './vite.config.ts'
import { inlinePage } from './src/build/singleFile.ts'
import { firstFramePluginName } from './src/build/firstFramePlugin.ts'

const singleFileName = 'staple-lab.html'

/** Swaps the worker started from its own file for the one carried in the page. */
function inlineParseWorker(): Plugin {
  return {
    name: 'staple-lab-inline-parse-worker',
    enforce: 'pre',
    resolveId: {
      filter: { id: /\/startParseWorker(\.ts)?$/ },
      handler(source, importer, options) {
        return this.resolve(source.replace(/(\.ts)?$/, '.inline.ts'), importer, {
          ...options,
          skipSelf: true,
        })
      },
    },
  }
}

/**
 * Vite 8.3 wraps each dynamic import() as `__vitePreload(factory, __VITE_PRELOAD__, ...)` and fills
 * the marker in only for import() calls left in the output; with code splitting off none are left
 * and the bare marker throws "__VITE_PRELOAD__ is not defined" when a lazy view opens (measured:
 * #/learn and #/inspect stayed blank). No deps means nothing to preload: __vitePreload then just
 * calls the factory (vite/src/node/plugins/importAnalysisBuild.ts, preload()).
 */
function withoutPreloadMarkers(code: string): string {
  return code.replaceAll('__VITE_PRELOAD__', 'void 0')
}

/** Writes the entry chunk and stylesheet into the page and leaves that page as the only output. */
function inlineIntoPage(): Plugin {
  return {
    name: 'staple-lab-single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html']
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
      const styles = Object.values(bundle).filter(
        (file) => file.type === 'asset' && file.fileName.endsWith('.css'),
      )
      if (page?.type !== 'asset' || chunks.length !== 1 || styles.length > 1) {
        this.error(
          `The single file needs one page, one script and at most one stylesheet; the build made ${chunks.length} scripts and ${styles.length} stylesheets.`,
        )
      }
      const style = styles[0]
      const result = inlinePage({
        html: String(page.source),
        script: chunks[0]!.type === 'chunk' ? withoutPreloadMarkers(chunks[0]!.code) : '',
        style: style?.type === 'asset' ? String(style.source) : undefined,
      })
      if (!result.ok) this.error(`${result.error.code}: ${result.error.message}`)
      for (const name of Object.keys(bundle)) delete bundle[name]
      this.emitFile({ type: 'asset', fileName: singleFileName, source: result.html })
    },
  }
}

const single: UserConfig = {
  ...siteConfig,
  // public/ holds files for the site to serve beside the page; the single file links to none of them.
  publicDir: false,
  // No prerendered first frame: its stylesheet and route check are files beside the page, and a
  // page opened from disk paints from the script written into it anyway.
  plugins: [
    ...(siteConfig.plugins ?? [])
      .flat()
      .filter((p) => !(p && 'name' in p && p.name === firstFramePluginName)),
    inlineParseWorker(),
    inlineIntoPage(),
  ],
  build: {
    ...siteConfig.build,
    outDir: 'dist-single',
    emptyOutDir: true,
    // Images and fonts as data: URLs, one stylesheet, one script with the lazy views inside it.
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
  // The worker is inlined as one string, so it must be one chunk too. It is a classic script
  // (iife), not a module: measured in Chromium 156 from a file:// page, `new Worker(blobUrl,
  // { type: 'module' })` fails to load while a classic worker from the same blob: URL runs.
  // The page's origin is opaque there, and a module worker's script fetch must be same-origin.
  worker: { ...siteConfig.worker, format: 'iife', rolldownOptions: { output: { codeSplitting: false } } },
  test: undefined,
}

export default defineConfig(single)
