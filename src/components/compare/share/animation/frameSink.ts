/**
 * Where rendered frames go: a GIF writer or a video encoder, behind one small interface so the
 * export loop (exportAnimation.ts) is the same for both. Each sink lives in its own module, loaded
 * only when that format is exported.
 */
import type { AnimationFormat } from '../../../../lib/export/schedule.ts'

export interface FrameSink {
  /** Encode frame k, which is on the canvas now. */
  add(k: number): Promise<void>
  /** The finished file. */
  finish(): Promise<Blob>
  /** Stop and free everything (after finish, or on cancel). */
  close(): void
}

export type AnimationErrorCode = 'cancelled' | 'no-diagrams' | 'video-unsupported' | 'encode-failed'

export interface AnimationError {
  code: AnimationErrorCode
  message: string
}

export type SinkResult = { ok: true; sink: FrameSink } | { ok: false; error: AnimationError }

export const mimeTypes: Record<AnimationFormat, string> = { gif: 'image/gif', webm: 'video/webm' }
