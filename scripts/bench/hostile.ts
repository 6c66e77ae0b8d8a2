/**
 * Hostile inputs dropped on the built inspector in Chromium (issue 9: "stay under 100 ms per task
 * in the page"): for each input, the longest main-thread task from the drop until the page has
 * settled, and the time from the drop to the first card, median of 5 drops on a fresh page each.
 * The reference is one ordinary certificate dropped the same way, on the same machine.
 *
 * Long tasks come from a PerformanceObserver ('longtask': tasks over 50 ms; none is "<50").
 * Wall time on a shared machine: a busy neighbour stretches every row, the reference too.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import {
  certificateWithHugeOid,
  certificateWithHugeSerial,
  manyPemBlocks,
  manySmallCertificates,
} from '../../test/fixtures/hostileInputs.ts'
import { inChromium, root } from './_preview.ts'

export const name = 'hostile: longest page task per hostile drop in Chromium'

const budgetMs = 100
const runs = 5

interface Input {
  label: string
  file: string
  bytes: Buffer
}

interface Drop {
  /** Longest task over 50 ms seen from the drop until the page settled; 0 when there was none. */
  longestTask: number
  /** From the drop event to the first card in the DOM. */
  toFirstCard: number
}

type Watched = Window & { longTasks?: number[]; held?: File; dropAt?: number; firstCardAt?: number }

async function dropOnce(browser: Browser, base: string, input: Input): Promise<Drop> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  try {
    await page.goto(base + '#/inspect')
    await page.locator('[data-ready="true"]').waitFor()
    // The File is made in a task of its own: decoding the harness's base64 is no user's cost.
    await page.evaluate(
      ({ name, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        ;(window as Watched).held = new File([data], name)
      },
      { name: input.file, base64: input.bytes.toString('base64') },
    )
    await page.evaluate(() => {
      const w = window as Watched
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks!.push(entry.duration)
      }).observe({ type: 'longtask' })
      new MutationObserver((_, observer) => {
        if (document.querySelector('article[data-kind], [data-testid="error-message"]')) {
          w.firstCardAt = performance.now()
          observer.disconnect()
        }
      }).observe(document.body, { childList: true, subtree: true })
      const transfer = new DataTransfer()
      transfer.items.add(w.held!)
      w.dropAt = performance.now()
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    })
    await page.waitForFunction(() => (window as Watched).firstCardAt !== undefined, null, {
      timeout: 120_000,
    })
    // Let the rest of the cards, the chain and the checks settle.
    await page.waitForTimeout(1500)
    return await page.evaluate(() => {
      const w = window as Watched
      return { longestTask: Math.max(0, ...w.longTasks!), toFirstCard: w.firstCardAt! - w.dropAt! }
    })
  } finally {
    await page.close()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const ms = (n: number) => `${n.toFixed(0)} ms`

async function measure(browser: Browser, base: string): Promise<void> {
  const inputs: Input[] = [
    {
      label: 'one certificate (reference)',
      file: 'leaf-rsa.pem',
      bytes: readFileSync(join(root, 'test/fixtures/certs/leaf-rsa.pem')),
    },
    { label: '10,000 PEM blocks', file: 'blocks.pem', bytes: manyPemBlocks(10_000) },
    { label: '4,657 small certificates', file: 'store.pem', bytes: manySmallCertificates(4_657) },
    { label: 'a 1 MB serial', file: 'serial.der', bytes: certificateWithHugeSerial(1_000_000) },
    { label: 'a 100 kB OID', file: 'oid.der', bytes: certificateWithHugeOid(100_000) },
  ]
  console.log(
    `median of ${runs} drops each, fresh page per drop; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  )
  console.log(`  ${'input'.padEnd(28)} ${'longest task'.padStart(12)}  vs ${budgetMs} ms  drop to first card`)
  let reference: Drop | undefined
  for (const input of inputs) {
    const drops: Drop[] = []
    for (let i = 0; i < runs; i++) drops.push(await dropOnce(browser, base, input))
    const result = {
      longestTask: median(drops.map((d) => d.longestTask)),
      toFirstCard: median(drops.map((d) => d.toFirstCard)),
    }
    reference ??= result
    const task = result.longestTask === 0 ? '<50 ms' : ms(result.longestTask)
    const ratio =
      result.longestTask === 0
        ? `<${(50 / budgetMs).toFixed(2)}x`
        : `${(result.longestTask / budgetMs).toFixed(2)}x`
    const card = `${ms(result.toFirstCard)} (${(result.toFirstCard / reference.toFirstCard).toFixed(1)}x the reference)`
    console.log(`  ${input.label.padEnd(28)} ${task.padStart(12)}  ${ratio.padStart(9)}  ${card}`)
  }
}

export function run(): Promise<void> {
  return inChromium(measure)
}
