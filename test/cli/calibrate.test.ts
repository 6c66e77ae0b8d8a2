/**
 * The calibration against the real servers that are installed (Debian's nginx, apache2, caddy,
 * haproxy; .ci/run installs them as root): every scenario on every server agrees with the model.
 * Skipped, with one line, for a server that is not installed.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { calibrate, stopEverything } from '../../src/cli/calibrationRun.ts'
import { installedVersion } from '../../src/cli/serverProcess.ts'
import { rowText } from '../../src/lib/servers/calibrationReport.ts'
import { serverIds, serverProfiles } from '../../src/lib/servers/index.ts'

const servers = serverIds.flatMap((id) => {
  const profile = serverProfiles[id]
  const version = installedVersion(profile)
  if (version === null)
    console.log(
      `calibrate.test: ${profile.name} is not installed (apt-get install ${profile.debianPackage}); not calibrated`,
    )
  return version === null ? [] : [{ profile, version }]
})

afterAll(() => stopEverything())

/**
 * Under libfaketime (the suite's 2037 rerun) the servers' clocks are preloaded too, and nginx's
 * worker then keeps stapling an 8 s response past its nextUpdate (measured): that is faketime, not
 * nginx. The calibration is a measurement of the real servers in real time; the normal run does it.
 */
const fakeClock = process.env.FAKETIME !== undefined
if (fakeClock)
  console.log(
    'calibrate.test: the clock is faked (FAKETIME); real servers are calibrated in the real-time run only',
  )

describe.skipIf(servers.length === 0 || fakeClock)('npm run calibrate against the installed servers', () => {
  it(
    `${servers.map((s) => `${s.profile.name} ${s.version}`).join(', ')}: every scenario agrees with the model`,
    { timeout: 180_000 },
    async () => {
      const rows = await calibrate({ servers, portBase: 18700 })
      const disagreeing = rows.filter((r) => !r.agree).map(rowText)
      expect(disagreeing).toEqual([])
      expect(rows).toHaveLength(servers.length * 6)
    },
  )
})
