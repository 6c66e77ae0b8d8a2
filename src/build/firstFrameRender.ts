/**
 * Loaded by the build (firstFramePlugin.ts) through Vite's SSR module loader: the app as Svelte's
 * server renderer writes it with no hash in the URL, which is the default comparison view.
 */
import { render } from 'svelte/server'
import App from '../App.svelte'

export function renderFirstFrame(): string {
  return render(App, {}).body
}
