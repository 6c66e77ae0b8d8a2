import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { showFirstFrameClass } from './build/firstFrame.ts'
import { afterNextPaint, nextTask, takeFirstFrame } from './components/firstFrameParts.ts'
import { viewOf } from './components/routeViews'
import { parseRoute } from './lib/route'

// The build prerenders the default view into #app (src/build/firstFrame.ts): a picture to paint
// before this script runs. Once the route's view has loaded (its chunks were preloaded beside this
// one on the comparison's links), the app takes the frame apart as it mounts: the header and
// controls in this task, then each diagram and the panels in a task of its own, each replacing its
// prerendered part, so the two never show together.
function start(): void {
  const target = document.getElementById('app')!
  takeFirstFrame(target)
  mount(App, { target })
}

/**
 * When the frame is on screen, the view's code is evaluated and the app mounted only after the
 * frame has been painted, each in a task of its own (issue 14): a module script runs as soon as the
 * document is parsed, often before the first rendering opportunity (HTML, "the end": deferred and
 * module scripts run before DOMContentLoaded, and nothing paints inside a task), so a mount there
 * would hold the first contentful paint back by the whole start-up. Without the frame there is
 * nothing to paint before the app, and it starts at once, as before.
 */
async function startWhenPainted(): Promise<void> {
  const framed = document.documentElement.classList.contains(showFirstFrameClass)
  if (framed) await afterNextPaint()
  // A view that fails to load is mounted anyway: LazyView then says so in the page.
  await viewOf(parseRoute(location.hash))
    .load()
    .catch(() => undefined)
  if (framed) await nextTask()
  start()
}

void startWhenPainted()
