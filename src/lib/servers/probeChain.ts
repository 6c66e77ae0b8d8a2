/**
 * The chain as the server sent it, with the roles scenarioFromPki reads (leaf, intermediate,
 * root): in the order sent, a self-issued last certificate is the root. Signatures are the
 * inspector's business (buildChain); the probe only needs what the server sends.
 */
import type { CertificateInfo, ChainLink } from '../pki/types.ts'

export function buildChainLinks(
  chain: { info: CertificateInfo; der: Uint8Array }[],
): Pick<ChainLink, 'info' | 'der' | 'role'>[] {
  return chain.map((c, i) => ({
    info: c.info,
    der: new Uint8Array(c.der),
    role:
      i === 0 ? 'leaf' : i === chain.length - 1 && c.info.subject === c.info.issuer ? 'root' : 'intermediate',
  }))
}
