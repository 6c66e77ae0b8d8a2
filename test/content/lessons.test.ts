import { describe, expect, it } from 'vitest'
import { lessons } from '../../src/content/lessons'
import { views } from '../../src/lib/route'
import { compareModes, scenarioFromQuery } from '../../src/lib/sim'

describe('the lesson', () => {
  it('has its nine steps, each of which parses', () => {
    const failures = lessons.flatMap((l) => (l.ok ? [] : [l.message]))
    expect(failures).toEqual([])
    expect(lessons).toHaveLength(9)
  })

  for (const [i, result] of lessons.entries()) {
    if (!result.ok) continue
    const { lesson } = result
    describe(`step ${i + 1}, "${lesson.title}"`, () => {
      it('sets a valid scenario', () => {
        const parsed = scenarioFromQuery(new URLSearchParams(lesson.scenarioQuery))
        expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid')
      })

      it('shows on the diagram what its text says', () => {
        const parsed = scenarioFromQuery(new URLSearchParams(lesson.scenarioQuery))
        if (!parsed.ok) throw new Error(parsed.error.message)
        const runs = new Map(compareModes(parsed.scenario).map((entry) => [entry.row, entry.run]))
        for (const e of lesson.expects) {
          expect(runs.get(e.row)?.[e.field], e.text).toBe(e.value)
        }
      })

      it('links inside the page only to views that exist, with valid scenarios', () => {
        const hrefs = [...JSON.stringify(lesson.body).matchAll(/"href":"(#\/[^"]*)"/g)].map((m) => m[1]!)
        for (const href of hrefs) {
          const [path = '', query = ''] = href.slice(2).split('?')
          expect(views as readonly string[], href).toContain(path.split('/')[0])
          if (path === 'compare' || path === 'embed') {
            const parsed = scenarioFromQuery(new URLSearchParams(query))
            expect(parsed.ok ? 'valid' : parsed.error.message, href).toBe('valid')
          }
        }
      })

      it('links only to pages of the lesson that exist', () => {
        const links = JSON.stringify(lesson.body).match(/"href":"#\/learn\/(\d+)"/g) ?? []
        for (const link of links) {
          const n = Number(/(\d+)/.exec(link)![1])
          expect(n, link).toBeGreaterThanOrEqual(1)
          expect(n, link).toBeLessThanOrEqual(lessons.length)
        }
      })
    })
  }
})
