/**
 * Start one real server in the foreground with its generated config, in its own process group,
 * and stop it by that id: TERM, then KILL after a bounded wait. Node only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import type { ServerConfigInput, ServerProfile } from '../lib/servers/types.ts'

export interface RunningServer {
  pid: number
  /** Everything it wrote on stdout and stderr, for the error message when it will not start. */
  output(): string
  stop(): Promise<void>
}

/**
 * The binary's path: on PATH, or in /usr/sbin where Debian puts nginx, apache2 and haproxy (not on
 * a non-root user's PATH).
 */
export function binaryPath(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/sbin', '/usr/bin']
  for (const dir of dirs) {
    const path = join(dir, name)
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch {
      // Not here.
    }
  }
  return null
}

/** The installed binary's version, or null when it is not installed. */
export function installedVersion(profile: ServerProfile): string | null {
  const { command, args, pattern } = profile.versionCommand
  const path = binaryPath(command)
  if (path === null) return null
  const r = spawnSync(path, args, { encoding: 'utf8', timeout: 10_000 })
  if (r.error || r.status !== 0) return null
  return pattern.exec(`${r.stdout}${r.stderr}`)?.[1] ?? null
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    // A bare TCP connect sends no ClientHello, so it does not start a lazy server's OCSP fetch.
    const s = connect({ host: '127.0.0.1', port })
    s.setTimeout(1000, () => (s.destroy(), resolve(false)))
    s.once('connect', () => (s.destroy(), resolve(true)))
    s.once('error', () => resolve(false))
  })
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

export async function startServer(
  profile: ServerProfile,
  input: ServerConfigInput,
  readyTimeoutMs = 20_000,
): Promise<RunningServer> {
  // Something already answering on the port would be taken for this server: a server left over
  // from an interrupted run once made every handshake of a scenario reach the wrong process.
  if (await tcpOpen(input.port))
    throw new Error(
      `${profile.name} not started: 127.0.0.1:${input.port} is already in use by another process (one left over from an interrupted run?)`,
    )
  const launch = profile.launch(input)
  for (const [name, text] of Object.entries(launch.files)) writeFileSync(join(input.dir, name), text)
  for (const d of Object.values(launch.env)) if (d.startsWith(input.dir)) mkdirSync(d, { recursive: true })
  const child = spawn(binaryPath(launch.command) ?? launch.command, launch.args, {
    cwd: input.dir,
    env: { ...process.env, ...launch.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const pid = child.pid
  if (pid === undefined) throw new Error(`${profile.name} did not start: ${launch.command} could not be run`)
  const stop = async () => {
    if (!exited(child)) killGroup(pid, 'SIGTERM')
    for (let waited = 0; !exited(child) && waited < 5000; waited += 100) await sleep(100)
    // The whole group: workers too, even if the master already left.
    killGroup(pid, 'SIGKILL')
  }
  const deadline = performance.now() + readyTimeoutMs
  while (!(await tcpOpen(input.port))) {
    if (exited(child) || performance.now() > deadline) {
      await stop()
      const why = exited(child) ? 'exited' : `was not listening after ${readyTimeoutMs} ms`
      throw new Error(`${profile.name} ${why}: ${output.trim().split('\n').slice(-3).join(' | ')}`)
    }
    await sleep(100)
  }
  return { pid, output: () => output, stop }
}
