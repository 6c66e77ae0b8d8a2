/**
 * TCP slow start for one flight of data from a fresh connection.
 *
 * RFC 6928: initial window IW = min(10*MSS, max(2*MSS, 14600 bytes)); with a 1460-byte MSS that is
 * 10 segments, 14,600 bytes. RFC 5681 3.1: during slow start the window grows by one segment per
 * ACK, so it doubles every round trip (10, 20, 40... segments, ignoring delayed ACKs). A flight
 * larger than the window waits one round trip per extra window: a long chain plus a staple can
 * cost an RTT.
 */
export const mssBytes = 1460
export const initialWindowSegments = 10
export const initialWindowBytes = initialWindowSegments * mssBytes

/** How many segments a flight of `bytes` needs. */
export function segmentsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / mssBytes))
}

/**
 * The round (0 = sent at once, 1 = one RTT later...) in which the byte at `offset` of a flight
 * leaves the sender. Round k can send 10 * 2^k segments; rounds 0..k together 10 * (2^(k+1) - 1).
 */
export function roundOfByte(offset: number): number {
  const segment = Math.floor(offset / mssBytes) + 1
  let round = 0
  let sent = initialWindowSegments
  let window = initialWindowSegments
  while (segment > sent) {
    window *= 2
    sent += window
    round++
  }
  return round
}

/** Extra round trips a flight of `bytes` costs beyond the first: 0 when it fits in the initial window. */
export function extraRoundTrips(bytes: number): number {
  return bytes <= 0 ? 0 : roundOfByte(bytes - 1)
}
