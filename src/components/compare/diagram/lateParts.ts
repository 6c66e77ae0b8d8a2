/**
 * The diagrams' parts in chunks of their own, which the first screen does without (issue 14):
 * - the tooltip (DiagramTip.svelte) shows only when a reader points at or focuses an arrow or an
 *   eye: the diagrams ask for it then, and show it as soon as it is here;
 * - the text alternative (TextAlternative.svelte) is asked for once a live diagram is drawn, so a
 *   screen reader has it a moment after the diagrams, the first screen without it.
 */
import { LazyComponent } from '../../lazyComponent.svelte.ts'

export const diagramTip = new LazyComponent(() => import('./DiagramTip.svelte'))
export const diagramText = new LazyComponent(() => import('./TextAlternative.svelte'))
