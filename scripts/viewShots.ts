// Screenshots of every view, to compare a change with what was there before it (issue 13: "behaviour
// unchanged, screenshots compared before/after"):
//   npx tsx scripts/viewShots.ts shoot OUT_DIR [DIST_DIR]      every view at 360 and 1280 px
//   npx tsx scripts/viewShots.ts diff BEFORE_DIR AFTER_DIR      which differ, by how many pixels, where
// The README's pictures (docs/screenshots) are two of them:
//   SHOTS_VIEWS=compare SHOTS_WIDTHS=1440 npx tsx scripts/viewShots.ts shoot docs/screenshots
//   SHOTS_VIEWS=server-checked SHOTS_WIDTHS=1280 npx tsx scripts/viewShots.ts shoot docs/screenshots
// Each view is brought to a state that does not depend on time: the page's clock pinned, playback
// seeked to its end, the inspector fed the fixture chain (the demo CA would mint new keys each run).
// The diff decodes both PNGs in Chromium (a canvas), so it needs no image library; it writes
// DIFF_DIR/NAME.png (changed pixels in red over a faded copy of the after shot) and NAME.pair.png
// (before | after, cropped to what changed) for each that differs.
// BENCH_PORT-free: vite preview runs on SHOTS_PORT (default 4404).
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumArgs, findChromium } from './chromium.mjs'

const listed = (value: string | undefined) => value?.split(',').filter(Boolean)
/** SHOTS_WIDTHS=1440 and SHOTS_VIEWS=compare,server shoot only those (the README's pictures). */
const widths = listed(process.env.SHOTS_WIDTHS)?.map(Number) ?? [360, 1280]
const only = listed(process.env.SHOTS_VIEWS)
const fixture = (path: string) => `test/fixtures/${path}`
const riskyNginx = readFileSync(fixture('configs/nginx-risky.conf'), 'utf8')

/** Seeks every playback scrubber on the page to its end: the finished diagrams, whatever the load. */
async function seekToEnd(page: Page): Promise<void> {
  // The live bars: the first frame's stand-in for the comparison's bar (inert) takes no input.
  const live = '[role="group"][aria-label="Playback"]:not([inert] *) input[type="range"]'
  await page.locator(live).first().waitFor()
  await page.evaluate((selector) => {
    for (const input of document.querySelectorAll<HTMLInputElement>(selector)) {
      input.value = input.max
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }, live)
}

type ColourScheme = 'light' | 'dark'
/** name → [hash, what to do once the page is there, colour scheme] */
const views: Record<string, [string, (page: Page) => Promise<unknown>, ColourScheme?]> = {
  compare: ['#/compare', seekToEnd],
  'compare-dark': ['#/compare', seekToEnd, 'dark'],
  days: ['#/days', (page) => page.getByTestId('ca-ratio').waitFor()],
  inspect: [
    '#/inspect',
    async (page) => {
      await page.locator('[data-ready="true"]').waitFor()
      await page
        .getByTestId('file-input')
        .setInputFiles([
          fixture('certs/root.pem'),
          fixture('certs/intermediate.pem'),
          fixture('certs/leaf-must-staple.pem'),
          fixture('ocsp/resp-must-staple-good.der'),
        ])
      await page.getByTestId('chain').locator('li').nth(2).waitFor()
    },
  ],
  learn: ['#/learn/4', seekToEnd],
  server: ['#/server', (page) => page.getByTestId('config-generator').waitFor()],
  'server-checked': [
    '#/server',
    async (page) => {
      await page.locator('#checker-text').fill(riskyNginx)
      await page.getByRole('button', { name: 'Check the configuration' }).click()
      await page.getByTestId('checker-result').waitFor()
      await page
        .locator('#reader-text')
        .fill(readFileSync(fixture('sclient/nginx-tls13-no-staple.txt'), 'utf8'))
      await page.getByRole('button', { name: 'Read the output' }).click()
      await page.getByTestId('reader-result').waitFor()
    },
  ],
  present: [
    '#/present?rows=ocsp-soft-fail,must-staple',
    (page) => page.getByTestId('present-caption').waitFor(),
  ],
  embed: ['#/embed?start=end', (page) => page.getByTestId('diagrams').waitFor()],
  'embed-light-in-dark': [
    '#/embed?start=end&theme=light',
    (page) => page.getByTestId('diagrams').waitFor(),
    'dark',
  ],
}

async function framesPass(page: Page, frames: number): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    let left = ${frames}
    const frame = () => (--left <= 0 ? resolve(null) : requestAnimationFrame(frame))
    requestAnimationFrame(frame)
  })`)
}

async function shoot(outDir: string, distDir = 'dist'): Promise<void> {
  mkdirSync(outDir, { recursive: true })
  const port = Number(process.env.SHOTS_PORT ?? 4404)
  const preview = spawn(
    'npx',
    ['vite', 'preview', '--outDir', distDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  )
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  try {
    for (const [name, [hash, ready, scheme = 'light']] of Object.entries(views)) {
      if (only && !only.includes(name)) continue
      for (const width of widths) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme })
        await page.clock.setFixedTime(new Date('2026-12-02T16:39:03Z'))
        for (let i = 0; ; i++) {
          try {
            await page.goto(`http://127.0.0.1:${port}/${hash}`)
            break
          } catch (error) {
            if (i > 100) throw error
            await new Promise((r) => setTimeout(r, 200))
          }
        }
        try {
          await ready(page)
        } catch (error) {
          console.error(`${name}@${width}: ${String(error).split('\n')[0]}`)
        }
        await page.waitForLoadState('networkidle')
        await framesPass(page, 20)
        // No caret or hover state in the picture.
        await page.evaluate(
          () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
        )
        await page.mouse.move(0, 0)
        // A full-page shot draws only what is near the viewport inside content-visibility: auto
        // (the inspector's cards): drawn all, as a reader scrolling down sees them.
        await page.evaluate(() => {
          for (const element of document.querySelectorAll<HTMLElement>('body *'))
            if (getComputedStyle(element).contentVisibility === 'auto')
              element.style.contentVisibility = 'visible'
        })
        await framesPass(page, 5)
        await page.screenshot({
          path: join(outDir, `${name}-${width}.png`),
          fullPage: true,
          animations: 'disabled',
        })
        await page.close()
        console.log(`${name}-${width}.png`)
      }
    }
  } finally {
    await browser.close()
    if (preview.pid !== undefined) process.kill(-preview.pid)
  }
}

