import { expect, test } from '@playwright/test'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'

/** The scripts the built page names in its HTML: the entry and its modulepreloads, the first screen's code. */
function firstScreenScripts(): string[] {
  const html = readFileSync('dist/index.html', 'utf8')
  return [
    ...html.matchAll(
      /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]!)
}

test('the first screen needs under 80 kB of gzipped JavaScript; controls, panels and other views load after it', async ({
  page,
}) => {
  const loaded = new Set<string>()
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) loaded.add(new URL(r.url()).pathname.slice(1))
  })
  await page.goto('./')
  await expect(page.getByTestId('diagrams')).toBeVisible()
  const scripts = firstScreenScripts()
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) expect(loaded).toContain(script)
  // Loaded after the first screen, as chunks of their own.
  expect(scripts.some((s) => /ScenarioControls|ResultPanels|ShareBar|PlaybackBar|DiagramTip/.test(s))).toBe(
    false,
  )
  // Not loaded at all on this view.
  expect([...loaded].some((s) => /InspectorPage|LearnView|DaysView|EmbedPage|parse\.worker/.test(s))).toBe(
    false,
  )
  let total = 0
  for (const path of scripts) total += gzipSync(readFileSync(`dist/${path}`)).length
  expect(total).toBeLessThan(80_000)
})
