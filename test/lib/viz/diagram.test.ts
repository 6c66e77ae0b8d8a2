import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario, findPreset, type Scenario } from '../../../src/lib/sim/index.ts'
import {
  diagramModel,
  outcomeSentence,
  playbackMoments,
  type DiagramModel,
} from '../../../src/lib/viz/diagram.ts'
import { groupFlights } from '../../../src/lib/viz/flights.ts'
import { diagramFrame } from '../../../src/lib/viz/frame.ts'
import { lanesFor } from '../../../src/lib/viz/lanes.ts'
import { crossesBox, overlaps, type TextBox } from '../../../src/lib/viz/labels.ts'
import { idleGaps, sharedEnd } from '../../../src/lib/viz/timeScale.ts'

function diagrams(scenario: Scenario, width: number) {
  const entries = compareModes(scenario)
  const runs = entries.map((e) => e.run)
  const end = sharedEnd(runs)
  const gaps = idleGaps(runs, end)
  const frame = diagramFrame({
    width,
    lanes: lanesFor(scenario.responder, runs),
    end,
    gaps,
    compact: false,
    flights: Math.max(...runs.map((r) => groupFlights(r.events).length)),
  })
  return { frame, entries: entries.map((e) => ({ ...e, model: diagramModel(e.run, frame, { gaps }) })) }
}

function model(scenario: Scenario, row: string, width = 1000) {
  const { frame, entries } = diagrams(scenario, width)
  const entry = entries.find((e) => e.row === row)!
  return { run: entry.run, layout: frame.lanes, x: frame.time, frame, model: entry.model }
}

/** Every word a diagram writes on its plot. */
function texts(m: DiagramModel): TextBox[] {
  return [
    ...m.flights.flatMap((f) => (f.label ? [f.label] : [])),
    ...m.waits.flatMap((w) => (w.caption ? [w.caption] : [])),
    ...m.leaks.flatMap((l) => (l.label ? [l.label] : [])),
    ...(m.outcome.label ? [m.outcome.label] : []),
    ...m.gaps.map((g) => g.label),
  ]
}

