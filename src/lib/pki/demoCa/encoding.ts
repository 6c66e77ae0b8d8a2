/**
 * Text encodings of the demo objects (the DER itself is written by pkijs and asn1js): base64 and
 * PEM for downloads and OCSP GET URLs.
 */

export type Der = Uint8Array<ArrayBuffer>

/** The DER of a pkijs or asn1js object, as a fresh byte array. */
export function derOf(asn1: { toBER(sizeOnly?: boolean): ArrayBuffer }): Der {
  return new Uint8Array(asn1.toBER(false))
}

export function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** RFC 7468 textual encoding: 64 characters a line, LF line ends, a final newline. */
export function toPem(der: Uint8Array, label: string): string {
  const lines = base64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
