/**
 * <staple-lab-diagram scenario="rs=80&tls=1.2" rows="plain-ocsp,must-staple" theme="dark"
 * controls="none|play|full" start="end">: the embed's diagrams as a custom element, for
 * documentation sites that allow scripts but not iframes. Built by vite.embed.config.ts into
 * dist/staple-lab-embed.js (one file, no network). It mounts EmbedView into an open shadow root
 * with the page's theme and every component's styles inside it (the build injects each component's
 * <style> into the root it renders in), so the host page's CSS and ours never meet.
 */
import { mount, unmount } from 'svelte'
import appCss from '../../app.css?inline'
import { elementAttributes, elementQuery, parseEmbedOptions } from '../../lib/viz/embedOptions.ts'
import { scenarioPart } from '../compare/scenarioState.svelte.ts'
import EmbedView from './EmbedView.svelte'
import { shadowStylesheet } from './shadowStyles.ts'

export const elementName = 'staple-lab-diagram'

class StapleLabDiagram extends HTMLElement {
  static observedAttributes = [...elementAttributes]

  #props = $state(StapleLabDiagram.propsFor(this))
  #app: ReturnType<typeof mount> | null = null

  static propsFor(element: HTMLElement) {
    const query = elementQuery(
      Object.fromEntries(elementAttributes.map((name) => [name, element.getAttribute(name)])),
    )
    const read = parseEmbedOptions(query)
    return {
      scenarioQuery: scenarioPart(query),
      options: read.options,
      optionProblems: read.problems,
      openHref: null,
      page: false,
    }
  }

  connectedCallback(): void {
    if (this.#app) return
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = shadowStylesheet(appCss)
    root.replaceChildren(style)
    const props = this.#props
    this.#app = mount(EmbedView, { target: root, props })
  }

  disconnectedCallback(): void {
    if (this.#app) void unmount(this.#app)
    this.#app = null
  }

  attributeChangedCallback(): void {
    Object.assign(this.#props, StapleLabDiagram.propsFor(this))
  }
}

if (!customElements.get(elementName)) customElements.define(elementName, StapleLabDiagram)
