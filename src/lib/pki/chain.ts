/**
 * Order certificates leaf to root by issuer name and key identifiers (RFC 5280 4.2.1.1/4.2.1.2),
 * and check each signature with the next certificate's key; a self-issued root with its own key.
 * This is path *building* for display, not RFC 5280 path validation: it does not check validity
 * periods, name constraints or trust anchors.
 */
import { readCertificate, equalBytes, type CertificateParts } from './certificate.ts'
import { readDer } from './der.ts'
import type { CertificateInfo, ChainLink, Check } from './types.ts'
import { verifySignature, type Verifier } from './verify.ts'
import { nameText } from './shownName.ts'

interface Node {
  inputIndex: number
  der: Uint8Array<ArrayBuffer>
  info: CertificateInfo
  parts?: CertificateParts
}

function partsOf(der: Uint8Array<ArrayBuffer>): CertificateParts | undefined {
  const read = readDer(der)
  if (!read.ok) return undefined
  try {
    return readCertificate(der, read.node)
  } catch {
    return undefined
  }
}

/** Does `issuer` name (and, when both carry key identifiers, key-identify) the issuer of `cert`? */
export function issues(issuer: Node, cert: Node): boolean {
  const a = issuer.parts
  const b = cert.parts
  const sameName = a && b ? equalBytes(a.subjectDer, b.issuerDer) : issuer.info.subject === cert.info.issuer
  if (!sameName && issuer.info.subject.toLowerCase() !== cert.info.issuer.toLowerCase()) return false
  const aki = cert.info.authorityKeyIdentifier
  const ski = issuer.info.subjectKeyIdentifier
  return !(aki && ski && aki !== ski)
}

const isSelfIssued = (n: Node) => issues(n, n)

async function signatureCheck(cert: Node, issuer: Node | undefined, verify: Verifier): Promise<Check> {
  const base = { id: 'signature', label: 'Signature' }
  if (!issuer) {
    return {
      ...base,
      status: 'skip',
      detail: `the issuer (${nameText(cert.info.issuer)}) was not provided, so the signature was not checked`,
    }
  }
  const p = cert.parts
  const signer = issuer.parts
  if (!p || !signer) return { ...base, status: 'fail', detail: 'the certificate could not be read' }
  const outcome = await verify({
    spki: signer.spki,
    algorithmOid: p.signatureAlgorithm.oid,
    parameters: p.signatureAlgorithm.parameters,
    paramsBytes: p.der,
    signature: p.signature,
    data: p.tbs,
  })
  const by = issuer === cert ? 'its own key (self-signed)' : `the key of ${nameText(issuer.info.subject)}`
  if (outcome.ok) return { ...base, status: 'pass', detail: `verified with ${by}` }
  return {
    ...base,
    status: outcome.unsupported ? 'skip' : 'fail',
    detail: `not verified with ${by}: ${outcome.reason}`,
  }
}

/** A certificate to place: its DER and model, and its walk when the caller kept it (inspect.ts Walked). */
export interface ChainCertificate {
  der: Uint8Array
  info: CertificateInfo
  parts?: CertificateParts
}

/**
 * Order `certs` leaf to root and check every signature, with `verify` (a rememberingVerifier
 * checks each pair once while the caller keeps their walks). Never throws.
 */
export async function buildChain(
  certs: ChainCertificate[],
  verify: Verifier = verifySignature,
): Promise<ChainLink[]> {
  const nodes: Node[] = certs.map((c, i) => {
    const der = new Uint8Array(c.der) as Uint8Array<ArrayBuffer>
    return { inputIndex: i, der, info: c.info, parts: c.parts ?? partsOf(der) }
  })
  if (nodes.length === 0) return []
  // The leaf is a certificate that issued none of the others; prefer a non-CA, then input order.
  const issuesSomeone = (n: Node) => nodes.some((o) => o !== n && issues(n, o) && !isSelfIssued(o))
  const candidates = nodes.filter((n) => !issuesSomeone(n))
  const leaf = candidates.find((n) => !n.info.isCA) ?? candidates[0] ?? nodes[0]

  const path: Node[] = [leaf]
  const used = new Set([leaf])
  for (let current = leaf; !isSelfIssued(current);) {
    const next = nodes.find((n) => !used.has(n) && issues(n, current))
    if (!next) break
    path.push(next)
    used.add(next)
    current = next
  }

  // Every link's signature at once: each is a WebCrypto round trip (importKey, verify) of its own,
  // and one after another they were the chain's whole time in the parse worker.
  const links: ChainLink[] = await Promise.all(
    path.map(async (node, i): Promise<ChainLink> => {
      const top = i === path.length - 1
      const selfIssued = isSelfIssued(node)
      const issuer = top ? (selfIssued ? node : undefined) : path[i + 1]
      const role =
        i === 0 && path.length > 1 ? 'leaf' : top && selfIssued ? 'root' : i === 0 ? 'leaf' : 'intermediate'
      const signature = await signatureCheck(node, issuer, verify)
      return { info: node.info, der: node.der, inputIndex: node.inputIndex, role, signature }
    }),
  )
  for (const node of nodes.filter((n) => !used.has(n))) {
    links.push({
      info: node.info,
      der: node.der,
      inputIndex: node.inputIndex,
      role: 'unlinked',
      signature: {
        id: 'signature',
        label: 'Signature',
        status: 'skip',
        detail: `not on the path from ${nameText(leaf.info.subject)}: neither its issuer nor issued by a certificate on it`,
      },
    })
  }
  return links
}
