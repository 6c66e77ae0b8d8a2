import { describe, expect, it } from 'vitest'
import { compareModes, defaultScenario, type Scenario } from '../../../src/lib/sim/index.ts'
import { diagramModel, outcomeSentence, playbackMoments } from '../../../src/lib/viz/diagram.ts'
import { groupFlights } from '../../../src/lib/viz/flights.ts'
import { laneLayout, lanesFor } from '../../../src/lib/viz/lanes.ts'
import { overlaps } from '../../../src/lib/viz/labels.ts'
import { sharedEnd, timeScale } from '../../../src/lib/viz/timeScale.ts'

function model(scenario: Scenario, row: string, width = 1000) {
  const entries = compareModes(scenario)
  const runs = entries.map((e) => e.run)
  const run = entries.find((e) => e.row === row)!.run
  const layout = laneLayout(lanesFor(scenario.responder, runs))
  const x = timeScale(sharedEnd(runs), width, { left: 110, right: 16 })
  return { run, layout, x, model: diagramModel(run, x, layout, { width, labelLeft: 110 }) }
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
    expect(wait.y + wait.height / 2).toBe(layout.y('client'))
  })

  it('labels most flights at desktop width, without overlaps', () => {
    const { model: m } = model({ ...defaultScenario }, 'plain-ocsp', 1100)
    const labels = m.flights.flatMap((f) => (f.label ? [f.label] : []))
    expect(labels.length).toBeGreaterThanOrEqual(m.flights.length * 0.6)
    for (const a of labels) for (const b of labels) if (a !== b) expect(overlaps(a.box, b.box, 0)).toBe(false)
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
    for (const f of dropped) expect(f.geometry.y2).toBe(layout.y('attacker'))
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
