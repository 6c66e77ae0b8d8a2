/** Formatting for the hex dump: offsets, byte pairs and the printable-ASCII column. */

const hexPairs = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

export function hexByte(byte: number): string {
  return hexPairs[byte]
}

/** Offsets are printed with at least 4 hex digits, more when the object is longer than 64 KiB. */
export function offsetWidth(length: number): number {
  return Math.max(4, Math.max(1, length - 1).toString(16).length)
}

export function hexOffset(offset: number, width: number): string {
  return offset.toString(16).padStart(width, '0')
}

/** Printable ASCII as itself, everything else as a dot, as in xxd and asn1js. */
export function asciiChar(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
}
