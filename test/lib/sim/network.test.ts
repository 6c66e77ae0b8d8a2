import { describe, expect, it } from 'vitest'
import { Network, rtoAfterSample } from '../../../src/lib/sim/network.ts'
import { draw } from '../../../src/lib/sim/random.ts'
import { defaultScenario } from '../../../src/lib/sim/scenario.ts'

describe('seeded network', () => {
  it('one-way delay is half the RTT without jitter', () => {
    const net = new Network({ ...defaultScenario, rttResponderMs: 80 })
    expect(net.nextPacket('client-responder')).toEqual({ delay: 40, lost: false })
  })

  it('jitter only adds delay, and the same seed gives the same delays', () => {
    const s = { ...defaultScenario, jitterMs: 30, seed: 42 }
    const a = new Network(s)
    const b = new Network(s)
    for (let i = 0; i < 50; i++) {
      const p = a.nextPacket('client-server')
      expect(p).toEqual(b.nextPacket('client-server'))
      expect(p.delay).toBeGreaterThanOrEqual(25)
      expect(p.delay).toBeLessThan(55)
    }
    expect(new Network({ ...s, seed: 43 }).nextPacket('client-server')).not.toEqual(
      new Network(s).nextPacket('client-server'),
    )
  })

  it('a path draws the same numbers whatever happens on the other paths', () => {
    const s = { ...defaultScenario, jitterMs: 30, lossRate: 0.3 }
    const a = new Network(s)
    const b = new Network(s)
    for (let i = 0; i < 5; i++) b.nextPacket('client-responder')
    expect(a.nextPacket('client-server')).toEqual(b.nextPacket('client-server'))
  })

  it('draws are uniform enough: a 20% loss rate loses about 20% of packets', () => {
    const net = new Network({ ...defaultScenario, lossRate: 0.2 })
    let lost = 0
    for (let i = 0; i < 5000; i++) if (net.nextPacket('client-server').lost) lost++
    expect(lost / 5000).toBeGreaterThan(0.17)
    expect(lost / 5000).toBeLessThan(0.23)
    expect(draw(1, 2, 3, 4)).toBe(draw(1, 2, 3, 4))
  })

  it('the retransmission timeout after a sample is 3 RTT, at least 200 ms', () => {
    expect(rtoAfterSample(10)).toBe(200)
    expect(rtoAfterSample(300)).toBe(900)
  })
})
