import { parseRoute, type Route } from './route'

/** The current route, kept in step with location.hash (back and forward included). */
class HashRouter {
  current: Route = $state(parseRoute(typeof location === 'undefined' ? '' : location.hash))
  /** The hash `current` was parsed from, as location.hash spells it. */
  #applied = typeof location === 'undefined' ? '' : location.hash

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => this.#apply(location.hash))
    }
  }

  #apply(hash: string): void {
    // A hash go() has already applied comes back as a hashchange a task later: parsing it again
    // would hand every view an equal route as a new one, and redo its work.
    if (hash === this.#applied) return
    this.#applied = hash
    this.current = parseRoute(hash)
  }

  /**
   * Go to a new hash; `replace` keeps it out of the history (for slider drags). The route changes
   * at once, not at the hashchange event a task later (HTML, "navigate to a fragment" queues it):
   * a second key pressed before that task would otherwise be computed from the stale route, and
   * the first key lost.
   */
  go(hash: string, { replace = false } = {}): void {
    if (hash === location.hash) return
    if (replace) history.replaceState(null, '', hash)
    else location.hash = hash
    this.#apply(location.hash)
  }
}

export const router = new HashRouter()
