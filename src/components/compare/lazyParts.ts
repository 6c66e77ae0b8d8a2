/**
 * The parts of the comparison view that load after the first screen (issue 14: the first screen
 * under 75 kB gzip): the playback and share bars, the scenario controls, the panels under the
 * diagrams, the note a link from the inspector carries, and the list of a link's unusable values.
 */
import { LazyComponent } from '../lazyComponent.svelte.ts'

export const playbackBar = new LazyComponent(() => import('./diagram/PlaybackBar.svelte'))
export const shareBar = new LazyComponent(() => import('./share/ShareBar.svelte'))
export const scenarioControls = new LazyComponent(() => import('./panels/ScenarioControls.svelte'))
export const resultPanels = new LazyComponent(() => import('./panels/ResultPanels.svelte'))
export const provenanceNote = new LazyComponent(() => import('./ProvenanceNote.svelte'))
/** Only a link with values it cannot use needs it; the default comparison's has none. */
export const linkProblems = new LazyComponent(() => import('../LinkProblems.svelte'))

/** Loaded before the build renders the first frame, which has every part. */
export const compareLazyParts = [
  playbackBar,
  shareBar,
  scenarioControls,
  resultPanels,
  provenanceNote,
] as const
