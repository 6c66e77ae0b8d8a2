/**
 * A WebM file from encoded video frames: the few Matroska elements a player needs, written in one
 * pass because every frame is in memory when the export ends (so every size is known and no size
 * is left "unknown"). Element IDs and layout are Matroska's (RFC 9559 5.1: Segment, Info 5.1.2,
 * Cluster 5.1.3, Tracks 5.1.4, Cues 5.1.5; the EBML header and variable-size integers of RFC 8794)
 * with the WebM restrictions (DocType "webm", VP8 or VP9 video). Plain bytes in, plain bytes out:
 * no DOM, tested in node.
 *
 * One video track; a SimpleBlock per frame, except the last frame, a BlockGroup with a
 * BlockDuration so the held final picture lasts its time (a SimpleBlock has no duration). A new
 * Cluster starts at every key frame (and before a block's 16-bit relative timestamp would
 * overflow), and a Cue points at each, so a player can seek.
 */

export type WebmCodec = 'V_VP8' | 'V_VP9'

export interface EncodedFrame {
  readonly data: Uint8Array
  /** Start, in whole milliseconds from the first frame. */
  readonly startMs: number
  /** How long it shows, in whole milliseconds. */
  readonly durationMs: number
  /** A key frame decodes alone: the encoder said so. */
  readonly key: boolean
}

export interface WebmOptions {
  codec: WebmCodec
  width: number
  height: number
  frames: readonly EncodedFrame[]
  /** Written into the file's Info (MuxingApp and WritingApp). */
  application?: string
}

/** Matroska element IDs (RFC 9559 5.1, RFC 8794 11.2), with their marker bits as written. */
const id = {
  ebml: 0x1a45dfa3,
  ebmlVersion: 0x4286,
  ebmlReadVersion: 0x42f7,
  ebmlMaxIdLength: 0x42f2,
  ebmlMaxSizeLength: 0x42f3,
  docType: 0x4282,
  docTypeVersion: 0x4287,
  docTypeReadVersion: 0x4285,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  muxingApp: 0x4d80,
  writingApp: 0x5741,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackUid: 0x73c5,
  trackType: 0x83,
  flagLacing: 0x9c,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  timestamp: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  blockDuration: 0x9b,
  referenceBlock: 0xfb,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
  cueTrackPositions: 0xb7,
  cueTrack: 0xf7,
  cueClusterPosition: 0xf1,
} as const

type Bytes = Uint8Array<ArrayBuffer>

function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** An element ID is written as is: its length is in its own leading bits. */
function idBytes(value: number): Bytes {
  const bytes: number[] = []
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  return new Uint8Array(bytes)
}

/**
 * An element data size as an EBML variable-size integer (RFC 8794 4): the shortest length whose
 * all-ones value (reserved for "unknown size") is above it.
 */
export function vintSize(size: number): Bytes {
  let length = 1
  while (size >= 2 ** (7 * length) - 1) length++
  if (length > 8) throw new RangeError(`EBML size ${size} does not fit in 8 bytes`)
  const bytes = new Uint8Array(length)
  let v = size
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = v % 256
    v = Math.floor(v / 256)
  }
  bytes[0]! |= 0x80 >> (length - 1)
  return bytes
}

function element(elementId: number, data: Uint8Array): Bytes {
  return concat([idBytes(elementId), vintSize(data.length), data])
}

function master(elementId: number, children: readonly Uint8Array[]): Bytes {
  return element(elementId, concat(children))
}

