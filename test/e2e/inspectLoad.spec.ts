import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'

const chain = ['certs/leaf-must-staple.pem', 'certs/intermediate.pem', 'certs/root.pem']
const files = [...chain, 'ocsp/resp-must-staple-good.der'].map((f) => `test/fixtures/${f}`)

test("#/inspect loads none of the comparison's code, and at most 120 kB of JavaScript up to a verified chain", async ({
  page,
}) => {
  const scripts = new Set<string>()
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname)
  })
  await page.goto('./#/inspect')
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByRole('article')).toHaveCount(4)
  await expect(page.getByTestId('chain').locator('li[data-status="pass"]')).toHaveCount(3)

  // Playwright reports no request a dedicated worker makes: ask the parse worker what it loaded.
  for (const worker of page.workers()) {
    const loaded = (await worker.evaluate(
      `performance.getEntriesByType('resource').map((entry) => entry.name)`,
    )) as string[]
    for (const url of loaded) if (url.endsWith('.js')) scripts.add(new URL(url).pathname)
    scripts.add(new URL(worker.url()).pathname)
  }
  const names = [...scripts]
  expect(names.some((s) => s.includes('InspectorPage'))).toBe(true)
  // The comparison's view, its diagrams and d3 (src/build/chunkNames.ts names them) stay on the server.
  expect(names.filter((s) => /\/(CompareView|EmbedPage|diagrams|d3)-/.test(s))).toEqual([])
  let total = 0
  for (const path of names) total += gzipSync(readFileSync(`dist${path}`)).length
  // Issue 14: at most 120 kB gzip on #/inspect through a drop of a chain and its OCSP response.
  expect(total).toBeLessThan(120 * 1024)
})
