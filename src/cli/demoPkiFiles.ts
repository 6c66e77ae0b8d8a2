/**
 * The demo PKI written out for real TLS servers: the leaf and its key, the chain, the roots.
 * Node only. The names are the ones the generated server configs (src/lib/servers) refer to.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toPem } from '../lib/pki/demoCa/encoding.ts'
import { createDemoPki } from '../lib/pki/demoCa/pki.ts'
import type { DemoPki } from '../lib/pki/demoCa/types.ts'

/**
 * A demo PKI a real server can serve: its leaf names `ocspUrl` (a local responder) and keeps its
 * private key. Throws on failure: its callers start processes and stop them in `finally`.
 */
export async function serverPki(
  ocspUrl: string,
  options: { mustStaple?: boolean; now?: Date } = {},
): Promise<DemoPki> {
  const made = await createDemoPki({
    keyAlgorithm: 'ECDSA-P256',
    mustStaple: options.mustStaple ?? false,
    leafOcspUrl: ocspUrl,
    exportLeafKey: true,
    // The CLI's own clock, unless the caller gives one.
    now: options.now ?? new Date(),
  })
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

export interface DemoPkiPaths {
  /** The leaf alone. */
  leaf: string
  /** The leaf's PKCS #8 private key. */
  leafKey: string
  /** The intermediate alone (Apache's SSLCertificateChainFile, nginx's ssl_trusted_certificate). */
  intermediate: string
  /** Leaf then intermediate: what a server sends. */
  chain: string
  /** Leaf, intermediate and key in one file (HAProxy's crt). */
  combined: string
  root: string
}

export function writeDemoPki(pki: DemoPki, dir: string): DemoPkiPaths {
  if (!pki.leafKeyPkcs8) throw new Error('the demo PKI was made without exportLeafKey')
  const keyPem = toPem(pki.leafKeyPkcs8, 'PRIVATE KEY')
  const paths: DemoPkiPaths = {
    leaf: join(dir, 'leaf.pem'),
    leafKey: join(dir, 'leaf.key'),
    intermediate: join(dir, 'int.pem'),
    chain: join(dir, 'chain.pem'),
    combined: join(dir, 'combined.pem'),
    root: join(dir, 'root.pem'),
  }
  writeFileSync(paths.leaf, pki.leaf.pem)
  writeFileSync(paths.leafKey, keyPem, { mode: 0o600 })
  writeFileSync(paths.intermediate, pki.intermediate.pem)
  writeFileSync(paths.chain, pki.leaf.pem + pki.intermediate.pem)
  writeFileSync(paths.combined, pki.leaf.pem + pki.intermediate.pem + keyPem, { mode: 0o600 })
  writeFileSync(paths.root, pki.root.pem)
  return paths
}
