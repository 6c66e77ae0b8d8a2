/**
 * What a clicker's key means in presenter mode. Presentation remotes send PageDown/PageUp (most),
 * the arrow keys or Space, and B (PowerPoint's and Keynote's "black screen" key).
 */
export type PresenterAction = 'next' | 'previous' | 'blank'

export function presenterAction(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): PresenterAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null
  switch (event.key) {
    case 'PageDown':
    case 'ArrowRight':
    case ' ':
      return 'next'
    case 'PageUp':
    case 'ArrowLeft':
      return 'previous'
    case 'b':
    case 'B':
      return 'blank'
    default:
      return null
  }
}