function uint(elementId: number, value: number): Bytes {
  const bytes: number[] = []
  for (let v = Math.max(0, Math.floor(value)); v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  return element(elementId, new Uint8Array(bytes.length > 0 ? bytes : [0]))
}

/** A signed integer element, big-endian two's complement in as few bytes as hold it. */
function signed(elementId: number, value: number): Bytes {
  let length = 1
  while (length < 8 && (value < -(2 ** (8 * length - 1)) || value >= 2 ** (8 * length - 1))) length++
  const data = new Uint8Array(length)
  let v = value < 0 ? 2 ** (8 * length) + value : value
  for (let i = length - 1; i >= 0; i--) {
    data[i] = v % 256
    v = Math.floor(v / 256)
  }
  return element(elementId, data)
}

function float64(elementId: number, value: number): Bytes {
  const data = new Uint8Array(8)
  new DataView(data.buffer).setFloat64(0, value)
  return element(elementId, data)
}

function text(elementId: number, value: string): Bytes {
  return element(elementId, new TextEncoder().encode(value))
}

/** A block's header: track 1 (as a 1-byte vint), the timestamp relative to its cluster, flags. */
function blockPayload(relativeMs: number, flags: number, data: Uint8Array): Bytes {
  const header = new Uint8Array(4)
  header[0] = 0x81
  new DataView(header.buffer).setInt16(1, relativeMs)
  header[3] = flags
  return concat([header, data])
}

const maxRelativeMs = 0x7fff

export function muxWebm(options: WebmOptions): Bytes {
  const { frames } = options
  const application = options.application ?? 'Staple Lab'
  const header = master(id.ebml, [
    uint(id.ebmlVersion, 1),
    uint(id.ebmlReadVersion, 1),
    uint(id.ebmlMaxIdLength, 4),
    uint(id.ebmlMaxSizeLength, 8),
    text(id.docType, 'webm'),
    uint(id.docTypeVersion, 2),
    uint(id.docTypeReadVersion, 2),
  ])
  const last = frames.at(-1)
  const durationMs = last ? last.startMs + last.durationMs : 0
  const info = master(id.info, [
    // Timestamps in milliseconds: the scale is in nanoseconds per tick.
    uint(id.timestampScale, 1_000_000),
    float64(id.duration, durationMs),
    text(id.muxingApp, application),
    text(id.writingApp, application),
  ])
  const tracks = master(id.tracks, [
    master(id.trackEntry, [
      uint(id.trackNumber, 1),
      uint(id.trackUid, 1),
      uint(id.trackType, 1), // video
      uint(id.flagLacing, 0),
      text(id.codecId, options.codec),
      master(id.video, [uint(id.pixelWidth, options.width), uint(id.pixelHeight, options.height)]),
    ]),
  ])

  // Group the frames into clusters, each starting at a key frame where it can.
  const clusterStarts: number[] = []
  frames.forEach((frame, i) => {
    const open = clusterStarts.at(-1)
    if (open === undefined || frame.key || frame.startMs - frames[open]!.startMs > maxRelativeMs)
      clusterStarts.push(i)
  })
  const clusters: Bytes[] = []
  const cuePoints: { timeMs: number; clusterIndex: number }[] = []
  clusterStarts.forEach((start, c) => {
    const stop = clusterStarts[c + 1] ?? frames.length
    const base = frames[start]!.startMs
    const blocks = frames.slice(start, stop).map((frame, j) => {
      const relative = frame.startMs - base
      if (start + j === frames.length - 1) {
        const previous = frames[start + j - 1]
        return master(id.blockGroup, [
          element(id.block, blockPayload(relative, 0, frame.data)),
          uint(id.blockDuration, frame.durationMs),
          // A Block has no key flag: one that is not a key frame names the frame it depends on.
          ...(frame.key || !previous ? [] : [signed(id.referenceBlock, previous.startMs - frame.startMs)]),
        ])
      }
      return element(id.simpleBlock, blockPayload(relative, frame.key ? 0x80 : 0, frame.data))
    })
    clusters.push(master(id.cluster, [uint(id.timestamp, base), ...blocks]))
    if (frames[start]!.key) cuePoints.push({ timeMs: base, clusterIndex: c })
  })

  // Cue positions count from the first byte of the Segment's data.
  const clusterOffsets: number[] = []
  let offset = info.length + tracks.length
  for (const cluster of clusters) {
    clusterOffsets.push(offset)
    offset += cluster.length
  }
  const cues =
    cuePoints.length === 0
      ? new Uint8Array(0)
      : master(
          id.cues,
          cuePoints.map((cue) =>
            master(id.cuePoint, [
              uint(id.cueTime, cue.timeMs),
              master(id.cueTrackPositions, [
                uint(id.cueTrack, 1),
                uint(id.cueClusterPosition, clusterOffsets[cue.clusterIndex]!),
              ]),
            ]),
          ),
        )
  return concat([header, master(id.segment, [info, tracks, ...clusters, cues])])
}
