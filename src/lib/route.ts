/**
 * The URL is the state (docs/architecture.md): the open view and its parameters live in the hash,
 * so every picture in the app is a link that can be shared, reloaded or embedded.
 *
 *   #/compare?tls=1.2&rttServer=80      the comparison view with a scenario
 *   #/days?...                         the same site over days: staple freshness, outages, CA load
 *   #/inspect                          the inspector
 *   #/learn/3                          step 3 of the lesson
 *   #/server?s=nginx&v=1.22-1.27       "Your server": config generator, checker, s_client reader
 *   #/embed?...                        only the diagrams, for an iframe
 *   #/present?...&rows=...             presenter mode; #/present/notes its speaker notes
 */
export const views = ['compare', 'days', 'inspect', 'learn', 'server', 'embed', 'present'] as const
export type View = (typeof views)[number]

export interface Route {
  view: View
  /** Path segments after the view, e.g. ['3'] for #/learn/3. */
  path: string[]
  /** Query parameters after '?', in order. */
  query: URLSearchParams
}

export const defaultView: View = 'compare'

function isView(name: string): name is View {
  return (views as readonly string[]).includes(name)
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '')
  const [pathPart, queryPart = ''] = body.split('?', 2) as [string, string?]
  const segments = pathPart.split('/').filter((s) => s.length > 0)
  const first = segments[0] ?? ''
  const view = isView(first) ? first : defaultView
  return {
    view,
    path: isView(first) ? segments.slice(1) : [],
    query: new URLSearchParams(queryPart),
  }
}

export function formatRoute(route: Pick<Route, 'view'> & Partial<Omit<Route, 'view'>>): string {
  const path = [route.view, ...(route.path ?? [])].map(encodeURIComponent).join('/')
  const query = route.query?.toString() ?? ''
  return `#/${path}${query ? `?${query}` : ''}`
}
