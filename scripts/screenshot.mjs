// Screenshots of the built page for a person to look at:
//   node scripts/screenshot.mjs '#/learn/5' 1440 out.png [waitMs]
// Serves dist/ with `vite preview` on a free port, drives Debian's Chromium with Playwright.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { chromium } from '@playwright/test'
import { chromiumArgs, findChromium } from './chromium.mjs'

const [hash = '#/compare', width = '1440', out = 'screenshot.png', waitMs = '1500'] = process.argv.slice(2)

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
    server.close(() => resolve(port))
  })
})
const preview = spawn(
  'npx',
  [
    'vite',
    'preview',
    '--outDir',
    process.env.DIST_DIR ?? 'dist',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ],
  {
    stdio: 'ignore',
  },
)
try {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } })
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/${hash}`)
      break
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  await page.waitForTimeout(Number(waitMs))
  await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' })
  await browser.close()
} finally {
  preview.kill()
}
