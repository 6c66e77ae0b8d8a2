/**
 * CertID (RFC 6960 4.1.1), shared by OCSP requests and responses, and the nonce extension
 * (RFC 8954), which both carry too.
 */
import type { DerNode } from './der.ts'
import { algorithmOf, fail, Fields, TAG } from './fields.ts'
import { hashAlgorithms, nonceOid } from './oids.ts'
import type { CertID, Extension } from './types.ts'
import { integerHex, toHex } from './values.ts'

export function readCertId(f: Fields, n: DerNode, field: string): CertID {
  const c = f.child(n, field)
  const alg = algorithmOf(c, c.next(TAG.SEQUENCE, 'hashAlgorithm'), 'hashAlgorithm')
  const hashAlgorithm = hashAlgorithms[alg.oid]
  if (!hashAlgorithm)
    fail(f.what, `${c.path}.hashAlgorithm`, n.offset, `names ${alg.oid}, not SHA-1 or SHA-2`)
  return {
    hashAlgorithm,
    issuerNameHash: toHex(c.content(c.next(TAG.OCTET_STRING, 'issuerNameHash'))),
    issuerKeyHash: toHex(c.content(c.next(TAG.OCTET_STRING, 'issuerKeyHash'))),
    serialNumber: integerHex(c.content(c.next(TAG.INTEGER, 'serialNumber'))),
  }
}

/**
 * The nonce's bytes: RFC 8954 puts an OCTET STRING inside extnValue; some older responders put
 * the raw bytes there, so fall back to extnValue's content when it does not hold one.
 */
export function nonceOf(f: Fields, pairs: { ext: Extension; value: DerNode }[]): string | undefined {
  const pair = pairs.find((p) => p.ext.oid === nonceOid)
  if (!pair) return undefined
  const inner = pair.value.children[0]
  if (inner && inner.tagClass === 'universal' && inner.tagNumber === TAG.OCTET_STRING) {
    return toHex(f.content(inner))
  }
  return pair.ext.valueHex
}
