/**
 * Readers for the exported files, written from the formats' specifications and independent of the
 * writers they check: a GIF block walker (GIF89a spec: Logical Screen Descriptor 18, Graphic
 * Control Extension 23, Image Descriptor 20, Application Extension 26) and an EBML walker
 * (RFC 8794 4-5, element IDs from RFC 9559). The unit tests and the end-to-end test share them.
 */

export interface GifFrameInfo {
  left: number
  top: number
  width: number
  height: number
  delayCs: number
  localColorTable: boolean
}

export interface GifInfo {
  version: string
  width: number
  height: number
  globalColorTableSize: number
  /** The NETSCAPE2.0 loop count (0 = forever), or null when the file plays once. */
  loopCount: number | null
  frames: GifFrameInfo[]
  /** The file ended with the trailer byte 0x3B. */
  complete: boolean
}

export function readGif(bytes: Uint8Array): GifInfo {
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length))
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8)
  const version = ascii(0, 6)
  if (version !== 'GIF89a' && version !== 'GIF87a') throw new Error(`not a GIF: ${JSON.stringify(version)}`)
  const packed = bytes[10]!
  const globalColorTableSize = packed & 0x80 ? 2 ** ((packed & 7) + 1) : 0
  let at = 13 + 3 * globalColorTableSize
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) {
      if (at >= bytes.length) throw new Error('sub-blocks run past the end')
      at += bytes[at]! + 1
    }
    at++
  }
  const info: GifInfo = {
    version,
    width: u16(6),
    height: u16(8),
    globalColorTableSize,
    loopCount: null,
    frames: [],
    complete: false,
  }
  let delayCs = 0
  while (at < bytes.length) {
    const introducer = bytes[at]!
    if (introducer === 0x3b) {
      info.complete = true
      break
    }
    if (introducer === 0x21) {
      const label = bytes[at + 1]!
      if (label === 0xf9) delayCs = u16(at + 4)
      if (label === 0xff && ascii(at + 3, 11) === 'NETSCAPE2.0') info.loopCount = u16(at + 16)
      at += 2
      skipSubBlocks()
    } else if (introducer === 0x2c) {
      const localPacked = bytes[at + 9]!
      const local = (localPacked & 0x80) !== 0
      info.frames.push({
        left: u16(at + 1),
        top: u16(at + 3),
        width: u16(at + 5),
        height: u16(at + 7),
        delayCs,
        localColorTable: local,
      })
      at += 10 + (local ? 3 * 2 ** ((localPacked & 7) + 1) : 0)
      at++ // LZW minimum code size
      skipSubBlocks()
      delayCs = 0
    } else {
      throw new Error(`unexpected block 0x${introducer.toString(16)} at byte ${at}`)
    }
  }
  return info
}

export interface EbmlElement {
  id: number
  /** Where the element's data starts and how long it is. */
  dataOffset: number
  size: number
  children: EbmlElement[]
  data: Uint8Array
}

/** Master elements (RFC 9559): the walker descends into these. */
const masters = new Set([
  0x1a45dfa3, // EBML
  0x18538067, // Segment
  0x1549a966, // Info
  0x1654ae6b, // Tracks
  0xae, // TrackEntry
  0xe0, // Video
  0x1f43b675, // Cluster
  0xa0, // BlockGroup
  0x1c53bb6b, // Cues
  0xbb, // CuePoint
  0xb7, // CueTrackPositions
])

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at]!
  let length = 1
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++
  if (length > 8) throw new Error(`bad EBML variable-size integer at byte ${at}`)
  let value = keepMarker ? first : first & (0xff >> length)
  for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i]!
  return { value, length }
}

export function readEbml(bytes: Uint8Array, from = 0, to = bytes.length): EbmlElement[] {
  const elements: EbmlElement[] = []
  let at = from
  while (at < to) {
    const id = readVint(bytes, at, true)
    const size = readVint(bytes, at + id.length, false)
    const dataOffset = at + id.length + size.length
    if (dataOffset + size.value > to)
      throw new Error(`element 0x${id.value.toString(16)} runs past its parent`)
    elements.push({
      id: id.value,
      dataOffset,
      size: size.value,
      children: masters.has(id.value) ? readEbml(bytes, dataOffset, dataOffset + size.value) : [],
      data: bytes.subarray(dataOffset, dataOffset + size.value),
    })
    at = dataOffset + size.value
  }
  return elements
}

export function* walk(elements: readonly EbmlElement[]): Generator<EbmlElement> {
  for (const e of elements) {
    yield e
    yield* walk(e.children)
  }
}

export function uintOf(e: EbmlElement): number {
  return e.data.reduce((v, b) => v * 256 + b, 0)
}

export interface WebmBlock {
  /** Absolute time in milliseconds (Cluster Timestamp + the block's relative timestamp). */
  timeMs: number
  key: boolean
  /** BlockDuration, when the block sits in a BlockGroup that has one. */
  durationMs: number | null
  frame: Uint8Array
}

export interface WebmInfo {
  docType: string
  codecId: string
  pixelWidth: number
  pixelHeight: number
  durationMs: number
  timestampScale: number
  blocks: WebmBlock[]
  cueTimesMs: number[]
}

export function readWebm(bytes: Uint8Array): WebmInfo {
  const top = readEbml(bytes)
  const all = [...walk(top)]
  const one = (id: number) => {
    const e = all.find((x) => x.id === id)
    if (!e) throw new Error(`no element 0x${id.toString(16)}`)
    return e
  }
  const text = (id: number) => new TextDecoder().decode(one(id).data)
  const durationElement = one(0x4489)
  const view = new DataView(
    durationElement.data.buffer,
    durationElement.data.byteOffset,
    durationElement.size,
  )
  const blocks: WebmBlock[] = []
  for (const cluster of all.filter((e) => e.id === 0x1f43b675)) {
    const base = uintOf(cluster.children.find((c) => c.id === 0xe7)!)
    for (const child of cluster.children) {
      const block =
        child.id === 0xa3 ? child : child.id === 0xa0 ? child.children.find((c) => c.id === 0xa1) : null
      if (!block) continue
      const d = block.data
      const relative = new DataView(d.buffer, d.byteOffset + 1, 2).getInt16(0)
      const duration = child.id === 0xa0 ? child.children.find((c) => c.id === 0x9b) : undefined
      blocks.push({
        timeMs: base + relative,
        // A SimpleBlock says so in its flags; a Block is a key frame when it references none.
        key: child.id === 0xa3 ? (d[3]! & 0x80) !== 0 : !child.children.some((c) => c.id === 0xfb),
        durationMs: duration ? uintOf(duration) : null,
        frame: d.subarray(4),
      })
    }
  }
  return {
    docType: text(0x4282),
    codecId: text(0x86),
    pixelWidth: uintOf(one(0xb0)),
    pixelHeight: uintOf(one(0xba)),
    durationMs: durationElement.size === 8 ? view.getFloat64(0) : view.getFloat32(0),
    timestampScale: uintOf(one(0x2ad7b1)),
    blocks,
    cueTimesMs: all.filter((e) => e.id === 0xb3).map(uintOf),
  }
}
