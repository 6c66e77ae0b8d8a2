/**
 * Parse speed of src/lib/pki on 1,000 certificates and 1,000 OCSP responses (the fixtures,
 * repeated), and on one input of 100,000 tiny elements, as ratios against references over the
 * same bytes: node's crypto.X509Certificate and pkijs in this process, and openssl in one shell
 * loop over the first 100 of the same files (a process per file, so that ratio is mostly process
 * start-up: what a script calling openssl pays). "Ours" is everything the inspector gets: der.ts's
 * strict read, the field walk into the models, the ASN.1 tree and the SHA-1/SHA-256 fingerprints.
 * Each rate is the median of 5 passes over the 1,000 items, after a warm-up pass.
 */
import { spawnSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as pkijs from 'pkijs'
import { inspectBytes, parseAsn1Tree } from '../../src/lib/pki/index.ts'
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

/** A DER length in the fewest bytes (X.690 10.1), up to 2^24 - 1. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n]
  if (n < 0x100) return [0x81, n]
  if (n < 0x10000) return [0x82, n >> 8, n & 0xff]
  return [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]
}

/**
 * A SEQUENCE of `n` one-byte OCTET STRINGs holding 0x04, so each is probed for encapsulated DER.
 * Its length is minimal: with the 4-byte form it used to have, der.ts refused it at the header and
 * the row timed nothing.
 */
function manyOctetStrings(n: number, content = 0x04): Uint8Array {
  const header = [0x30, ...derLength(n * 3)]
  const out = new Uint8Array(header.length + n * 3)
  out.set(header)
  for (let i = 0; i < n; i++) out.set([0x04, 0x01, content], header.length + i * 3)
  return out
}

function repeat<T>(items: T[]): T[] {
  return Array.from({ length: count }, (_, i) => items[i % items.length])
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Items per second for one pass over `items`, median of `rounds` passes (after a warm-up pass). */
async function rate<T>(items: T[], fn: (item: T) => unknown, rounds = 5): Promise<number> {
  for (const item of items) await fn(item)
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (const item of items) await fn(item)
    times.push(performance.now() - start)
  }
  return (items.length * 1000) / median(times)
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
    `  ${'staple-lab inspectBytes (model, tree, SHA)'.padEnd(44)} ${formatRate(ours).padStart(9)} /s`,
  )
  // Where our time goes: the DER read and the ASN.1 tree alone (parseAsn1Tree), from the same bytes.
  const tree = await rate(certs, (c) => parseAsn1Tree(c.der))
  console.log(
    `  ${'  of which DER read + ASN.1 tree'.padEnd(44)} ${formatRate(tree).padStart(9)} /s   ${((100 * ours) / tree).toFixed(0)}% of ours`,
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
  const probe = await inspectBytes('bench', many)
  // Refused at the header it would time nothing: it must come back as a tree.
  if (!probe[0]?.asn1) throw new Error('the many-node input was not read as DER')
  const manyTimes: number[] = []
  for (let r = 0; r < 5; r++) {
    const start = performance.now()
    await inspectBytes('bench', many)
    manyTimes.push(performance.now() - start)
  }
  const manyMs = median(manyTimes)
  console.log(
    `  ${`${nodes.toLocaleString('en')}-node input (1-byte OCTET STRINGs)`.padEnd(44)} ${manyMs.toFixed(0).padStart(9)} ms   = ${(
      (manyMs * ours) /
      1000
    ).toFixed(0)} certificate parses, ${((manyMs * 1000) / nodes).toFixed(1)} us per node`,
  )

  // 0x04 and 0x30 start a probe for encapsulated DER, 0xff never does. Each failed probe used to
  // throw (and capture a stack trace), making such inputs several times slower: the ratio stays near 1.
  const plain = manyOctetStrings(nodes, 0xff)
  const plainTimes: number[] = []
  for (let r = 0; r < 5; r++) {
    const start = performance.now()
    await inspectBytes('bench', plain)
    plainTimes.push(performance.now() - start)
  }
  const plainMs = median(plainTimes)
  console.log(
    `  ${'the same, contents never probed (0xff)'.padEnd(44)} ${plainMs.toFixed(0).padStart(9)} ms   probed/plain ${(manyMs / plainMs).toFixed(2)}x`,
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
