/**
 * A real TLS server's stapling behaviour as data with sources: which engine strategy models it,
 * what it staples, and how to run it with stapling on. The engine's strategy choice, the
 * calibration (src/cli/calibrate.ts) and a config generator read these modules: one fact, one home.
 */
import type { ServerStrategy } from '../sim/types.ts'

export const serverIds = ['nginx', 'apache', 'caddy', 'haproxy'] as const
export type ServerId = (typeof serverIds)[number]

/** One documented or measured behaviour, with where it is written. */
export interface ServerFact {
  claim: string
  /** A source file, a documentation page, or "measured: npm run calibrate" (docs/calibration.md). */
  source: string
}

/** Where the generated config finds its files; every path is inside one temporary folder. */
export interface ServerConfigInput {
  dir: string
  port: number
  serverName: string
  /** The leaf alone, its key, the intermediate alone, leaf + intermediate, and all three in one file. */
  leaf: string
  leafKey: string
  intermediate: string
  chain: string
  combined: string
  /** The issuing chain up to the root, for servers that verify the response they fetch. */
  trustedChain: string
}

/** How to start one server in the foreground with the generated config. */
export interface ServerLaunch {
  /** File name (inside dir) to contents. */
  files: Record<string, string>
  command: string
  args: string[]
  /** Extra environment (e.g. where Caddy keeps its data), all inside dir. */
  env: Record<string, string>
}

export interface ServerProfile {
  id: ServerId
  name: string
  /** The Debian package that provides it. */
  debianPackage: string
  /** The binary whose presence says the server is installed. */
  binary: string
  /** The versions these facts were read for or measured on. */
  versions: string
  /** The engine strategy (src/lib/sim/serverStrategies.ts) that models its stapling. */
  strategy: ServerStrategy
  /**
   * How long after nextUpdate it still staples the response it holds, in seconds: 0 stops at
   * nextUpdate, Infinity staples it until something replaces it, a negative value stops that long
   * before nextUpdate. The horizon model (src/lib/sim/horizonServer.ts) reads it.
   */
  stapleWindowSeconds: number
  /** Whether it staples the responder's error answers (the engine's stapleErrors). */
  stapleErrors: boolean
  /**
   * A response it cannot fetch for itself is provided as a file by the administrator
   * (HAProxy 2.6's crt.ocsp): the calibration fetches that file before the start, as a cron job would.
   */
  stapleFile: 'none' | 'ocsp-next-to-crt'
  facts: ServerFact[]
  versionCommand: { command: string; args: string[]; pattern: RegExp }
  launch(input: ServerConfigInput): ServerLaunch
}
