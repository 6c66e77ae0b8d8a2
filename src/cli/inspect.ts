/**
 * `npm run --silent inspect -- [--json] FILE...`: the inspector's parser from a shell.
 *
 * Each FILE may hold DER, PEM (any number of blocks) or bare base64 of DER. With --json, stdout is
 * ONE JSON array with one object per parsed object, in order (the contract is InspectJson in
 * src/lib/pki/json.ts). Exit 0 when no object is an error, 1 when at least one is, 2 for a usage
 * error (one line on stderr). Never a stack trace.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { resolve } from 'node:path'
import { inspectBytes, inspectJson, maxInputBytes, type InspectJson } from '../lib/pki/index.ts'
import { summaryText } from '../lib/pki/summary.ts'
import type { InspectedObject } from '../lib/pki/types.ts'

const usage = `usage: inspect [--json] [--at TIME] FILE...
  FILE       DER, PEM (one or several blocks) or bare base64 of a certificate, OCSP response or OCSP request
  --json     print one JSON array, one object per parsed object
  --at TIME  judge validity and freshness as at TIME (ISO 8601, e.g. 2026-11-25T00:00:00Z), like
             openssl's -attime; default: this machine's clock
exit status: 0 no errors, 1 at least one object is an error, 2 usage error`

interface Args {
  json: boolean
  help: boolean
  /** The clock the text output reads; the machine's when --at is absent. */
  at?: Date
  files: string[]
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { json: false, help: false, files: [] }
  let flags = true
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (flags && a === '--') flags = false
    else if (flags && a === '--at') {
      const value = argv[++i]
      const at = value === undefined ? undefined : new Date(value)
      if (!at || Number.isNaN(at.getTime())) return `--at needs a date and time such as 2026-11-25T00:00:00Z`
      args.at = at
    } else if (flags && a === '--json') args.json = true
    else if (flags && (a === '--help' || a === '-h')) args.help = true
    else if (flags && a.startsWith('-')) return `unknown option ${a}`
    else args.files.push(a)
  }
  if (!args.help && args.files.length === 0) return 'no FILE given'
  return args
}

/**
 * `npm run inspect` starts us in the package root; INIT_CWD is where the user typed the command.
 * Only trusted under our own npm script: an outer npm (npx vitest) leaves a stale INIT_CWD behind.
 */
const underNpmScript = process.env.npm_lifecycle_event === 'inspect'
const cwd = (underNpmScript && process.env.INIT_CWD) || process.cwd()

/** What a path that is not a regular file is, in the words `ls -l` and stat(1) use. */
function notRegular(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined
  if (stat.isDirectory()) return 'a directory'
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isSocket()) return 'a socket'
  return 'not a regular file'
}

/**
 * At most `cap` bytes of a regular file, plus one to tell that it is longer. A device reports size
 * 0 (/dev/zero never ends) and a FIFO blocks or streams forever, so only regular files are read,
 * and never past the cap: O_NONBLOCK keeps open() from waiting for a FIFO's writer if one was put
 * in the file's place after the stat (open(2)), and fstat checks what was actually opened.
 */
function readBounded(path: string, cap: number): Uint8Array | { notRegular: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const what = notRegular(fstatSync(fd))
    if (what) return { notRegular: what }
    const buffer = new Uint8Array(cap + 1)
    let length = 0
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

async function inspectFile(source: string): Promise<InspectedObject[] | InspectJson> {
  let bytes: Uint8Array
  const path = resolve(cwd, source)
  try {
    const stat = statSync(path)
    const refuse = (what: string) =>
      errorJson(source, 'unreadable', `cannot read ${source}: it is ${what}, not a regular file`)
    const what = notRegular(stat)
    if (what) return refuse(what)
    // Refuse before reading: a multi-gigabyte file is never loaded at all.
    if (stat.size > maxInputBytes) {
      const mib = (stat.size / 1024 / 1024).toFixed(1)
      const limit = `${maxInputBytes / 1024 / 1024} MiB`
      return errorJson(
        source,
        'too-large',
        `too large: ${mib} MiB (${stat.size} bytes) is above the ${limit} limit, not parsed`,
      )
    }
    // A file that grew after the stat is cut at the cap plus one byte; the parser refuses it as too large.
    const read = readBounded(path, maxInputBytes)
    if ('notRegular' in read) return refuse(read.notRegular)
    bytes = read
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(e))
    return errorJson(source, 'unreadable', `cannot read ${source}: ${why}`)
  }
  return inspectBytes(source, bytes)
}

function errorJson(source: string, code: string, message: string): InspectJson {
  return { source, index: 0, kind: 'error', error: { code, message } }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    process.stderr.write(`inspect: ${args} (try --help)\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const json: InspectJson[] = []
  const text: string[] = []
  const now = args.at ?? new Date()
  for (const file of args.files) {
    const got = await inspectFile(file)
    if (!Array.isArray(got)) {
      json.push(got)
      const error = got.kind === 'error' ? got.error : { code: '', message: '' }
      text.push(`${file} #0  error\n  ${'Error'.padEnd(14)}[${error.code}] ${error.message}`)
      continue
    }
    for (const obj of got) {
      json.push(inspectJson(obj))
      text.push(summaryText(obj, now))
    }
  }
  process.stdout.write(args.json ? `${JSON.stringify(json, null, 2)}\n` : `${text.join('\n\n')}\n`)
  return json.some((o) => o.kind === 'error') ? 1 : 0
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    // Never a stack trace to a user: a bug of ours is reported in one line.
    process.stderr.write(
      `inspect: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
