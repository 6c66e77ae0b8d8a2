/**
 * The words under the latency bars: how much one row saves (or costs) against another, computed
 * from the runs, with the formula that produced each number for its tooltip.
 */
import type { ComparisonRow, Phase, Run } from '../../../lib/sim/types.ts'
import { formatMilliseconds, formatPercent, sentence } from '../../../lib/format.ts'
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
  const totals = `${a}: ${formatMilliseconds(ta)} (Run.handshakeMs), ${b}: ${formatMilliseconds(tb)}`
  const aRejected = subjectRun.outcome === 'rejected'
  const bRejected = baseRun.outcome === 'rejected'

  if (aRejected && bRejected) {
    return {
      text: sentence(
        `${a} and ${b} both refuse the connection: ${a} after ${formatMilliseconds(ta)} (${why(subjectRun)}), ${b} after ${formatMilliseconds(tb)} (${why(baseRun)}).`,
      ),
      formula: totals,
      tone: 'danger',
    }
  }
  if (aRejected) {
    return {
      text: sentence(
        `${a} refuses the connection after ${formatMilliseconds(ta)} (${why(subjectRun)}); ${b} connects in ${formatMilliseconds(tb)}.`,
      ),
      formula: totals,
      tone: 'danger',
    }
  }
  if (bRejected) {
    return {
      text: sentence(
        `${a} connects in ${formatMilliseconds(ta)}; ${b} refuses the connection after ${formatMilliseconds(tb)} (${why(baseRun)}).`,
      ),
      formula: totals,
      tone: 'neutral',
    }
  }

  const saved = tb - ta
  if (Math.abs(saved) < sameMs) {
    return {
      text: sentence(`${a} takes as long as ${b}: ${formatMilliseconds(ta)}.`),
      formula: `${totals}: the same within half a millisecond`,
      tone: 'neutral',
    }
  }
  const share = tb > 0 ? Math.abs(saved) / tb : null
  const shareText = share === null ? '' : ` (${formatPercent(share)})`
  const shareFormula =
    share === null
      ? ''
      : `; ${formatMilliseconds(Math.abs(saved))} / ${formatMilliseconds(tb)} = ${formatPercent(share)}`
  if (saved > 0) {
    return {
      text: sentence(`${a} saves ${formatMilliseconds(saved)}${shareText} over ${b}.`),
      formula: `${formatMilliseconds(tb)} (${b}) − ${formatMilliseconds(ta)} (${a}) = ${formatMilliseconds(saved)}${shareFormula}`,
      tone: 'ok',
    }
  }
  return {
    text: sentence(`${a} costs ${formatMilliseconds(-saved)}${shareText} more than ${b}.`),
    formula: `${formatMilliseconds(ta)} (${a}) − ${formatMilliseconds(tb)} (${b}) = ${formatMilliseconds(-saved)}${shareFormula}`,
    tone: 'neutral',
  }
}

function why(run: Run): string {
  return run.reason === null ? 'rejected' : rejectReasonNouns[run.reason]
}

/** Sum of the phases, spelled out: where a row's total comes from. */
export function totalFormula(run: Run): string {
  const parts = run.breakdown.filter((s) => s.end > s.start)
  if (parts.length === 0) return `${formatMilliseconds(run.handshakeMs)}: no phase took any time`
  const merged = new Map<Phase, number>()
  for (const s of parts) merged.set(s.phase, (merged.get(s.phase) ?? 0) + (s.end - s.start))
  const terms = [...merged].map(([phase, ms]) => `${phaseInfo[phase].label} ${formatMilliseconds(ms)}`)
  const end = run.outcome === 'rejected' ? 'to the rejection' : 'to the first application data'
  return `First TCP SYN ${end}: ${terms.join(' + ')} = ${formatMilliseconds(run.handshakeMs)}`
}
