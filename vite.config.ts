/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig, type Plugin } from 'vite'
import { firstFrame } from './src/build/firstFramePlugin.ts'
import { chunkName } from './src/build/chunkNames.ts'

/**
 * The Content-Security-Policy of the built page. Nothing a user drops in may leave the browser,
 * so the page may fetch nothing at all (connect-src 'none') and load code only from itself.
 * Neither scripts nor styles may be inline: Svelte's style: directives go through the CSSOM
 * (element.style), which CSP does not restrict, and the SVG export writes presentation attributes.
 * Only the build gets it: the dev server needs a WebSocket for hot reload.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function cspMetaTag(): Plugin {
  return {
    name: 'staple-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  }
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any static host, at any path.
  base: './',
  plugins: [svelte(), svelteTesting(), cspMetaTag(), firstFrame()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the page supports preloads modules itself (<link rel=modulepreload>): the
    // polyfill would only add bytes to the first screen.
    modulePreload: { polyfill: false },
    // pkijs and what it brings (about 88 kB gzip) load only when the demo CA or the request builder
    // mints DER: one chunk named for what it is, not after its first importer ("extensions-*.js").
    // The other shared chunks are named after what they carry too (src/build/chunkNames.ts).
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]lib[\\/]/.test(id) },
      output: {
        codeSplitting: {
          groups: [
            { name: 'pkijs', test: /node_modules[\\/](pkijs|asn1js|bytestreamjs|@noble|@peculiar)[\\/]/ },
          ],
        },
        chunkFileNames: (chunk) => `assets/${chunkName(chunk)}-[hash].js`,
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Component tests (happy-dom) get a ResizeObserver that reports once (the file says why).
    setupFiles: ['test/setup/resizeObserver.ts'],
    testTimeout: 20_000,
  },
})
