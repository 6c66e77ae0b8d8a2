import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { viewOf } from './components/routeViews'
import { parseRoute } from './lib/route'

// The build prerenders the default view into #app (src/build/firstFrame.ts): a picture to paint
// before this script runs. The app replaces it in one task once the route's view has loaded (its
// chunks were preloaded beside this one on the comparison's links), so the two never show together.
function start(): void {
  const target = document.getElementById('app')!
  target.replaceChildren()
  mount(App, { target })
}

// A view that fails to load is mounted anyway: LazyView then says so in the page.
viewOf(parseRoute(location.hash)).load().then(start, start)
