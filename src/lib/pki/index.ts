/**
 * The parser library's public face: what the page, the worker and the CLI import.
 *
 * Parsing is done by our own strict DER reader (der.ts) and field readers that follow the RFCs'
 * ASN.1 modules, not by pkijs's schema matcher: we need the byte offset of every element for the
 * ASN.1 view and for error messages ("the length at byte 1 runs past..."), a depth guard before
 * any recursion, and exact control over names (OpenSSL's RFC 2253 form). It also keeps the worker
 * bundle small (no pkijs/asn1js/@peculiar/x509 at all in src/lib/pki) and parses several times
 * faster (scripts/bench/parse.ts). Signatures are verified with WebCrypto directly (verify.ts).
 * pkijs stays the reference the tests cross-check against.
 */
export { maxInputBytes } from './pem.ts'
export { inspectBytes } from './inspect.ts'
export { parseAsn1Tree } from './asn1Tree.ts'
export * from './types.ts'
export { inspectJson, type InspectJson } from './json.ts'
export {
  describeValidity,
  describeFreshness,
  responseStatusMeaning,
  crlReasonMeaning,
  formatDuration,
  formatUtc,
} from './describe.ts'
export { buildChain } from './chain.ts'
export { checkOcspResponse, type OcspCheckInput, type OcspCheckId } from './ocspCheck.ts'
