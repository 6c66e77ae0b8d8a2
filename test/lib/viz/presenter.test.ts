import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario, type ComparisonRow } from '../../../src/lib/sim/index'
import { messageSentence, presenterSteps, readPresenterMessage } from '../../../src/lib/viz/presenter'
import { parsePresenterRows, presenterHref } from '../../../src/lib/viz/presenterLink'

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

  it("says each click in a sentence made from the engine's own words, with its sender as the subject", () => {
    const ask = steps.find((s) => s.caption.includes('OCSP request'))!
    // The test's row titles are the row ids; the page uses rowTitle ("Plain OCSP (soft-fail)").
    expect(ask.sentence).toBe(
      "plain-ocsp: The client asks the CA's responder whether this certificate's serial number is revoked, in plain HTTP (RFC 6960 A.1).",
    )
    expect(steps[0]!.sentence).toMatch(/^The client opens a TCP connection to the web server/)
    // A message described rather than done is named first: the staple is the story of this click.
    const flight = steps.find((s) => s.caption.includes('Certificate (+ staple)'))!
    expect(flight.sentence).toMatch(
      /^must-staple: The web server sends Certificate \(\+ staple\)\. The server’s certificate chain\./,
    )
    expect(flight.sentence).toContain('With it: ServerHello')
  })

  it('messageSentence keeps a sentence that already names its sender, and puts the sender before a bare verb', () => {
    expect(
      messageSentence({
        from: 'dns',
        label: 'DNS answer',
        explain: "The resolver returns the responder's address.",
      }),
    ).toBe("The resolver returns the responder's address.")
    expect(
      messageSentence({ from: 'client', label: 'ACK', explain: 'Completes the three-way handshake.' }),
    ).toBe('The client completes the three-way handshake.')
    expect(messageSentence({ from: 'server', label: 'Finished', explain: 'A MAC over the handshake.' })).toBe(
      'The web server sends Finished. A MAC over the handshake.',
    )
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
