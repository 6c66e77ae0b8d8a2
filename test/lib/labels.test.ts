import { describe, expect, it } from 'vitest'
import { hourText } from '../../src/components/days/text.ts'
import { modeLabels, rejectReasonNouns, rowTitle } from '../../src/lib/labels.ts'
import { horizon, simulate, defaultScenario, defaultHorizonInput } from '../../src/lib/sim/index.ts'
import { outcomeText } from '../../src/lib/viz/diagram.ts'
import { verdict } from '../../src/components/compare/panels/security.ts'

describe('one name per mode, row and reason', () => {
  it('names the plain-OCSP row after its policy', () => {
    expect(rowTitle('plain-ocsp', { mode: 'ocsp-hard-fail' })).toBe('Plain OCSP (hard-fail)')
    expect(rowTitle('plain-ocsp', { mode: 'ocsp-soft-fail' })).toBe('Plain OCSP (soft-fail)')
    expect(rowTitle('must-staple', { mode: 'must-staple' })).toBe('Must-staple')
  })

  it('the days view calls a mode what the comparison view calls its row', () => {
    const result = horizon({ ...defaultHorizonInput, strategy: 'lazy' })
    const down = result.hours.find((h) => !h.responderUp)!
    expect(hourText(down, 'ocsp-hard-fail')).toContain(`; ${modeLabels['ocsp-hard-fail']}: `)
    expect(modeLabels['ocsp-hard-fail']).toBe(rowTitle('plain-ocsp', { mode: 'ocsp-hard-fail' }))
  })

  it('the diagram and the panels give a rejection the same reason', () => {
    const run = simulate({ ...defaultScenario, staple: 'none' }, 'must-staple')
    expect(run.reason).toBe('no-staple')
    expect(outcomeText(run)).toBe(`Rejected: ${rejectReasonNouns['no-staple']}`)
    expect(verdict(run).text).toBe(`rejected: ${rejectReasonNouns['no-staple']}`)
  })
})
