/**
 * Where a lesson step lives in the URL: #/learn/N for step N (1-based) with the step's own scenario,
 * or #/learn/N?<scenario> once the learner has changed it (so that, too, can be shared).
 */
import { formatRoute } from '../../lib/route.ts'

export function stepHref(step: number, query?: URLSearchParams): string {
  return formatRoute({ view: 'learn', path: [String(step)], query })
}

/** The step a route path asks for: 1 when none is given, null when it names no step. */
export function stepFromPath(path: string[], count: number): number | null {
  const text = path[0]
  if (text === undefined) return 1
  if (!/^\d+$/.test(text)) return null
  const n = Number(text)
  return n >= 1 && n <= count ? n : null
}
