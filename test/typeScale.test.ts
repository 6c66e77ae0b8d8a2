/**
 * The type scale (src/app.css): every text size in the page's stylesheets is one of its steps, or
 * an SVG chart's pixel size. Each size and weight is one more font the browser looks up before its
 * first paint; the comparison's first frame went from 19 to 10 of them when the sizes were
 * gathered into the scale, and its longest start-up task with them (app.css says by how much).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = join(import.meta.dirname, '..', 'src')

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return stylesheets(path)
    return /\.(svelte|css)$/.test(entry.name) ? [path] : []
  })
}

/** Every `font-size` value written in the page's stylesheets, with where it is. */
function fontSizes(): { at: string; value: string }[] {
  return stylesheets(src).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/font-size:\s*([^;}\n]+)/g)].map((m) => ({
      at: path.slice(src.length + 1),
      value: m[1]!.trim(),
    })),
  )
}

describe('the type scale', () => {
  const scale = readFileSync(join(src, 'app.css'), 'utf8')
  const steps = [...scale.matchAll(/--(text-[a-z0-9]+):\s*([0-9.]+rem)/g)].map((m) => m[1]!)

  it('has a few steps', () => {
    expect(steps.length).toBeGreaterThanOrEqual(5)
    expect(steps.length).toBeLessThanOrEqual(8)
  })

  it('is where every text size comes from: a step, a size relative to the parent, or an SVG chart pixel size', () => {
    const found = fontSizes()
    expect(found.length).toBeGreaterThan(100)
    const svgPixels = new Set(['9px', '10px', '11px', '12px'])
    const off = found.filter(
      ({ value }) =>
        !/^var\(--text-[a-z0-9]+\)$/.test(value) &&
        !svgPixels.has(value) &&
        !/^(inherit|[0-9.]+em|100%)$/.test(value) &&
        // The page's root size, the one the scale's rem are of.
        value !== '16px',
    )
    expect(off).toEqual([])
    for (const { value } of found) {
      const step = /^var\(--(text-[a-z0-9]+)\)$/.exec(value)?.[1]
      if (step) expect(steps).toContain(step)
    }
  })
})
