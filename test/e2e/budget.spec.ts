import { expect, test } from '@playwright/test'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'

test('the first page load needs under 100 kB of gzipped JavaScript (parsers and other views load on demand)', async ({
  page,
}) => {
  const scripts = new Set<string>()
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.add(new URL(r.url()).pathname)
  })
  await page.goto('./')
  await expect(page.getByTestId('diagrams')).toBeVisible()
  expect(scripts.size).toBeGreaterThan(0)
  let total = 0
  for (const path of scripts) total += gzipSync(readFileSync(`dist${path}`)).length
  expect([...scripts].some((s) => /InspectorPage|LearnView|DaysView|parse\.worker/.test(s))).toBe(false)
  expect(total).toBeLessThan(100_000)
})
