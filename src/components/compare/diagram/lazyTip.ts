/**
 * The diagrams' tooltip (DiagramTip.svelte), in a chunk of its own: it shows only when a reader
 * points at or focuses an arrow or an eye, so the first screen does without it (issue 14). The
 * diagrams ask for it then, and show it as soon as it is here.
 */
import { LazyComponent } from '../../lazyComponent.svelte.ts'

export const diagramTip = new LazyComponent(() => import('./DiagramTip.svelte'))
