/**
 * `npm run responder -- [--port N] [--state STATE] [--validity SECONDS] [--slow-ms MS]
 * [--signer issuer|delegated] [--must-staple] [--dir DIR]`: a local OCSP responder on 127.0.0.1
 * for a fresh demo PKI whose leaf names it as its OCSP URL. It writes the PKI to DIR (leaf.pem,
 * leaf.key, chain.pem, int.pem, root.pem) so a real server can serve the leaf, prints one line
 * with its URL and DIR, and answers until SIGINT/SIGTERM. Exit 2 for a usage error.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { OcspSigner } from '../lib/pki/demoCa/types.ts'
import { serverPki, writeDemoPki } from './demoPkiFiles.ts'
import { responderModes, startLocalResponder, type ResponderMode } from './localResponder.ts'

const usage = `usage: responder [--port N] [--state ${responderModes.join('|')}] [--validity SECONDS]
                 [--slow-ms MS] [--signer issuer|delegated] [--must-staple] [--dir DIR]
  --port N          port on 127.0.0.1 (default 0: any free port)
  --state STATE     how it answers (default up): revoked signs "revoked"; slow waits --slow-ms;
                    down closes every connection; tryLater/internalError answer that status
  --validity S      nextUpdate - thisUpdate of each response, in seconds (default 3600)
  --slow-ms MS      the slow state's delay (default 3000)
  --signer WHO      issuer (the intermediate signs, default) or delegated (the responder certificate)
  --must-staple     the leaf carries the TLS Feature (status_request) extension
  --dir DIR         where to write leaf.pem, leaf.key, chain.pem, int.pem, root.pem (default a new temp folder)`

interface Args {
  port: number
  mode: ResponderMode
  validitySeconds: number
  slowMs: number
  signer: OcspSigner
  mustStaple: boolean
  dir: string | null
  help: boolean
}

const isMode = (s: string): s is ResponderMode => (responderModes as readonly string[]).includes(s)

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | string {
  const n = Number(value)
  if (value === undefined || !/^\d+$/.test(value) || n < min || n > max)
    return `${flag} needs a whole number from ${min} to ${max}`
  return n
}

function parseResponderArgs(argv: readonly string[]): Args | string {
  const args: Args = {
    port: 0,
    mode: 'up',
    validitySeconds: 3600,
    slowMs: 3000,
    signer: 'issuer',
    mustStaple: false,
    dir: null,
    help: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = argv[i + 1]
    if (a === '--help' || a === '-h') args.help = true
    else if (a === '--must-staple') args.mustStaple = true
    else if (a === '--port' || a === '--validity' || a === '--slow-ms') {
      i++
      const n =
        a === '--port'
          ? wholeNumber(a, value, 0, 65535)
          : a === '--validity'
            ? wholeNumber(a, value, 1, 10 * 24 * 3600)
            : wholeNumber(a, value, 0, 600_000)
      if (typeof n === 'string') return n
      if (a === '--port') args.port = n
      else if (a === '--validity') args.validitySeconds = n
      else args.slowMs = n
    } else if (a === '--state') {
      i++
      if (value === undefined || !isMode(value)) return `--state needs one of ${responderModes.join(', ')}`
      args.mode = value
    } else if (a === '--signer') {
      i++
      if (value !== 'issuer' && value !== 'delegated') return '--signer needs issuer or delegated'
      args.signer = value
    } else if (a === '--dir') {
      i++
      if (!value) return '--dir needs a folder'
      args.dir = value
    } else return `unknown option ${a}`
  }
  return args
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseResponderArgs(argv)
  if (typeof args === 'string') {
    process.stderr.write(`responder: ${args} (try --help)\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const cwd = (process.env.npm_lifecycle_event === 'responder' && process.env.INIT_CWD) || process.cwd()
  const dir = args.dir ? resolve(cwd, args.dir) : mkdtempSync(join(tmpdir(), 'staple-lab-responder-'))
  const responder = await startLocalResponder({
    port: args.port,
    mode: args.mode,
    validitySeconds: args.validitySeconds,
    slowMs: args.slowMs,
    signer: args.signer,
    pki: (url) => serverPki(url, { mustStaple: args.mustStaple }),
  })
  writeDemoPki(responder.pki, dir)
  process.stdout.write(
    `responder: ${responder.url} answering "${args.mode}" for ${responder.pki.leafName}; certificates in ${dir}\n`,
  )
  await new Promise<void>((done) => {
    const stop = () => void responder.stop().then(done)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    // Never a stack trace: a port in use or a failed key generation is one line.
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'EADDRINUSE' ? 'that port is in use' : error instanceof Error ? error.message : String(error)
    process.stderr.write(`responder: cannot start: ${why}\n`)
    process.exitCode = 1
  },
)
