/**
 * Loaded by the build (firstFramePlugin.ts) through Vite's SSR module loader: the app as Svelte's
 * server renderer writes it with no hash in the URL, which is the default comparison view, with the
 * parts the page loads later (the panels) loaded first, so the frame has them.
 */
import { render } from 'svelte/server'
import App from '../App.svelte'
import { compareLazyParts } from '../components/compare/lazyParts.ts'

export async function renderFirstFrame(): Promise<string> {
  await Promise.all(compareLazyParts.map((part) => part.load()))
  return render(App, {}).body
}
