import { parseRoute, type Route } from './route'

/** The current route, kept in step with location.hash (back and forward included). */
class HashRouter {
  current: Route = $state(parseRoute(typeof location === 'undefined' ? '' : location.hash))

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.current = parseRoute(location.hash)
      })
    }
  }

  /** Go to a new hash; `replace` keeps it out of the history (for slider drags). */
  go(hash: string, { replace = false } = {}): void {
    if (hash === location.hash) return
    if (replace) {
      history.replaceState(null, '', hash)
      this.current = parseRoute(hash)
    } else {
      location.hash = hash
    }
  }
}

export const router = new HashRouter()
