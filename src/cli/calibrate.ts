/**
 * `npm run calibrate -- [--server ID]... [--scenario ID]... [--port-base N] [--no-write]`: run each
 * installed server (nginx, Apache, Caddy, HAProxy) through the calibration's scripted handshakes on
 * 127.0.0.1, print observed against model, and write the table to docs/calibration.md.
 * Exit 0 when every row agrees, 1 when one does not (or a server would not run), 2 usage error.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { calibrationScenarios } from '../lib/servers/calibration.ts'
import { calibrationMarkdown, rowText } from '../lib/servers/calibrationReport.ts'
import { serverIds, serverProfiles, type ServerId } from '../lib/servers/index.ts'
import { calibrate, stopEverything } from './calibrationRun.ts'
import { installedVersion } from './serverProcess.ts'
import { usageExit } from './usage.ts'

const usage = `usage: calibrate [--server ${serverIds.join('|')}]... [--scenario ID]... [--port-base N] [--no-write]
  --server ID     only this server (repeatable); default every installed one
  --scenario ID   only this scenario (repeatable): ${calibrationScenarios.map((s) => s.id).join(', ')}
  --port-base N   first loopback port to use, two per run (default 18200)
  --no-write      print the table only; do not rewrite docs/calibration.md`

interface Args {
  servers: ServerId[]
  scenarios: string[]
  portBase: number
  write: boolean
}

function parseArgs(argv: readonly string[]): Args | string | 'help' {
  const args: Args = { servers: [], scenarios: [], portBase: 18200, write: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const v = argv[i + 1]
    if (a === '--help' || a === '-h') return 'help'
    if (a === '--no-write') args.write = false
    else if (a === '--server') {
      i++
      if (!(serverIds as readonly string[]).includes(v ?? ''))
        return `--server needs one of ${serverIds.join(', ')}`
      args.servers.push(v as ServerId)
    } else if (a === '--scenario') {
      i++
      if (!calibrationScenarios.some((s) => s.id === v))
        return `--scenario needs one of ${calibrationScenarios.map((s) => s.id).join(', ')}`
      args.scenarios.push(v!)
    } else if (a === '--port-base') {
      i++
      const n = Number(v)
      if (!/^\d+$/.test(v ?? '') || n < 1024 || n > 65000)
        return '--port-base needs a port from 1024 to 65000'
      args.portBase = n
    } else return `unknown option ${a}`
  }
  return args
}

async function main(argv: readonly string[]): Promise<number> {
  const args = usageExit('calibrate', usage, parseArgs(argv))
  if (typeof args === 'number') return args
  const wanted = args.servers.length > 0 ? args.servers : [...serverIds]
  const servers = []
  for (const id of wanted) {
    const profile = serverProfiles[id]
    const version = installedVersion(profile)
    if (version === null)
      process.stdout.write(
        `${profile.name}: not installed (apt-get install ${profile.debianPackage}), skipped\n`,
      )
    else servers.push({ profile, version })
  }
  if (servers.length === 0) {
    process.stdout.write('calibrate: none of the servers is installed; nothing to calibrate\n')
    return 0
  }
  const scenarios =
    args.scenarios.length > 0
      ? calibrationScenarios.filter((s) => args.scenarios.includes(s.id))
      : calibrationScenarios
  const rows = await calibrate({
    servers,
    scenarios,
    portBase: args.portBase,
    onRow: (row) => process.stdout.write(`${rowText(row)}\n`),
  })
  const agreeing = rows.filter((r) => r.agree).length
  process.stdout.write(`${agreeing} of ${rows.length} rows agree with the model\n`)
  if (args.write) {
    const path = fileURLToPath(new URL('../../docs/calibration.md', import.meta.url))
    // Formatted as `npm run lint` checks it (prettier --check), so a fresh run leaves the tree clean.
    const options = (await prettier.resolveConfig(path)) ?? {}
    writeFileSync(
      path,
      await prettier.format(calibrationMarkdown(rows, new Date()), { ...options, filepath: path }),
    )
    process.stdout.write(`written to docs/calibration.md\n`)
  }
  return agreeing === rows.length ? 0 : 1
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    // Every server and responder started so far is stopped by its process id before we leave.
    void stopEverything().finally(() => process.exit(130))
  })

main(process.argv.slice(2))
  .then((status) => {
    process.exitCode = status
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `calibrate: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  })
  .finally(() => stopEverything())
