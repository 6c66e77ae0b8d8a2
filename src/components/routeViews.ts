/**
 * Which component each route shows, each in its own chunk: a page pays only for the view it opens.
 * #/inspect loaded the comparison's diagrams, engine and d3 (about 50 kB gzip) when App imported
 * the comparison statically; now main.ts loads the route's view and the first frame's route check
 * (src/build/firstFrame.ts) preloads the comparison's chunks only on its own links.
 */
import type { Route } from '../lib/route'
import { lazyComponent, type LazyComponent } from './lazyComponent'

export const routeViews = {
  compare: lazyComponent(() => import('./compare/CompareView.svelte')),
  embed: lazyComponent(() => import('./embed/EmbedPage.svelte')),
  // The inspector (cards, worker client) loads as its own chunk when it opens.
  inspect: lazyComponent(() => import('./inspect/InspectorPage.svelte')),
  days: lazyComponent(() => import('./days/DaysView.svelte')),
  learn: lazyComponent(() => import('./learn/LearnView.svelte')),
  server: lazyComponent(() => import('./server/ServerView.svelte')),
  present: lazyComponent(() => import('./present/PresentView.svelte')),
  notes: lazyComponent(() => import('./present/PresenterNotes.svelte')),
} as const satisfies Record<string, LazyComponent>

/** The view a route draws (#/present/notes is the speaker notes of presenter mode). */
export function viewOf(route: Route): LazyComponent {
  if (route.view === 'present' && route.path[0] === 'notes') return routeViews.notes
  return routeViews[route.view]
}
