/**
 * "Try a sample": a fresh test PKI minted by the demo CA at the moment the button is pressed: a
 * must-staple leaf, its intermediate and root, and the leaf's staple as a real CA would issue it,
 * so the inspector's validity and freshness lines read like those of a site on the web.
 */
import type { Der } from './encoding.ts'
import { createOcspResponse } from './ocspResponse.ts'
import { createDemoPki } from './pki.ts'
import type { DemoCaResult, ResponseChoices } from './types.ts'

/**
 * Four days: CA/Browser Forum Baseline Requirements 4.9.10 allow 8 hours to 10 days, and a CA
 * must publish a new response within 4 days of thisUpdate, so 4 days is what a client often sees.
 */
export const sampleValidityHours = 96
/** Produced an hour before the button press: a staple a server fetched a while ago. */
export const sampleAgeHours = 1

export interface SampleFile {
  name: string
  /** PEM text for the certificates (as servers store them), DER for the response (as stapled). */
  bytes: Uint8Array<ArrayBuffer>
}

export const sampleResponseOptions: ResponseChoices = {
  status: 'good',
  // Signed by the issuing CA itself, by name, SHA-256 CertID, no nonce: a pre-produced response
  // (RFC 5019) as a server fetches and staples it.
  signer: 'issuer',
  validityHours: sampleValidityHours,
  hashAlgorithm: 'sha256',
}

const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>

/** The sample's four files, minted at `now` (the page passes its clock; tests pass a fixed one). */
export async function mintSample(now: Date): Promise<DemoCaResult<SampleFile[]>> {
  const pki = await createDemoPki({ keyAlgorithm: 'ECDSA-P256', mustStaple: true, now })
  if (!pki.ok) return pki
  const thisUpdate = new Date(now.getTime() - sampleAgeHours * 3_600_000)
  const response = await createOcspResponse(pki.value, { ...sampleResponseOptions, thisUpdate })
  if (!response.ok) return response
  const { leaf, intermediate, root } = pki.value
  const files: SampleFile[] = [
    { name: 'must-staple-leaf.pem', bytes: text(leaf.pem) },
    { name: 'intermediate.pem', bytes: text(intermediate.pem) },
    { name: 'root.pem', bytes: text(root.pem) },
    { name: 'must-staple-ocsp.der', bytes: response.value as Der },
  ]
  return { ok: true, value: files }
}
