/**
 * CertID (RFC 6960 4.1.1), shared by OCSP requests and responses, and the nonce extension
 * (RFC 9654), which both carry too.
 */
import { contentOf, readDer, type DerNode } from './der.ts'
import { algorithmOf, Fields, serialOf, TAG } from './fields.ts'
import { certIdHashName, nonceOid } from './oids.ts'
import type { CertID, Extension } from './types.ts'
import { toHex } from './values.ts'

/**
 * Any digest is read (RFC 6960 4.1.1 does not restrict hashAlgorithm; openssl makes SHA-224 ones
 * with `ocsp -sha224`): only the CertID-match check needs one it can compute (ocspCheck.ts).
 */
export function readCertId(f: Fields, n: DerNode, field: string): CertID {
  const c = f.child(n, field)
  const alg = algorithmOf(c, c.next(TAG.SEQUENCE, 'hashAlgorithm'), 'hashAlgorithm')
  return {
    hashAlgorithm: certIdHashName(alg.oid),
    issuerNameHash: toHex(c.content(c.next(TAG.OCTET_STRING, 'issuerNameHash'))),
    issuerKeyHash: toHex(c.content(c.next(TAG.OCTET_STRING, 'issuerKeyHash'))),
    serialNumber: serialOf(c, c.next(TAG.INTEGER, 'serialNumber'), 'serialNumber'),
  }
}

/**
 * The nonce's bytes from extnValue's content: RFC 9654 (and RFC 8954 before it) puts an OCTET
 * STRING there; some older responders put the raw bytes, so those are shown as they are. An
 * OCTET STRING that is not DER (its length runs past the value, say) is not guessed at: the raw
 * bytes are shown, and `broken` says why.
 */
function nonceFromExtnValue(content: Uint8Array): { hex: string; broken?: string } {
  const inner = readDer(content)
  if (inner.ok && inner.node.tagClass === 'universal' && inner.node.tagNumber === TAG.OCTET_STRING) {
    return { hex: toHex(contentOf(content, inner.node)) }
  }
  if (content[0] !== TAG.OCTET_STRING) return { hex: toHex(content) }
  const why = inner.ok ? 'it is not one element' : inner.error.message.replace(/^not DER: /, '')
  return { hex: toHex(content), broken: `${why}, counting from the extension value's first byte` }
}

/** The nonce among `pairs` (der.ts's walk) as hex; a broken one is noted on `f`. */
export function nonceOf(f: Fields, pairs: { ext: Extension; value: DerNode }[]): string | undefined {
  const pair = pairs.find((p) => p.ext.oid === nonceOid)
  if (!pair) return undefined
  const { hex, broken } = nonceFromExtnValue(f.content(pair.value))
  if (broken)
    f.note(
      'nonce-not-der',
      pair.value.offset,
      `the nonce's OCTET STRING (RFC 9654) is not DER: ${broken}; its raw bytes are shown`,
    )
  return hex
}
