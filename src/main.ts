import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { takeFirstFrame } from './components/firstFrameParts.ts'
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

// A view that fails to load is mounted anyway: LazyView then says so in the page.
viewOf(parseRoute(location.hash)).load().then(start, start)
