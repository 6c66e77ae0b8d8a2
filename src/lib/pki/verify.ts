/**
 * Signature verification with WebCrypto (crypto.subtle), the same in node 20, the page and the
 * worker. Done here rather than through pkijs so every failure has our own one-sentence reason
 * ("the signature does not match the key of CN=..."), not a library's exception.
 *
 * Supported: RSA PKCS#1 v1.5 and RSA-PSS with SHA-1/SHA-2, ECDSA P-256/P-384/P-521 (X.509 carries
 * ECDSA signatures as DER SEQUENCE { r, s }; WebCrypto wants r || s, RFC 5758 3.2 / WebCrypto 23.4),
 * Ed25519 where the runtime has it (node 20, recent Chromium).
 */
import { contentOf, readDer, type DerNode } from './der.ts'
import { curves } from './oids.ts'
import { decodeOid, integerValue } from './values.ts'

export interface SignatureInput {
  /** DER of the signer's SubjectPublicKeyInfo. */
  spki: Uint8Array<ArrayBuffer>
  /** The signature AlgorithmIdentifier's OID, and its parameters node (for RSA-PSS) in `paramsBytes`. */
  algorithmOid: string
  parameters?: DerNode
  paramsBytes?: Uint8Array
  signature: Uint8Array<ArrayBuffer>
  data: Uint8Array<ArrayBuffer>
}

export type VerifyOutcome = { ok: true } | { ok: false; reason: string; unsupported?: boolean }

type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

const rsaHashes: Record<string, Hash> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
}
const ecdsaHashes: Record<string, Hash> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
}
const digestOids: Record<string, Hash> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
}

/** The named curve in an EC SubjectPublicKeyInfo, e.g. "P-256". */
function spkiCurve(spki: Uint8Array): string | undefined {
  const read = readDer(spki)
  if (!read.ok) return undefined
  const params = read.node.children[0]?.children[1]
  if (!params || params.tagNumber !== 6) return undefined
  return curves[decodeOid(contentOf(spki, params)) ?? '']?.name
}

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } to the fixed-width r || s of WebCrypto. */
function ecdsaDerToRaw(sig: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  const read = readDer(sig)
  if (!read.ok) return undefined
  const [r, s] = read.node.children
  if (read.node.children.length !== 2 || r.tagNumber !== 2 || s.tagNumber !== 2) return undefined
  const out = new Uint8Array(size * 2)
  for (const [i, n] of [r, s].entries()) {
    let v = contentOf(sig, n)
    while (v.length > 1 && v[0] === 0) v = v.subarray(1)
    if (v.length > size) return undefined
    out.set(v, size * (i + 1) - v.length)
  }
  return out
}

/** RSASSA-PSS-params (RFC 4055 3.1): hashAlgorithm [0], maskGenAlgorithm [1], saltLength [2]. */
function pssParams(
  bytes: Uint8Array | undefined,
  node: DerNode | undefined,
): { hash: Hash; saltLength: number } {
  let hash: Hash = 'SHA-1'
  let saltLength = 20
  for (const field of node?.children ?? []) {
    if (!bytes) break
    if (field.tagClass !== 'context') continue
    const inner = field.children[0]
    if (field.tagNumber === 0 && inner?.children[0]) {
      hash = digestOids[decodeOid(contentOf(bytes, inner.children[0])) ?? ''] ?? hash
    }
    if (field.tagNumber === 2 && inner) saltLength = integerValue(contentOf(bytes, inner)) ?? saltLength
  }
  return { hash, saltLength }
}

async function attempt(
  importAlg: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams,
  verifyAlg: AlgorithmIdentifier | RsaPssParams | EcdsaParams,
  input: SignatureInput,
  signature: Uint8Array<ArrayBuffer>,
  label: string,
): Promise<VerifyOutcome> {
  let key: CryptoKey
  try {
    key = await crypto.subtle.importKey('spki', input.spki, importAlg, false, ['verify'])
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      unsupported: true,
      reason: `the ${label} key could not be imported by WebCrypto (${why})`,
    }
  }
  try {
    const ok = await crypto.subtle.verify(verifyAlg, key, signature, input.data)
    return ok
      ? { ok: true }
      : { ok: false, reason: `the ${label} signature does not match the signed bytes and the key` }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return { ok: false, reason: `the ${label} signature could not be checked (${why})` }
  }
}

export async function verifySignature(input: SignatureInput): Promise<VerifyOutcome> {
  const oid = input.algorithmOid
  if (rsaHashes[oid]) {
    const hash = rsaHashes[oid]
    return attempt(
      { name: 'RSASSA-PKCS1-v1_5', hash },
      { name: 'RSASSA-PKCS1-v1_5' },
      input,
      input.signature,
      `RSA ${hash}`,
    )
  }
  if (oid === '1.2.840.113549.1.1.10') {
    const { hash, saltLength } = pssParams(input.paramsBytes, input.parameters)
    return attempt(
      { name: 'RSA-PSS', hash },
      { name: 'RSA-PSS', saltLength },
      input,
      input.signature,
      `RSA-PSS ${hash}`,
    )
  }
  if (ecdsaHashes[oid]) {
    const hash = ecdsaHashes[oid]
    const curve = spkiCurve(input.spki)
    const size = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }[curve ?? '']
    if (!curve || !size) {
      return {
        ok: false,
        unsupported: true,
        reason: `the signer's EC key uses a curve WebCrypto does not offer (${curve ?? 'unknown'})`,
      }
    }
    const raw = ecdsaDerToRaw(input.signature, size)
    if (!raw)
      return { ok: false, reason: 'the ECDSA signature is not a well-formed SEQUENCE { r, s } for the curve' }
    return attempt(
      { name: 'ECDSA', namedCurve: curve },
      { name: 'ECDSA', hash },
      input,
      raw,
      `ECDSA ${curve} ${hash}`,
    )
  }
  if (oid === '1.3.101.112')
    return attempt({ name: 'Ed25519' }, { name: 'Ed25519' }, input, input.signature, 'Ed25519')
  return {
    ok: false,
    unsupported: true,
    reason: `the signature algorithm ${oid} is not one Staple Lab can verify`,
  }
}

/** Checks a signature: verifySignature, or one that remembers (rememberingVerifier). */
export type Verifier = (input: SignatureInput) => Promise<VerifyOutcome>

/**
 * verifySignature that answers again from memory when the same parsed signature is checked with
 * the same parsed key: the inspector's loaded set keeps each object's walk (and so these very byte
 * arrays) while it is shown, so a drop verifies only what it brings, not the chain already there.
 * Keyed by the arrays' identity, never their content: bytes parsed anew are verified anew, and a
 * forgotten object's entries go with it (WeakMap).
 */
export function rememberingVerifier(): Verifier & { readonly verified: number } {
  const outcomes = new WeakMap<Uint8Array, WeakMap<Uint8Array, Promise<VerifyOutcome>>>()
  let verified = 0
  const verify = (input: SignatureInput): Promise<VerifyOutcome> => {
    let byKey = outcomes.get(input.signature)
    if (!byKey) outcomes.set(input.signature, (byKey = new WeakMap()))
    let outcome = byKey.get(input.spki)
    if (!outcome) {
      verified++
      outcome = verifySignature(input)
      byKey.set(input.spki, outcome)
    }
    return outcome
  }
  return Object.defineProperty(verify, 'verified', { get: () => verified }) as Verifier & {
    readonly verified: number
  }
}
