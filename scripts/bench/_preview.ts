/**
 * The built page served for the browser benchmarks: `vite preview` over dist/ (built first when
 * missing), on $BENCH_PORT or a free port, stopped by its process group when done, and driven by
 * Chromium (scripts/chromium.mjs finds it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { chromiumArgs, findChromium } from '../chromium.mjs'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not answer at ${url}`)
}

/** Serve dist/ and run `use` with its base URL; the server stops afterwards, whatever happens. */
export async function withPreview<T>(use: (base: string) => Promise<T>): Promise<T> {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('vite build failed')
  }
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort()
  const base = `http://127.0.0.1:${port}/`
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: 'ignore', detached: true },
  )
  try {
    await waitForServer(base, server)
    return await use(base)
  } finally {
    if (server.pid !== undefined) {
      try {
        process.kill(-server.pid)
      } catch {
        server.kill()
      }
    }
  }
}

/** Run `measure` with a Chromium and the served page's base URL; both stop afterwards. */
export async function inChromium(measure: (browser: Browser, base: string) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  try {
    await withPreview((base) => measure(browser, base))
  } finally {
    await browser.close()
  }
}
