/**
 * The second build of `npm run build`: dist/staple-lab-embed.js, one ES module that defines
 * <staple-lab-diagram> (src/components/embed/stapleLabDiagram.svelte.ts) for pages that allow
 * scripts but not iframes. Run after the site build, into the same dist/ (emptyOutDir off), beside
 * public/embed-example.html. Components inject their styles (css: 'injected') so they land in the
 * element's shadow root instead of a separate stylesheet the host page would have to link.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [svelte({ emitCss: false, compilerOptions: { css: 'injected' } })],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    // Library mode leaves an ES module unminified by default; this file is served as it is.
    minify: true,
    lib: {
      entry: 'src/components/embed/stapleLabDiagram.svelte.ts',
      formats: ['es'],
      fileName: () => 'staple-lab-embed.js',
    },
    rolldownOptions: { output: { codeSplitting: false } },
  },
})
