/**
 * Seeded randomness for jitter and loss. Each draw is a hash of (seed, path, packet number, purpose)
 * rather than the next value of one stream, so a change on one path (say, a slower responder that
 * times out) never shifts the draws of another: the same scenario gives the same run, and more RTT
 * on a path only ever delays what happens on it.
 */

/** A 32-bit integer mix (the finaliser of MurmurHash3), good enough to decorrelate nearby keys. */
function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A uniform number in [0, 1), fully determined by its four keys. */
export function draw(seed: number, stream: number, index: number, purpose: number): number {
  let h = mix32(seed ^ 0x9e3779b9)
  h = mix32(h ^ Math.imul(stream + 1, 0x27d4eb2d))
  h = mix32(h ^ Math.imul(index + 1, 0x165667b1))
  h = mix32(h ^ Math.imul(purpose + 1, 0x61c88647))
  return h / 0x1_0000_0000
}
