/**
 * Types for gifenc 1.0 (mattdesl/gifenc, MIT), which ships JavaScript only: the part of its API
 * (README "API") that gif.ts uses.
 */
declare module 'gifenc' {
  export type GifPalette = number[][]
  export type GifColorFormat = 'rgb565' | 'rgb444' | 'rgba4444'

  export function quantize(
    rgba: Uint8Array | Uint8ClampedArray,
    maxColors: number,
    options?: { format?: GifColorFormat },
  ): GifPalette

  export function applyPalette(
    rgba: Uint8Array | Uint8ClampedArray,
    palette: GifPalette,
    format?: GifColorFormat,
  ): Uint8Array

  export interface GifFrameOptions {
    palette?: GifPalette
    /** Milliseconds; written as hundredths of a second, rounded. */
    delay?: number
    /** 0 loops forever, -1 plays once. */
    repeat?: number
    transparent?: boolean
    dispose?: number
  }

  export interface GifStream {
    writeFrame(index: Uint8Array, width: number, height: number, options?: GifFrameOptions): void
    finish(): void
    bytes(): Uint8Array
  }

  export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): GifStream
}
