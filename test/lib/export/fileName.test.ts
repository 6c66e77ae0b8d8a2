import { describe, expect, it } from 'vitest'
import { animationFileName } from '../../../src/lib/export/fileName.ts'
import { defaultScenario, parseScenarioParams } from '../../../src/lib/sim/scenario.ts'
import { comparisonRows, type Scenario } from '../../../src/lib/sim/types.ts'

const scenario = (query: string): Scenario => parseScenarioParams(new URLSearchParams(query)).scenario

describe('the file name of an exported animation', () => {
  it('names the row, the TLS version and the responder: the issue’s own example', () => {
    expect(animationFileName(scenario('resp=down'), ['must-staple'], 'gif')).toBe(
      'staple-lab-must-staple-tls13-responder-down.gif',
    )
  })

  it('calls the four rows together "compare", and names the default scenario by its defaults alone', () => {
    expect(animationFileName({ ...defaultScenario }, comparisonRows, 'webm')).toBe(
      'staple-lab-compare-tls13-responder-up.webm',
    )
    expect(animationFileName({ ...defaultScenario }, [], 'gif')).toBe(
      'staple-lab-compare-tls13-responder-up.gif',
    )
  })

  it('names chosen rows in display order, the plain-OCSP row by its policy', () => {
    const s = scenario('tls=1.2&po=hard-fail&resp=tryLater')
    expect(animationFileName(s, ['must-staple', 'plain-ocsp'], 'gif')).toBe(
      'staple-lab-ocsp-hard-fail-and-must-staple-tls12-responder-try-later.gif',
    )
    // Without the plain row in the name, the policy is one of the other facts.
    expect(animationFileName(s, comparisonRows, 'gif')).toBe(
      'staple-lab-compare-tls12-responder-try-later-hard-fail.gif',
    )
    expect(animationFileName(s, ['none'], 'gif')).toBe(
      'staple-lab-no-check-tls12-responder-try-later-hard-fail.gif',
    )
  })

  it('adds every other fact that differs from its default, in the order of the link', () => {
    const s = scenario('cl=chrome&rs=80&loss=0.05&cert=revoked&st=stale&srv=lazy&kx=x25519')
    expect(animationFileName(s, ['stapling'], 'webm')).toBe(
      'staple-lab-stapling-tls13-responder-up-chrome-kx-x25519-rs80-loss0.05-cert-revoked-staple-stale-server-lazy.webm',
    )
    const switches = scenario('se=0&oc=1&dc=1&http=GET')
    expect(animationFileName(switches, ['stapling'], 'gif')).toBe(
      'staple-lab-stapling-tls13-responder-up-no-staple-responder-errors-cached-ocsp-response' +
        '-responders-address-cached-ocsp-get.gif',
    )
  })

  it('leaves the privacy sentences’ host and address out of the name', () => {
    const s = { ...defaultScenario, site: 'intranet.example.org', clientIp: '10.1.2.3' }
    expect(animationFileName(s, ['must-staple'], 'gif')).toBe('staple-lab-must-staple-tls13-responder-up.gif')
  })

  it('stays a short, safe file name however many facts differ', () => {
    const s = scenario(
      'cl=firefox-136&rs=60000&rr=60000&rd=60000&rsr=60000&j=10000&loss=0.5&seed=4294967295&rp=60000&rslow=120000' +
        '&cert=revoked&st=pre-revocation&srv=proactive&se=0&res=1&oc=1&dc=1&http=GET&tsoft=120000&thard=120000',
    )
    const name = animationFileName(s, comparisonRows, 'webm')
    expect(name.length).toBeLessThanOrEqual(155)
    expect(name).toMatch(
      /^staple-lab-compare-tls13-responder-up-firefox-136-rs60000-[a-z0-9.-]+[a-z0-9]\.webm$/,
    )
  })
})
