import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario, type ComparisonRow } from '../../../src/lib/sim/index'
import {
  parsePresenterRows,
  presenterHref,
  presenterSteps,
  readPresenterMessage,
} from '../../../src/lib/viz/presenter'

const entries = compareModes(defaultScenario)
const chosen = (rows: ComparisonRow[]) =>
  entries.filter((e) => rows.includes(e.row)).map((e) => ({ row: e.row, title: e.row, run: e.run }))

describe('parsePresenterRows', () => {
  it('reads the rows a trainer names, in the comparison order, with ocsp-soft-fail for plain OCSP', () => {
    expect(parsePresenterRows('must-staple,ocsp-soft-fail')).toEqual({
      ok: true,
      rows: ['plain-ocsp', 'must-staple'],
    })
    expect(parsePresenterRows(null)).toEqual({
      ok: true,
      rows: ['none', 'plain-ocsp', 'stapling', 'must-staple'],
    })
  })

  it('names the row it does not know', () => {
    const read = parsePresenterRows('stapling,crl')
    expect(read.ok).toBe(false)
    expect(!read.ok && read.error.message).toContain('"crl"')
  })
})

describe('presenterSteps', () => {
  const rows = chosen(['plain-ocsp', 'must-staple'])
  const steps = presenterSteps(rows)

  it('has one step per instant a message is sent, in time order, covering every message of the rows', () => {
    const sendTimes = new Set(rows.flatMap((r) => r.run.events.map((e) => e.t)))
    expect(steps.map((s) => s.t)).toEqual([...sendTimes].sort((a, b) => a - b))
    for (const step of steps) expect(step.shownAt).toBeGreaterThanOrEqual(step.t)
  })

  it('names a message both rows send once, and says which row sends one only it sends', () => {
    expect(steps[0]!.caption).toMatch(/^Client → Web server: SYN/)
    expect(steps[0]!.caption).not.toContain('(')
    const toResponder = steps.find((s) => s.caption.includes('→ OCSP responder'))
    expect(toResponder?.caption).toContain('(plain-ocsp)')
  })

  it("gives the speaker the engine's own sentences for each message", () => {
    const explains = new Set(rows.flatMap((r) => r.run.events.map((e) => e.explain)))
    for (const step of steps) for (const note of step.notes) expect(explains.has(note)).toBe(true)
  })
})

describe('presenter links and messages', () => {
  it('a link carries the scenario and only a partial choice of rows', () => {
    expect(presenterHref('tls=1.2', ['stapling'])).toBe('#/present?tls=1.2&rows=stapling')
    expect(presenterHref('tls=1.2', [])).toBe('#/present?tls=1.2')
  })

  it('the notes window takes only well-formed step messages from the channel', () => {
    const message = { kind: 'step', index: 2, count: 9, caption: 'c', notes: ['n'], next: null, blank: false }
    expect(readPresenterMessage(message)).toEqual(message)
    expect(readPresenterMessage({ ...message, notes: [1] })).toBeNull()
    expect(readPresenterMessage('step')).toBeNull()
  })
})
