/**
 * Loaded by the build (firstFramePlugin.ts) through Vite's SSR module loader: the app as Svelte's
 * server renderer writes it with no hash in the URL, which is the default comparison view, loaded
 * first as main.ts loads it in the page, with the parts the page loads later (the panels) loaded
 * first too, so the frame has them.
 */
import { render } from 'svelte/server'
import App from '../App.svelte'
import { compareLazyParts } from '../components/compare/lazyParts.ts'
import { routeViews } from '../components/routeViews'

export async function renderFirstFrame(): Promise<string> {
  await routeViews.compare.load()
  await Promise.all(compareLazyParts.map((part) => part.load()))
  return render(App, {}).body
}
