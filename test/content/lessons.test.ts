import { describe, expect, it } from 'vitest'
import { lessons } from '../../src/content/lessons'
import { views } from '../../src/lib/route'
import { compareModes, scenarioFromQuery } from '../../src/lib/sim'

describe('the lesson', () => {
  it('has its ten steps, each of which parses', () => {
    const failures = lessons.flatMap((l) => (l.ok ? [] : [l.message]))
    expect(failures).toEqual([])
    expect(lessons).toHaveLength(10)
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

  describe('states the 2026 facts of issue 11, each with its source', () => {
    const text = (slug: string): string => {
      const found = lessons.find((l) => l.ok && l.lesson.slug === slug)
      if (!found?.ok) throw new Error(`no lesson ${slug}`)
      return JSON.stringify(found.lesson)
    }

    it('must-staple is a presence check in Firefox, and Chrome checks staples (mozilla::pkix, Chromium)', () => {
      expect(text('must-staple')).not.toContain('the only staple it could send says')
      expect(text('must-staple')).toContain('March 2016')
      expect(text('must-staple')).toContain('TLSFeaturesSatisfiedInternal')
      expect(text('must-staple')).toContain('revocation_checker.cc')
    })

    it('a replayed pre-revocation staple gets through must-staple (RFC 6960 section 5, RFC 9654)', () => {
      expect(text('revocation-window')).toContain('precomputed responses allow replay attacks')
      expect(text('revocation-window')).toContain('rfc9654')
    })

    it('check the AIA first: Let’s Encrypt certificates carry no OCSP URL since 2025-05-07', () => {
      expect(text('enabling')).toContain('-ocsp_uri')
      expect(text('enabling')).toContain('2025-05-07')
      expect(text('enabling')).toContain('EnableOcspStaplingForSni')
    })

    it('late-2026 dates: SC-081v3, SC-063, 6-day certificates, Apple’s list; the ~500 ms source', () => {
      for (const fact of ['2026-03-15', '2027-03-15', '2029-03-15', 'SC-063', 'valid.apple.com'])
        expect(text('today'), fact).toContain(fact)
      expect(text('plain-ocsp')).toContain('cloudflare-works-with-globalsign-to-make-ssl')
    })
  })
})
