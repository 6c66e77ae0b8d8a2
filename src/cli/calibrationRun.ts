/**
 * Run the calibration's scripted handshakes against real servers on 127.0.0.1: for each installed
 * server and each scenario, a fresh temporary folder, a fresh demo PKI whose leaf names a local
 * responder, the server started in the foreground, the handshakes made, and everything stopped by
 * process id in `finally`. Node only; the comparison with the model is in src/lib/servers.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { inspectBytes } from '../lib/pki/inspect.ts'
import {
  calibrationScenarios,
  predictCalibration,
  slowResponderMs,
  waitedThresholdMs,
  type CalibrationScenario,
  type ConnectionVerdict,
  type SeenStaple,
} from '../lib/servers/calibration.ts'
import type { ServerProfile } from '../lib/servers/types.ts'
import { serverPki, writeDemoPki } from './demoPkiFiles.ts'
import { startLocalResponder, type LocalResponder } from './localResponder.ts'
import { startServer, type RunningServer } from './serverProcess.ts'
import { handshake } from './tlsConnect.ts'

const run = promisify(execFile)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The demo leaf's name (createDemoPki's default), sent as SNI. */
const serverName = 'shop.example'

export interface ObservedConnection extends ConnectionVerdict {
  handshakeMs: number
}

export interface CalibrationRow {
  server: ServerProfile
  version: string
  scenario: CalibrationScenario
  /** null when the server could not be run for this scenario (error says why). */
  observed: ObservedConnection[] | null
  error: string | null
  model: ConnectionVerdict[]
  agree: boolean
}

/** Everything started and not yet stopped, and the folders in use, so a signal can clean up too. */
const running = new Set<{ stop(): Promise<void> }>()
const folders = new Set<string>()

export async function stopEverything(): Promise<void> {
  const all = [...running]
  running.clear()
  await Promise.all(all.map((r) => r.stop()))
  // Only once the processes that use them are gone.
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
  folders.clear()
}

async function stapleSeen(der: Uint8Array | null, at: Date): Promise<SeenStaple> {
  if (der === null) return 'none'
  const info = (await inspectBytes('staple', der))[0]?.result
  if (!info?.ok || info.value.kind !== 'ocspResponse') return 'other error'
  const r = info.value
  if (r.responseStatus === 'tryLater' || r.responseStatus === 'internalError') return r.responseStatus
  const single = r.responseStatus === 'successful' ? r.basic?.responses[0] : undefined
  if (!single) return 'other error'
  const stale = single.nextUpdate !== undefined && new Date(single.nextUpdate).getTime() <= at.getTime()
  return stale && single.certStatus !== 'unknown' ? `${single.certStatus} (stale)` : single.certStatus
}

/** HAProxy 2.6 staples "<crt>.ocsp": fetched here as its documentation says, with openssl ocsp. */
async function fetchStapleFile(responder: LocalResponder, dir: string, crt: string): Promise<void> {
  const file = `${crt}.ocsp`
  const r = await run(
    'openssl',
    ['ocsp', '-issuer', join(dir, 'int.pem'), '-cert', join(dir, 'leaf.pem'), '-url', responder.url],
    { timeout: 20_000 },
  ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }))
  // Only a signed answer is kept, as a cron job checking openssl's verdict would.
  if (/: (good|revoked)/.test(r.stdout))
    await run('openssl', [
      'ocsp',
      '-issuer',
      join(dir, 'int.pem'),
      '-cert',
      join(dir, 'leaf.pem'),
      '-url',
      responder.url,
      '-no_nonce',
      '-noverify',
      '-respout',
      file,
    ])
  else
    try {
      unlinkSync(file)
    } catch {
      // No file: nothing to staple.
    }
}

async function observe(
  profile: ServerProfile,
  scenario: CalibrationScenario,
  ports: { responder: number; server: number },
): Promise<ObservedConnection[]> {
  const dir = mkdtempSync(join(tmpdir(), `staple-lab-${profile.id}-`))
  folders.add(dir)
  let responder: LocalResponder | null = null
  let server: RunningServer | null = null
  try {
    responder = await startLocalResponder({
      port: ports.responder,
      mode: scenario.responder,
      validitySeconds: scenario.validitySeconds,
      slowMs: slowResponderMs,
      signer: 'issuer',
      pki: (url) => serverPki(url),
    })
    running.add(responder)
    const paths = writeDemoPki(responder.pki, dir)
    if (profile.stapleFile === 'ocsp-next-to-crt') await fetchStapleFile(responder, dir, paths.combined)
    server = await startServer(profile, {
      dir,
      port: ports.server,
      serverName,
      leaf: paths.leaf,
      leafKey: paths.leafKey,
      intermediate: paths.intermediate,
      chain: paths.chain,
      combined: paths.combined,
      trustedChain: paths.intermediate,
    })
    running.add(server)
    const observed: ObservedConnection[] = []
    for (const connection of scenario.connections) {
      await sleep(connection.afterMs)
      const r = await handshake({
        host: '127.0.0.1',
        port: ports.server,
        servername: serverName,
        timeoutMs: 20_000,
      })
      if (!r.ok) throw new Error(`${profile.name}: ${r.error.message}`)
      observed.push({
        staple: await stapleSeen(r.seen.staple, new Date()),
        waited: r.seen.handshakeMs >= waitedThresholdMs,
        handshakeMs: Math.round(r.seen.handshakeMs),
      })
    }
    return observed
  } finally {
    if (server) {
      await server.stop()
      running.delete(server)
    }
    if (responder) {
      await responder.stop()
      running.delete(responder)
    }
    rmSync(dir, { recursive: true, force: true })
    folders.delete(dir)
  }
}

const same = (a: ConnectionVerdict[], b: ConnectionVerdict[]) =>
  a.length === b.length && a.every((x, i) => x.staple === b[i].staple && x.waited === b[i].waited)

export interface CalibrationOptions {
  servers: { profile: ServerProfile; version: string }[]
  scenarios?: CalibrationScenario[]
  /** First of the ports used, two per run (responder, server): keep callers apart. */
  portBase: number
  onRow?: (row: CalibrationRow) => void
}

/**
 * The servers run side by side (each on its own ports, in its own folder), their scenarios one
 * after the other: a scenario's timing is about one server and its responder only. Rows come back
 * in the order of o.servers, then of the scenarios.
 */
export async function calibrate(o: CalibrationOptions): Promise<CalibrationRow[]> {
  const scenarios = o.scenarios ?? calibrationScenarios
  const perServer = await Promise.all(
    o.servers.map(async ({ profile, version }, s) => {
      const rows: CalibrationRow[] = []
      for (const [i, scenario] of scenarios.entries()) {
        const model = predictCalibration(profile, scenario)
        const first = o.portBase + 2 * (s * scenarios.length + i)
        let observed: ObservedConnection[] | null = null
        let error: string | null = null
        try {
          observed = await observe(profile, scenario, { responder: first, server: first + 1 })
        } catch (e) {
          error = e instanceof Error ? e.message : String(e)
        }
        const agree = observed !== null && same(observed, model)
        const row = { server: profile, version, scenario, observed, error, model, agree }
        rows.push(row)
        o.onRow?.(row)
      }
      return rows
    }),
  )
  return perServer.flat()
}
