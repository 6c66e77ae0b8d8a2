/**
 * Parse speed of src/lib/pki on 1,000 certificates and 1,000 OCSP responses (the fixtures,
 * repeated), and on one input of 100,000 tiny elements, as ratios against references over the same bytes: node's crypto.X509Certificate and
 * pkijs in this process, and openssl in one shell loop over the first 100 of the same files (a
 * process per file, so that ratio is mostly process start-up: what a script calling openssl pays).
 * "Ours" builds its models from pkijs objects, so it is a pkijs parse plus der.ts's checks, the
 * field walk, the ASN.1 tree and the fingerprints: the pkijs row is its floor.
 */
import { spawnSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as pkijs from 'pkijs'
import { inspectBytes } from '../../src/lib/pki/index.ts'
import { formatRate } from './_timing.ts'

export const name = 'parse: certificates and OCSP responses'

const count = 1000
/** openssl starts a process per file (about 10-100 ms here): 100 files keep the run under a minute. */
const opensslFiles = 100
const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url))

function load(dir: string, pattern: RegExp): { path: string; der: Uint8Array<ArrayBuffer> }[] {
  return readdirSync(join(fixtures, dir))
    .filter((f) => pattern.test(f))
    .map((f) => ({ path: join(fixtures, dir, f), der: new Uint8Array(readFileSync(join(fixtures, dir, f))) }))
}

/** A SEQUENCE of `n` one-byte OCTET STRINGs holding 0x04, so each is probed for encapsulated DER. */
function manyOctetStrings(n: number): Uint8Array {
  const len = n * 3
  const out = new Uint8Array(6 + len)
  out.set([0x30, 0x84, (len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff])
  for (let i = 0; i < n; i++) out.set([0x04, 0x01, 0x04], 6 + i * 3)
  return out
}

function repeat<T>(items: T[]): T[] {
  return Array.from({ length: count }, (_, i) => items[i % items.length])
}

/** Items per second for one pass over `items`, best of `rounds` passes (after one warm-up pass). */
async function rate<T>(items: T[], fn: (item: T) => unknown, rounds = 3): Promise<number> {
  for (const item of items.slice(0, 50)) await fn(item)
  let best = Infinity
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (const item of items) await fn(item)
    best = Math.min(best, performance.now() - start)
  }
  return (items.length * 1000) / best
}

/** One shell command running `command` once per file, timed as a whole. */
function shellLoop(paths: string[], command: string): number | undefined {
  if (spawnSync('openssl', ['version']).status !== 0) return undefined
  const dir = mkdtempSync(join(tmpdir(), 'bench-parse-'))
  try {
    writeFileSync(join(dir, 'list'), paths.join('\n') + '\n')
    const start = performance.now()
    const r = spawnSync('bash', [
      '-c',
      `while read -r f; do ${command} >/dev/null 2>&1 || true; done < "${join(dir, 'list')}"`,
    ])
    const ms = performance.now() - start
    return r.status === 0 ? (paths.length * 1000) / ms : undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function row(label: string, perSecond: number | undefined, ours: number): string {
  if (perSecond === undefined) return `  ${label.padEnd(44)} (openssl not found)`
  const ratio = ours / perSecond
  const text = ratio >= 1 ? `ours ${ratio.toFixed(1)}x faster` : `ours ${(1 / ratio).toFixed(1)}x slower`
  return `  ${label.padEnd(44)} ${formatRate(perSecond).padStart(9)} /s   ${text}`
}

export async function run(): Promise<void> {
  const certFiles = load('certs', /\.der$/)
  const respFiles = load('ocsp', /^resp-.*\.der$/)
  if (certFiles.length === 0 || respFiles.length === 0) {
    console.log('  no fixtures in test/fixtures: nothing to measure')
    return
  }
  const certs = repeat(certFiles)
  const responses = repeat(respFiles)

  const ours = await rate(certs, (c) => inspectBytes('bench', c.der))
  console.log(`${count} certificates (${certFiles.length} fixtures repeated)`)
  console.log(
    `  ${'staple-lab inspectBytes (pkijs model, tree, SHA)'.padEnd(44)} ${formatRate(ours).padStart(9)} /s`,
  )
  const node = await rate(certs, (c) => {
    const x = new X509Certificate(c.der)
    return [x.subject, x.issuer, x.serialNumber, x.validTo, x.fingerprint256, x.infoAccess]
  })
  console.log(row('node crypto.X509Certificate', node, ours))
  const pk = await rate(certs, (c) => pkijs.Certificate.fromBER(c.der).subject.typesAndValues.length)
  console.log(row('pkijs Certificate.fromBER', pk, ours))
  const sslCert = shellLoop(
    certs.slice(0, opensslFiles).map((c) => c.path),
    'openssl x509 -inform DER -noout -subject -in "$f"',
  )
  console.log(row(`openssl x509 -noout -subject (${opensslFiles} files)`, sslCert, ours))

  // The worst shape for the tree builder: one small element after another (a 1 MiB input holds
  // about 350,000). Compared with one certificate's parse above, in this process.
  const nodes = 100_000
  const many = manyOctetStrings(nodes)
  await inspectBytes('bench', many)
  let manyMs = Infinity
  for (let r = 0; r < 3; r++) {
    const start = performance.now()
    await inspectBytes('bench', many)
    manyMs = Math.min(manyMs, performance.now() - start)
  }
  console.log(
    `  ${`${nodes.toLocaleString('en')}-node input (1-byte OCTET STRINGs)`.padEnd(44)} ${manyMs.toFixed(0).padStart(9)} ms   = ${(
      (manyMs * ours) /
      1000
    ).toFixed(0)} certificate parses, ${((manyMs * 1000) / nodes).toFixed(1)} us per node`,
  )

  const oursOcsp = await rate(responses, (r) => inspectBytes('bench', r.der))
  console.log(`${count} OCSP responses (${respFiles.length} fixtures repeated)`)
  console.log(`  ${'staple-lab inspectBytes'.padEnd(44)} ${formatRate(oursOcsp).padStart(9)} /s`)
  const pkOcsp = await rate(responses, (r) => {
    const resp = pkijs.OCSPResponse.fromBER(r.der)
    const bytes = resp.responseBytes?.response.getValue()
    return bytes ? pkijs.BasicOCSPResponse.fromBER(bytes).tbsResponseData.responses.length : 0
  })
  console.log(row('pkijs OCSPResponse + BasicOCSPResponse', pkOcsp, oursOcsp))
  const sslOcsp = shellLoop(
    responses.slice(0, opensslFiles).map((r) => r.path),
    'openssl ocsp -respin "$f" -resp_text -noverify',
  )
  console.log(row(`openssl ocsp -respin -resp_text (${opensslFiles} files)`, sslOcsp, oursOcsp))
}
