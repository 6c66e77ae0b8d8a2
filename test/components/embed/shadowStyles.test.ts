import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { shadowStylesheet } from '../../../src/components/embed/shadowStyles.ts'

const appCss = readFileSync(new URL('../../../src/app.css', import.meta.url), 'utf8')

describe('shadowStylesheet', () => {
  const css = shadowStylesheet(appCss)

  it("gives the element the page's theme: every :root rule becomes a :host rule", () => {
    expect(css).not.toContain(':root')
    expect(css).toMatch(/:host \{\s*color-scheme: light dark;/)
    expect(css).toContain('--party-client: light-dark(#0072b2, #3d9be0);')
  })

  it("lets the element's theme attribute fix its theme, as data-theme does for the page", () => {
    expect(css).toMatch(/:host\(\[theme='dark'\]\) \{\s*color-scheme: dark;/)
    expect(css).toMatch(/:host\(\[theme='light'\]\) \{\s*color-scheme: light;/)
  })

  it('draws its own background and type and keeps a 16:9 box unless the page sizes it', () => {
    const host = css.slice(css.lastIndexOf(':host {'))
    expect(host).toContain('background: var(--bg);')
    expect(host).toContain('font-family: var(--font-ui);')
    expect(host).toContain('aspect-ratio: 16 / 9;')
  })
})
