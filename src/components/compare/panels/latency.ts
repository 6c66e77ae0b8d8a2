/**
 * The words under the latency bars: how much one row saves (or costs) against another, computed
 * from the runs, with the formula that produced each number for its tooltip.
 */
import type { ComparisonRow, Phase, Run } from '../../../lib/sim/types.ts'
import { formatMs, formatPercent, sentence } from './format.ts'
import { phaseLabels as phaseInfo } from '../../../lib/sim/index.ts'
import { rejectReasonNouns, rowNouns } from '../../../lib/labels.ts'

export interface Difference {
  text: string
  /** Where the numbers come from, for the hover/focus tooltip. */
  formula: string
  tone: 'ok' | 'danger' | 'neutral'
}

/** Differences under half a millisecond are rounding noise from the engine's three decimals. */
const sameMs = 0.5

/** `subject` against `base`, e.g. "Stapling saves 412 ms (58%) over plain OCSP." */
export function difference(
  subject: ComparisonRow,
  subjectRun: Run,
  base: ComparisonRow,
  baseRun: Run,
): Difference {
  const a = rowNouns[subject]
  const b = rowNouns[base]
  const ta = subjectRun.handshakeMs
  const tb = baseRun.handshakeMs
  const totals = `${a}: ${formatMs(ta)} (Run.handshakeMs), ${b}: ${formatMs(tb)}`
  const aRejected = subjectRun.outcome === 'rejected'
  const bRejected = baseRun.outcome === 'rejected'

  if (aRejected && bRejected) {
    return {
      text: sentence(
        `${a} and ${b} both refuse the connection: ${a} after ${formatMs(ta)} (${why(subjectRun)}), ${b} after ${formatMs(tb)} (${why(baseRun)}).`,
      ),
      formula: totals,
      tone: 'danger',
    }
  }
  if (aRejected) {
    return {
      text: sentence(
        `${a} refuses the connection after ${formatMs(ta)} (${why(subjectRun)}); ${b} connects in ${formatMs(tb)}.`,
      ),
      formula: totals,
      tone: 'danger',
    }
  }
  if (bRejected) {
    return {
      text: sentence(
        `${a} connects in ${formatMs(ta)}; ${b} refuses the connection after ${formatMs(tb)} (${why(baseRun)}).`,
      ),
      formula: totals,
      tone: 'neutral',
    }
  }

  const saved = tb - ta
  if (Math.abs(saved) < sameMs) {
    return {
      text: sentence(`${a} takes as long as ${b}: ${formatMs(ta)}.`),
      formula: `${totals}: the same within half a millisecond`,
      tone: 'neutral',
    }
  }
  const share = tb > 0 ? Math.abs(saved) / tb : null
  const shareText = share === null ? '' : ` (${formatPercent(share)})`
  const shareFormula =
    share === null ? '' : `; ${formatMs(Math.abs(saved))} / ${formatMs(tb)} = ${formatPercent(share)}`
  if (saved > 0) {
    return {
      text: sentence(`${a} saves ${formatMs(saved)}${shareText} over ${b}.`),
      formula: `${formatMs(tb)} (${b}) − ${formatMs(ta)} (${a}) = ${formatMs(saved)}${shareFormula}`,
      tone: 'ok',
    }
  }
  return {
    text: sentence(`${a} costs ${formatMs(-saved)}${shareText} more than ${b}.`),
    formula: `${formatMs(ta)} (${a}) − ${formatMs(tb)} (${b}) = ${formatMs(-saved)}${shareFormula}`,
    tone: 'neutral',
  }
}

function why(run: Run): string {
  return run.reason === null ? 'rejected' : rejectReasonNouns[run.reason]
}

/** Sum of the phases, spelled out: where a row's total comes from. */
export function totalFormula(run: Run): string {
  const parts = run.breakdown.filter((s) => s.end > s.start)
  if (parts.length === 0) return `${formatMs(run.handshakeMs)}: no phase took any time`
  const merged = new Map<Phase, number>()
  for (const s of parts) merged.set(s.phase, (merged.get(s.phase) ?? 0) + (s.end - s.start))
  const terms = [...merged].map(([phase, ms]) => `${phaseInfo[phase].label} ${formatMs(ms)}`)
  const end = run.outcome === 'rejected' ? 'to the rejection' : 'to the first application data'
  return `First TCP SYN ${end}: ${terms.join(' + ')} = ${formatMs(run.handshakeMs)}`
}
