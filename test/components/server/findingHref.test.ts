/**
 * A config checker finding links to the view that shows its consequence, written with that view's
 * field registry: the link opens exactly the finding's scenario, and that scenario shows it.
 */
import { describe, expect, it } from 'vitest'
import { findingHref } from '../../../src/components/server/findingHref.ts'
import { parseDaysParams } from '../../../src/lib/days/daysFields.ts'
import { parseRoute } from '../../../src/lib/route.ts'
import { checkConfig, type FindingCode } from '../../../src/lib/servers/configChecker.ts'
import { horizon, parseScenarioParams } from '../../../src/lib/sim/index.ts'
import { readFileSync } from 'node:fs'

const riskyNginx = readFileSync('test/fixtures/configs/nginx-risky.conf', 'utf8')
const configs = [
  riskyNginx,
  riskyNginx.replace('ssl_stapling_verify on;', 'ssl_stapling_responder http://ocsp.old.example/;'),
  riskyNginx.replace('ssl_stapling on;', 'ssl_stapling on;\n    ssl_stapling_file /etc/ssl/shop/ocsp.der;'),
  riskyNginx.replace('ssl_stapling on;', 'ssl_stapling off;'),
  `<VirtualHost *:443>
    SSLEngine on
    SSLCertificateFile /etc/ssl/shop.pem
    SSLUseStapling on
    SSLStaplingCache shmcb:/tmp/stapling(32768)
</VirtualHost>`,
]
const findings = configs.flatMap((text) => checkConfig(text).findings)
const hrefOf = (code: FindingCode) => findingHref(findings.find((f) => f.code === code)!.link)

describe('a finding’s link', () => {
  it('opens its view with the finding’s values and nothing the view cannot read', () => {
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(8)
    for (const f of findings) {
      const route = parseRoute(findingHref(f.link))
      expect(route.view, f.code).toBe(f.link.view)
      if (f.link.view === 'days') {
        const { input, problems } = parseDaysParams(route.query)
        expect(problems, f.code).toEqual([])
        expect(input, f.code).toMatchObject(f.link.days)
      } else {
        const { scenario, problems } = parseScenarioParams(route.query)
        expect(problems, f.code).toEqual([])
        expect(scenario, f.code).toMatchObject(f.link.scenario)
      }
    }
  })

  it('writes only what differs from the view’s defaults, with the registries’ keys', () => {
    expect(hrefOf('no-resolver')).toBe('#/days?d=14&o=24-336')
    expect(hrefOf('static-file')).toBe('#/days?d=14')
    expect(hrefOf('no-trusted-certificate')).toBe('#/compare?srv=none')
  })

  it('for a server without a resolver, opens days in which a lazy (nginx) server’s staple runs out', () => {
    const { input } = parseDaysParams(parseRoute(hrefOf('no-resolver')).query)
    const lazy = horizon({ ...input, strategy: 'lazy' })
    const runsOut = lazy.freshness.find((f) => f.hour > 24 && f.staple === 'none')
    // The last fetch that reached the responder was before hour 24; its week-long response ends then.
    expect(runsOut?.hour).toBeGreaterThan(168)
    expect(runsOut?.hour).toBeLessThanOrEqual(24 + 168)
    // From then on every must-staple handshake fails: about 100 an hour for the last six days.
    expect(lazy.totals['must-staple'].failed).toBeGreaterThan(100 * 24 * 5)
    // The generic outage it linked to before (#/days?o=48-72) never let the staple run out.
    const { input: outage } = parseDaysParams(new URLSearchParams('o=48-72'))
    const generic = horizon({ ...outage, strategy: 'lazy' })
    expect(generic.freshness.filter((f) => f.hour > 24 && f.staple === 'none')).toEqual([])
  })
})
