/**
 * A theme a link asks for (theme=light|dark on #/embed and #/present) set on the document, where
 * app.css turns it into color-scheme; gone again when the view closes. Auto leaves the reader's
 * preference in charge.
 */
import type { EmbedTheme } from '../lib/viz/embedOptions.ts'

export function usePageTheme(theme: () => EmbedTheme): void {
  $effect(() => {
    const chosen = theme()
    const root = document.documentElement
    if (chosen === 'auto') delete root.dataset.theme
    else root.dataset.theme = chosen
    return () => {
      delete root.dataset.theme
    }
  })
}
