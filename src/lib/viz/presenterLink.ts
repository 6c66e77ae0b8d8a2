/**
 * Presenter mode's link: which rows it shows (`rows=`, shared with the embed) and the link that opens
 * it. Apart from presenter.ts so the compare view's "Present" link and the embed's options cost the
 * first screen a few lines, not the clicker's step builder.
 */
import { comparisonRows, type ComparisonRow } from '../sim/types.ts'
import { formatRoute } from '../route.ts'

export type RowsResult =
  { ok: true; rows: ComparisonRow[] } | { ok: false; error: { code: 'unknown-row'; message: string } }

/** `rows=ocsp-soft-fail,must-staple` → the rows, in the comparison's order; no `rows` → all four. */
export function parsePresenterRows(text: string | null): RowsResult {
  if (text === null || text.trim() === '') return { ok: true, rows: [...comparisonRows] }
  // "ocsp-soft-fail" is what a trainer calls the plain OCSP row (its default, soft-failing policy).
  const asked = text.split(',').map((name) => (name.trim() === 'ocsp-soft-fail' ? 'plain-ocsp' : name.trim()))
  const unknown = asked.filter((name) => !(comparisonRows as readonly string[]).includes(name))
  if (unknown.length > 0) {
    return {
      ok: false,
      error: {
        code: 'unknown-row',
        message: `rows: "${unknown[0]}" is not one of ${comparisonRows.join(', ')}, ocsp-soft-fail.`,
      },
    }
  }
  return { ok: true, rows: comparisonRows.filter((row) => asked.includes(row)) }
}

/** The link that opens presenter mode on a scenario (its URL query text), with the chosen rows. */
export function presenterHref(scenarioQuery: string, rows: readonly ComparisonRow[] = []): string {
  const query = new URLSearchParams(scenarioQuery)
  if (rows.length > 0 && rows.length < comparisonRows.length) query.set('rows', rows.join(','))
  return formatRoute({ view: 'present', query })
}
