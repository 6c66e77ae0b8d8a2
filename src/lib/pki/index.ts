/**
 * The parser library's public face: what the page, the worker and the CLI import.
 *
 * Every input goes first through our own strict DER reader (der.ts): a depth guard before any
 * recursion, lengths checked against their enclosing element, BER-only forms refused, and one-line
 * errors that name the byte. Its tree is the ASN.1 view (asn1Tree.ts) and classify.ts says what
 * the object is. An in-place field walk over that tree (certificate.ts, ocspResponse.ts,
 * ocspRequest.ts) then checks the RFC structure, naming the field and byte of a mismatch; it also
 * gives the verifier the exact signed bytes, and every field of the models (CertificateInfo,
 * OcspResponseInfo, OcspRequestInfo; models.ts adds the digests): nothing is parsed twice, and
 * neither pkijs nor asn1js is on this path, so the parse worker does not load them. Names are
 * printed by names.ts from the Name's own DER so they match `openssl -nameopt RFC2253` byte for
 * byte. Signatures are verified with WebCrypto directly (verify.ts). pkijs builds DER only (the
 * demo CA, the request builder) and is the tests' independent reader.
 */
export { maxInputBytes } from './pem.ts'
export { inspectBytes, inspectInput, type InspectedInput } from './inspect.ts'
export { parseAsn1Tree } from './asn1Tree.ts'
export * from './types.ts'
export { inspectJson, type InspectJson } from './json.ts'
export { describeValidity, describeFreshness, responseStatusMeaning, crlReasonMeaning } from './describe.ts'
export { formatUtc } from './utc.ts'
export { buildChain } from './chain.ts'
export {
  judgeFreshness,
  isUsable,
  defaultSkewSeconds,
  type Freshness,
  type FreshnessState,
} from './freshness.ts'
export { equalBytes } from './values.ts'
export { checkOcspResponse, type OcspCheckInput, type OcspCheckId } from './ocspCheck.ts'