async function diff(beforeDir: string, afterDir: string, diffDir = join(afterDir, 'diff')): Promise<void> {
  mkdirSync(diffDir, { recursive: true })
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  const page = await browser.newPage()
  // tsx (esbuild, keepNames) wraps the named functions inside evaluate() in __name(), which the
  // page does not have: give it one that does nothing.
  await page.evaluate('globalThis.__name = (fn) => fn')
  const names = readdirSync(beforeDir).filter((n) => n.endsWith('.png'))
  for (const name of names) {
    const before = readFileSync(join(beforeDir, name))
    let after: Buffer
    try {
      after = readFileSync(join(afterDir, name))
    } catch {
      console.log(`${name}: missing after`)
      continue
    }
    if (before.equals(after)) {
      console.log(`${name}: identical bytes`)
      continue
    }
    const result = await page.evaluate(
      async ([a, b]) => {
        const load = async (b64: string) => {
          const img = new Image()
          img.src = `data:image/png;base64,${b64}`
          await img.decode()
          return img
        }
        const [ia, ib] = [await load(a), await load(b)]
        const w = Math.max(ia.width, ib.width)
        const h = Math.max(ia.height, ib.height)
        const pixels = (img: HTMLImageElement) => {
          const c = new OffscreenCanvas(w, h)
          const x = c.getContext('2d')!
          x.drawImage(img, 0, 0)
          return x.getImageData(0, 0, w, h).data
        }
        const [pa, pb] = [pixels(ia), pixels(ib)]
        const out = new OffscreenCanvas(w, h)
        const ctx = out.getContext('2d')!
        ctx.globalAlpha = 0.25
        ctx.drawImage(ib, 0, 0)
        ctx.globalAlpha = 1
        const marks = ctx.getImageData(0, 0, w, h)
        let changed = 0
        let [x0, y0, x1, y1] = [w, h, -1, -1]
        for (let i = 0; i < pa.length; i += 4) {
          if (
            pa[i] === pb[i] &&
            pa[i + 1] === pb[i + 1] &&
            pa[i + 2] === pb[i + 2] &&
            pa[i + 3] === pb[i + 3]
          )
            continue
          changed++
          const p = i / 4
          const [x, y] = [p % w, Math.floor(p / w)]
          x0 = Math.min(x0, x)
          y0 = Math.min(y0, y)
          x1 = Math.max(x1, x)
          y1 = Math.max(y1, y)
          marks.data.set([255, 0, 0, 255], i)
        }
        ctx.putImageData(marks, 0, 0)
        const base64 = async (canvas: OffscreenCanvas) => {
          const bytes = new Uint8Array(
            await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer(),
          )
          let binary = ''
          for (const byte of bytes) binary += String.fromCharCode(byte)
          return btoa(binary)
        }
        // Before and after side by side around what changed (40 px of context), to look at.
        const pad = 40
        const [cx, cy] = [Math.max(0, x0 - pad), Math.max(0, y0 - pad)]
        const [cw, ch] = [Math.min(w, x1 + pad) - cx, Math.min(h, y1 + pad) - cy]
        const pair = new OffscreenCanvas(Math.max(1, cw * 2 + 8), Math.max(1, ch))
        const pctx = pair.getContext('2d')!
        pctx.fillStyle = '#ff00ff'
        pctx.fillRect(0, 0, pair.width, pair.height)
        if (changed) {
          pctx.drawImage(ia, cx, cy, cw, ch, 0, 0, cw, ch)
          pctx.drawImage(ib, cx, cy, cw, ch, cw + 8, 0, cw, ch)
        }
        return {
          changed,
          size: [ia.width, ia.height, ib.width, ib.height],
          box: changed ? [x0, y0, x1, y1] : null,
          png: await base64(out),
          pair: await base64(pair),
        }
      },
      [before.toString('base64'), after.toString('base64')],
    )
    const [bw, bh, aw, ah] = result.size
    const sizeNote = bw === aw && bh === ah ? `${aw}x${ah}` : `${bw}x${bh} -> ${aw}x${ah}`
    if (result.changed === 0 || result.box === null) {
      console.log(`${name}: same pixels (${sizeNote})`)
      continue
    }
    writeFileSync(join(diffDir, name), Buffer.from(result.png, 'base64'))
    writeFileSync(join(diffDir, name.replace(/\.png$/, '.pair.png')), Buffer.from(result.pair, 'base64'))
    console.log(
      `${name}: ${result.changed} pixels differ (${sizeNote}), in x ${result.box[0]}-${result.box[2]}, y ${result.box[1]}-${result.box[3]}`,
    )
  }
  await browser.close()
}

const [command, a, b, c] = process.argv.slice(2)
if (command === 'shoot' && a) await shoot(a, b)
else if (command === 'diff' && a && b) await diff(a, b, c)
else
  console.error(
    'usage: node scripts/viewShots.mjs shoot OUT_DIR [DIST_DIR] | diff BEFORE_DIR AFTER_DIR [DIFF_DIR]',
  )
