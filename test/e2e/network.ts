import { test, type Page, type Request } from '@playwright/test'

/**
 * Requests that would break the promise "nothing leaves this page": anything but the page's own
 * code chunks (loaded on demand from the same origin: a view, the ASN.1 explorer, the demo CA) and
 * in-memory blob:/data: URLs. Returns the list it keeps filling.
 */
export function watchNetwork(page: Page): string[] {
  const bad: string[] = []
  const origin = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url()).origin
  page.on('request', (request: Request) => {
    const url = request.url()
    if (url.startsWith('blob:') || url.startsWith('data:')) return
    // A code file by its hashed name, with no query or fragment: nothing read from the user rides along.
    const parsed = new URL(url)
    const ownCode =
      request.method() === 'GET' &&
      parsed.origin === origin &&
      /^\/assets\/[\w.-]+\.(js|css)$/.test(parsed.pathname) &&
      parsed.search === '' &&
      parsed.hash === '' &&
      ['script', 'stylesheet'].includes(request.resourceType())
    if (!ownCode) bad.push(`${request.method()} ${request.resourceType()} ${url}`)
  })
  return bad
}