describe('a swimlane diagram', () => {
  it('draws the TLS 1.3 server flight as one arrow that lists its five messages', () => {
    const { run } = model({ ...defaultScenario }, 'stapling')
    const flights = groupFlights(run.events)
    const serverFlight = flights.find((f) => f.from === 'server' && f.events.length > 1)!
    expect(serverFlight.events.map((e) => e.message)).toEqual([
      'ServerHello',
      'EncryptedExtensions',
      'Certificate',
      'CertificateVerify',
      'Finished',
    ])
    expect(serverFlight.staple).toBe(true)
    expect(serverFlight.labels.some((l) => l.includes('staple'))).toBe(true)
    // Every event is in exactly one flight.
    expect(flights.flatMap((f) => f.eventIndexes).sort((a, b) => a - b)).toEqual(run.events.map((_, i) => i))
  })

  it('shades the plain-OCSP wait on the client lane, as long as the wait', () => {
    const { model: m, x, layout } = model({ ...defaultScenario }, 'plain-ocsp')
    const wait = m.waits.find((w) => w.party === 'client')!
    expect(wait.x).toBeCloseTo(x(wait.start))
    expect(wait.width).toBeCloseTo(x(wait.end) - x(wait.start))
    expect(wait.y + wait.height / 2).toBe(layout.at('client'))
  })

  it('labels most flights at desktop width, without overlaps', () => {
    const { model: m } = model({ ...defaultScenario }, 'plain-ocsp', 1100)
    const labels = m.flights.flatMap((f) => (f.label ? [f.label] : []))
    expect(labels.length).toBeGreaterThanOrEqual(m.flights.length * 0.6)
    for (const a of labels) for (const b of labels) if (a !== b) expect(overlaps(a.box, b.box, 0)).toBe(false)
  })

  it('turns into a vertical sequence chart on a phone: parties as columns, time running down', () => {
    const { model: m, frame } = model({ ...defaultScenario }, 'plain-ocsp', 340)
    expect(frame.orientation).toBe('vertical')
    expect(m.width).toBeLessThanOrEqual(340)
    const syn = m.flights[0]!
    expect(syn.geometry).toMatchObject({ x1: frame.lanes.at('client'), x2: frame.lanes.at('server') })
    expect(syn.geometry.y2).toBeGreaterThan(syn.geometry.y1)
    const wait = m.waits.find((w) => w.party === 'client')!
    expect(wait.x + wait.width / 2).toBe(frame.lanes.at('client'))
    expect(wait.height).toBeCloseTo(frame.time(wait.end) - frame.time(wait.start))
    // A whole plain-OCSP handshake, most of its messages named, in one phone-wide picture.
    expect(m.flights.filter((f) => f.label).length).toBeGreaterThanOrEqual(m.flights.length * 0.8)
    expect(m.leaks.find((l) => l.party === 'responder')?.label?.text).toBe('CA learns you visit shop.example')
  })

  it('keeps rows on a 768 px tablet', () => {
    expect(model({ ...defaultScenario }, 'none', 700).frame.orientation).toBe('horizontal')
  })

  it('writes no word over another nor across an arrow, at any width, for every preset', () => {
    for (const id of [
      'default',
      'responder-slow',
      'long-chain',
      'attacker-blocks-ocsp',
      'tls12',
      'mobile-3g',
    ]) {
      const scenario = { ...defaultScenario, ...findPreset(id)!.scenario }
      for (const width of [320, 340, 500, 560, 740, 1000, 1400]) {
        for (const { row, model: m } of diagrams(scenario, width).entries) {
          const words = texts(m)
          const where = `${id} at ${width} px, ${row}`
          // The outcome is written on the plot, in full where it fits; at the narrowest rows
          // (560 px) the last arrows can leave it no room, and the header alone says it.
          if (width !== 560)
            expect(m.outcome.label?.text ?? `none (${m.outcome.text})`, where).toMatch(
              /^(Connected|Rejected|Revoked accepted).* · [\d,.]+ ms$/,
            )
          for (const [i, a] of words.entries()) {
            for (const b of words.slice(i + 1))
              expect(overlaps(a.box, b.box, 0), `${where}: "${a.text}" over "${b.text}"`).toBe(false)
            for (const f of m.flights)
              expect(crossesBox(f.geometry, a.box), `${where}: arrow ${f.id} across "${a.text}"`).toBe(false)
          }
        }
      }
    }
  })

  it('marks a must-staple rejection with its reason', () => {
    const scenario: Scenario = { ...defaultScenario, staple: 'none' }
    const { model: m } = model(scenario, 'must-staple')
    expect(m.outcome.kind).toBe('rejected')
    expect(m.outcome.text).toContain('no staple')
    expect(m.outcome.sentence).toMatch(/^Rejected after 100 ms: .*must-staple/)
  })

  it('marks a revoked certificate accepted by soft-fail as danger', () => {
    const scenario: Scenario = {
      ...defaultScenario,
      responder: 'blocked',
      certStatus: 'revoked',
      staple: 'none',
    }
    const { model: m, layout } = model(scenario, 'plain-ocsp')
    expect(layout.lanes).toContain('attacker')
    expect(m.outcome.kind).toBe('revoked-accepted')
    const dropped = m.flights.filter((f) => !f.delivered)
    expect(dropped.length).toBeGreaterThan(0)
    for (const f of dropped) expect(f.geometry.y2).toBe(layout.at('attacker'))
  })

  it('has no attacker lane when the scenario has no attacker', () => {
    expect(lanesFor('up')).toEqual(['server', 'client', 'dns', 'responder'])
    expect(lanesFor('reset')).toContain('attacker')
  })

  it('steps through arrivals when animating, through departures with reduced motion', () => {
    const runs = compareModes({ ...defaultScenario }).map((e) => e.run)
    const arrivals = playbackMoments(runs, false)
    const departures = playbackMoments(runs, true)
    expect(arrivals[0]).toBe(25)
    expect(departures[0]).toBe(0)
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b))
    expect(new Set(arrivals).size).toBe(arrivals.length)
  })

  it('says the outcome in words', () => {
    expect(
      outcomeSentence({ outcome: 'connected', reason: null, revokedAccepted: false, handshakeMs: 100 }),
    ).toBe('Connected after 100 ms.')
  })
})
