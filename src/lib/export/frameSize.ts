/**
 * The pixel size of an exported animation, and where the diagrams sit in it. The 16:9 sizes fit a
 * widescreen slide; "as shown" keeps the diagrams' own size. The picture is scaled to fit inside
 * and centred, never cropped or stretched.
 */
export const frameSizes = ['800x450', '1280x720', '1920x1080', 'as-shown'] as const
export type FrameSizeChoice = (typeof frameSizes)[number]

export interface PixelSize {
  readonly width: number
  readonly height: number
}

export const frameSizeLabels: Record<FrameSizeChoice, string> = {
  '800x450': '800 × 450 (16:9)',
  '1280x720': '1280 × 720 (16:9, HD)',
  '1920x1080': '1920 × 1080 (16:9, full HD)',
  'as-shown': 'As shown on this page',
}

/**
 * The largest side an "as shown" export gets: four stacked diagrams can be taller than any screen,
 * and a VP8 frame is at most 16383 pixels a side (RFC 6386 9.1: 14-bit sizes).
 */
export const maxSide = 3840

/**
 * Video frames are 4:2:0 (I420: one chroma sample per 2 x 2 pixels), so each side is even; a GIF
 * would take any size, but both formats are drawn from the same frames.
 */
function even(n: number): number {
  return Math.max(2, 2 * Math.round(n / 2))
}

export function frameSize(choice: FrameSizeChoice, shown: PixelSize): PixelSize {
  if (choice !== 'as-shown') {
    const [width, height] = choice.split('x').map(Number) as [number, number]
    return { width, height }
  }
  const scale = Math.min(1, maxSide / Math.max(shown.width, shown.height, 1))
  return { width: even(shown.width * scale), height: even(shown.height * scale) }
}

export interface Placement {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The picture scaled to fit `frame` with its proportions kept, centred (letterboxed). */
export function fitInside(picture: PixelSize, frame: PixelSize): Placement {
  const scale = Math.min(frame.width / Math.max(picture.width, 1), frame.height / Math.max(picture.height, 1))
  const width = picture.width * scale
  const height = picture.height * scale
  return { x: (frame.width - width) / 2, y: (frame.height - height) / 2, width, height }
}
