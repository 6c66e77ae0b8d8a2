/**
 * `npm run --silent probe -- [--json] [--servername NAME] [--connections N] [--pause-ms MS] [--save DIR] [--at TIME] HOST[:PORT]`:
 * connect N times with TLS asking for OCSP status and report what the server stapled. The JSON
 * contract is in docs/cli.md ("probe"). Exit 0 when it connected (whatever it saw), 1 when it
 * could not (stdout still one JSON object, with "error"), 2 usage error. Never a stack trace.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { inspectBytes, inspectJson, type InspectJson } from '../lib/pki/index.ts'
import { toPem } from '../lib/pki/demoCa/encoding.ts'
import type { CertificateInfo, OcspResponseInfo } from '../lib/pki/types.ts'
import { judgeProbe } from '../lib/servers/probeDiagnosis.ts'
import { probeCompareLink } from '../lib/servers/probeLink.ts'
import { checkStapleSignature, type StapleSignature } from '../lib/servers/stapleSignature.ts'
import { handshake, type HandshakeSeen } from './tlsConnect.ts'
import { usageExit } from './usage.ts'

const usage = `usage: probe [--json] [--servername NAME] [--connections N] [--save DIR] [--at TIME] HOST[:PORT]
  HOST[:PORT]        the server (port 443 by default; [::1]:8443 for IPv6)
  --json             print one JSON object (contract: docs/cli.md)
  --servername NAME  the SNI name to ask for (default HOST)
  --connections N    how many handshakes, one after the other (default 2, so a lazy server's
                     first-connection gap shows), 1 to 20
  --pause-ms MS      wait between connections (default 1000: a server's background fetch
                     needs time to land before the next handshake can carry it)
  --save DIR         write chain.pem and staple-N.der there, ready for the inspector
  --at TIME          judge freshness as at TIME (ISO 8601); default this machine's clock
exit status: 0 connected (whatever was stapled), 1 could not connect, 2 usage error`

interface Args {
  json: boolean
  host: string
  port: number
  servername: string
  connections: number
  pauseMs: number
  save: string | null
  at: Date | null
}

function parseTarget(target: string): { host: string; port: number } | string {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(target)
  if (!m) return `"${target}" is not HOST or HOST:PORT`
  const port = m[3] === undefined ? 443 : Number(m[3])
  if (port < 1 || port > 65535) return `port ${m[3]} is not between 1 and 65535`
  return { host: m[1] ?? m[2]!, port }
}

function parseArgs(argv: readonly string[]): Args | string | 'help' {
  let json = false
  let servername: string | null = null
  let connections = 2
  let pauseMs = 1000
  let save: string | null = null
  let at: Date | null = null
  const targets: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const v = argv[i + 1]
    if (a === '--help' || a === '-h') return 'help'
    if (a === '--json') json = true
    else if (a === '--servername') {
      i++
      if (!v || !/^[A-Za-z0-9.-]{1,253}$/.test(v)) return '--servername needs a host name'
      servername = v
    } else if (a === '--connections') {
      i++
      if (!/^\d+$/.test(v ?? '') || Number(v) < 1 || Number(v) > 20)
        return '--connections needs a number from 1 to 20'
      connections = Number(v)
    } else if (a === '--pause-ms') {
      i++
      if (!/^\d+$/.test(v ?? '') || Number(v) > 60_000) return '--pause-ms needs a number from 0 to 60000'
      pauseMs = Number(v)
    } else if (a === '--save') {
      i++
      if (!v) return '--save needs a folder'
      save = v
    } else if (a === '--at') {
      i++
      const d = v === undefined ? null : new Date(v)
      if (!d || Number.isNaN(d.getTime())) return '--at needs a date and time such as 2026-11-25T00:00:00Z'
      at = d
    } else if (a.startsWith('-')) return `unknown option ${a}`
    else targets.push(a)
  }
  if (targets.length !== 1) return targets.length === 0 ? 'no HOST given' : 'give one HOST[:PORT]'
  const target = parseTarget(targets[0])
  if (typeof target === 'string') return target
  return { json, ...target, servername: servername ?? target.host, connections, pauseMs, save, at }
}

async function parseOne(source: string, der: Uint8Array) {
  return (await inspectBytes(source, der))[0]!
}

interface Probed {
  connections: {
    tlsVersion: string
    staple: InspectJson | null
    handshakeMs: number
    info: OcspResponseInfo | 'unreadable' | null
    der: Uint8Array | null
    signature: StapleSignature | null
  }[]
  chain: { json: InspectJson; info: CertificateInfo | null; der: Uint8Array }[]
  first: HandshakeSeen
}

async function probe(args: Args, at: Date): Promise<Probed | { code: string; message: string }> {
  const seen: HandshakeSeen[] = []
  for (let i = 0; i < args.connections; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, args.pauseMs))
    const r = await handshake({
      host: args.host,
      port: args.port,
      servername: args.servername,
      timeoutMs: 15_000,
    })
    if (!r.ok) return r.error
    seen.push(r.seen)
  }
  const chain = []
  for (const [i, der] of seen[0].chain.entries()) {
    const obj = { ...(await parseOne('chain.pem', der)), index: i }
    const info = obj.result.ok && obj.result.value.kind === 'certificate' ? obj.result.value : null
    chain.push({ json: inspectJson(obj), info, der })
  }
  const sent = chain.flatMap((c) => (c.info ? [{ info: c.info, der: c.der }] : []))
  const connections: Probed['connections'] = []
  for (const [i, s] of seen.entries()) {
    if (s.staple === null) {
      connections.push({
        tlsVersion: s.tlsVersion,
        staple: null,
        handshakeMs: s.handshakeMs,
        info: null,
        der: null,
        signature: null,
      })
      continue
    }
    const obj = await parseOne(`staple-${i + 1}.der`, s.staple)
    const info: OcspResponseInfo | 'unreadable' =
      obj.result.ok && obj.result.value.kind === 'ocspResponse' ? obj.result.value : 'unreadable'
    connections.push({
      tlsVersion: s.tlsVersion,
      staple: inspectJson(obj),
      handshakeMs: s.handshakeMs,
      info,
      der: s.staple,
      signature: info === 'unreadable' ? null : await checkStapleSignature(s.staple, sent, at),
    })
  }
  return { connections, chain, first: seen[0] }
}

function save(dir: string, p: Probed): string[] {
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  const chainPath = join(dir, 'chain.pem')
  writeFileSync(chainPath, p.chain.map((c) => toPem(c.der, 'CERTIFICATE')).join(''))
  written.push(chainPath)
  for (const [i, c] of p.connections.entries())
    if (c.der) {
      const path = join(dir, `staple-${i + 1}.der`)
      writeFileSync(path, c.der)
      written.push(path)
    }
  return written
}

async function main(argv: readonly string[]): Promise<number> {
  const args = usageExit('probe', usage, parseArgs(argv))
  if (typeof args === 'number') return args
  const at = args.at ?? new Date()
  const head = { host: args.host, port: args.port, servername: args.servername }
  const got = await probe(args, at)
  if ('code' in got) {
    process.stdout.write(
      args.json ? `${JSON.stringify({ ...head, error: got })}\n` : `probe: ${got.message}\n`,
    )
    return 1
  }
  const leaf = got.chain[0]?.info ?? null
  const mustStaple = leaf?.mustStaple ?? false
  const ocspUrls = leaf?.ocspUrls ?? []
  const judged = judgeProbe({
    connections: got.connections.map((c) => ({ staple: c.info, signature: c.signature ?? undefined })),
    leafSerial: leaf?.serialNumber ?? null,
    mustStaple,
    ocspUrls,
    at,
  })
  const lastStaple = [...got.connections].reverse().find((c) => c.info !== null && c.info !== 'unreadable')
  const compareLink = probeCompareLink({
    chain: got.chain.flatMap((c) => (c.info ? [{ info: c.info, der: c.der }] : [])),
    staple:
      lastStaple && typeof lastStaple.info === 'object' && lastStaple.info && lastStaple.der
        ? { info: lastStaple.info, der: lastStaple.der }
        : null,
    at,
  })
  const cwd = (process.env.npm_lifecycle_event === 'probe' && process.env.INIT_CWD) || process.cwd()
  const saved = args.save ? save(resolve(cwd, args.save), got) : []
  const out = {
    ...head,
    connections: got.connections.map((c) => ({
      tlsVersion: c.tlsVersion,
      staple: c.staple,
      // Beside the staple, not inside it: the staple stays exactly the inspect --json object.
      stapleSignature: c.signature,
      handshakeMs: Math.round(c.handshakeMs),
    })),
    chain: got.chain.map((c) => c.json),
    mustStaple,
    ocspUrls,
    verdict: judged.verdict,
    compareLink,
    diagnoses: judged.diagnoses,
    chainVerified: got.first.authorized,
    chainError: got.first.authorizationError,
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(out)}\n`)
    return 0
  }
  const lines = [
    `${args.host}:${args.port} (SNI ${args.servername}): ${judged.verdict}`,
    ...got.connections.map((c, i) => {
      const what =
        c.info === null
          ? 'no staple'
          : c.info === 'unreadable'
            ? 'an unreadable staple'
            : c.info.responseStatus !== 'successful'
              ? `a "${c.info.responseStatus}" error response`
              : `a ${c.info.basic?.responses[0]?.certStatus ?? 'empty'} response`
      const signature = c.signature ? `; signature ${c.signature.status}: ${c.signature.detail}` : ''
      return `  connection ${i + 1}: ${c.tlsVersion}, ${what} (${Math.round(c.handshakeMs)} ms)${signature}`
    }),
    `  chain: ${got.chain.length} certificate${got.chain.length === 1 ? '' : 's'} sent; ${got.first.authorized ? 'verifies against the system roots' : `does not verify against the system roots (${got.first.authorizationError ?? 'unknown reason'})`}`,
    `  leaf: ${leaf?.subject ?? 'unreadable'}; OCSP URL ${ocspUrls[0] ?? 'none'}; must-staple ${mustStaple ? 'yes' : 'no'}`,
    ...judged.diagnoses.map((d) => `  - ${d}`),
    ...(saved.length > 0 ? [`  saved: ${saved.join(', ')}`] : []),
    `  simulate: ${compareLink}`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    // Never a stack trace: a bug of ours is one line, and still one JSON object with --json.
    const message = `internal error: ${error instanceof Error ? error.message : String(error)}`
    if (process.argv.includes('--json'))
      process.stdout.write(`${JSON.stringify({ error: { code: 'internal', message } })}\n`)
    else process.stderr.write(`probe: ${message}\n`)
    process.exitCode = 1
  },
)
