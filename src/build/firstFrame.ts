/**
 * The first frame (issue 14): the default comparison view, rendered at build time by Svelte's
 * server renderer and written into index.html, so the browser paints the diagrams' page from HTML
 * and CSS alone, before any script has loaded. It is a picture, not hydrated: the app replaces it
 * part by part as it mounts (src/components/firstFrameParts.ts), each part moved, never copied, so
 * no one sees a part twice.
 *
 * The page's Content-Security-Policy (style-src 'self', no 'unsafe-inline') ignores style
 * attributes, and Svelte writes `style:` directives as attributes on the server. So each distinct
 * attribute becomes a class whose rule lives in a stylesheet file beside the page: the policy stays
 * as it is. Pure text in, text out, unit-tested without a build (test/build/firstFrame.test.ts).
 */

import { views, type View } from '../lib/route.ts'

/** The id of the wrapper around the prerendered markup inside #app. */
export const firstFrameId = 'first-frame'

/**
 * The class of the frame and of each part of it the app keeps on screen while it mounts
 * (src/components/firstFrameParts.ts): the frame's own rules follow a part when it moves.
 */
export const firstFrameClass = 'first-frame'

/** The class the route check (routeScript) sets on <html> when the first frame is what the app will draw. */
export const showFirstFrameClass = 'show-first-frame'

export interface StaticFrame {
  /** The prerendered markup, without comments or style attributes. */
  html: string
  /** One rule per distinct style attribute, and the rules that show the frame only where it fits. */
  css: string
}

/**
 * The attributes no one reads in the frame, which is inert: no one focuses, hovers or clicks it,
 * and assistive technology skips it (HTML, the inert attribute). So the frame goes without tooltips
 * (title), tab stops, accessible names, descriptions and hiding, and the ids they point at (Svelte's `$props.id()`
 * ids, `s1`, `s2-body`...), and label targets: about 2.5 kB gzip of every page's HTML (issue 14),
 * and the app's live parts, which take the same ids, never meet a copy of them while the frame's
 * parts stand in. An id the drawing itself points at (`url(#…)`, an arrowhead) stays; a group keeps
 * its name: the app finds the playback bar's by it (firstFrameParts.ts).
 */
function withoutUnreadAttributes(attrs: string, drawnIds: ReadonlySet<string>): string {
  const group = /\srole="group"/.test(attrs)
  return attrs
    .replace(/\s(?:title|for|tabindex|aria-(?:describedby|labelledby|controls|live|hidden))="[^"]*"/g, '')
    .replace(/\sid="(s\d+(?:-[^"]*)?)"/g, (id, name: string) => (drawnIds.has(name) ? id : ''))
    .replace(/\saria-label="[^"]*"/g, (label) => (group ? label : ''))
}

/** Elements without an end tag (HTML, void elements). */
const voidElements = new Set([
  'area',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
])

/** Where the element whose start tag `tag` (an element `name`) is at `start` ends, past its end tag. */
function elementEnd(html: string, start: number, name: string, tag: string): number {
  if (tag.endsWith('/>') || voidElements.has(name)) return start + tag.length
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, 'g')
  tags.lastIndex = start + tag.length
  let depth = 1
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[1]) depth--
    else if (!m[0].endsWith('/>')) depth++
    if (depth === 0) return m.index + m[0].length
  }
  return html.length
}

/**
 * What the frame never shows, since it is the page before the clock starts and no one opens,
 * focuses or reads it (it is inert): a message not sent yet or a leak not happened (FlightLayer,
 * LeakLayer: pending), a mark drawn hidden until its time (visibility="hidden"), what only assistive
 * technology reads (the text alternatives, .visually-hidden), and what a closed <details> holds
 * beyond its summary. About 2.5 kB gzip of every page's HTML (issue 14).
 */
function withoutUnseen(html: string): string {
  const unseen = (tag: string) =>
    /\sdata-state="pending"/.test(tag) ||
    /\svisibility="hidden"/.test(tag) ||
    /\sclass="(?:[^"]*\s)?visually-hidden(?:\s[^"]*)?"/.test(tag)
  let out = ''
  let at = 0
  const tags = /<([a-zA-Z][\w-]*)(?:\s[^>]*)?>/g
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const [tag, name] = m as unknown as [string, string]
    const closedDetails = name === 'details' && !/\sopen(?:[\s=/>]|$)/.test(tag)
    if (!unseen(tag) && !closedDetails) continue
    const end = elementEnd(html, m.index, name, tag)
    out += html.slice(at, m.index)
    if (closedDetails) {
      const summary = /<summary\b[\s\S]*?<\/summary>/.exec(html.slice(m.index, end))
      out += `${tag}${summary?.[0] ?? ''}</details>`
    }
    at = end
    tags.lastIndex = end
  }
  return out + html.slice(at)
}

/**
 * Where the panels under the diagrams (latency, privacy, safety, the client) start below the fold,
 * the frame leaves them undrawn: they are a third of its elements and of its text, about a third of
 * the style and layout of its first rendering (55 against 84 ms CPU, median of 8 traced cold loads at
 * 1280x800 of the built page; `content-visibility: auto` saved nothing: Chromium still laid them out
 * once). Nothing on screen changes, and nothing moves when the live panels arrive: they are the
 * last thing on the page, so they push nothing. Their top is at 1046-1137 px at every width the frame
 * shows (firstFrameMedia: 960-1840 px), so up to 64rem (1024 px) tall they are never in view at the
 * first paint; a taller screen still gets them in the frame.
 */
export const panelsBelowTheFoldMedia = '(max-height: 64rem)'

/**
 * The frame as static markup: Svelte's hydration comments, test ids, what it never shows
 * (withoutUnseen) and what only a reader of an interactive page uses (withoutUnreadAttributes)
 * dropped, and each
 * style attribute turned into a class `ff-N` with a rule `#app .ff-N { ... }` (an id and a class: the
 * attribute's declarations still win over the components' single-class rules, as they did inline).
 */
export function staticFrame(body: string): StaticFrame {
  const rules = new Map<string, string>()
  const classFor = (declarations: string): string => {
    let name = rules.get(declarations)
    if (name === undefined) {
      name = `ff-${rules.size}`
      rules.set(declarations, name)
    }
    return name
  }
  const seen = withoutUnseen(body.replace(/<!--[\s\S]*?-->/g, ''))
  const drawnIds = new Set([...seen.matchAll(/url\(#([^)"]+)\)/g)].map((m) => m[1]!))
  const html = seen
    // The arrowheads of messages not sent yet: nothing left in the frame points at them.
    .replace(/<defs>[\s\S]*?<\/defs>/g, (defs) =>
      [...defs.matchAll(/\sid="([^"]+)"/g)].some((m) => drawnIds.has(m[1]!)) ? defs : '',
    )
    // Test ids name the live app's parts; a test that waits for one waits for the app.
    .replace(/\sdata-testid="[^"]*"/g, '')
    // A tooltip shows only on hover or focus, which the inert frame never gets.
    .replace(/<span\s[^>]*\brole="tooltip"[^>]*>[^<]*<\/span>/g, '')
    .replace(
      /<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*?)\s*(\/?)>/g,
      (tag, name: string, attrs: string, slash: string) => {
        let rest = withoutUnreadAttributes(attrs, drawnIds)
        const style = /\sstyle="([^"]*)"/.exec(rest)
        if (!style && rest === attrs) return tag
        if (style) {
          const added = classFor(style[1]!.trim())
          rest = rest.replace(style[0], '')
          const cls = /\sclass="([^"]*)"/.exec(rest)
          rest = cls ? rest.replace(cls[0], ` class="${cls[1]} ${added}"`) : `${rest} class="${added}"`
        }
        return `<${name}${rest}${slash ? ' /' : ''}>`
      },
    )
  const css = [
    `#${firstFrameId} { display: none; }`,
    `html.${showFirstFrameClass} #${firstFrameId} { display: contents; }`,
    // Drawn at the diagrams' default width (960 px: nothing is measured on the server): scaled
    // down to the column, never wider than the screen, until the app draws them to measure.
    `#app .${firstFrameClass} figure * { max-width: 100%; }`,
    `#app .${firstFrameClass} figure svg[viewBox] { height: auto; }`,
    `@media ${panelsBelowTheFoldMedia} { #app .${firstFrameClass} .panels { display: none; } }`,
    ...[...rules].map(([declarations, name]) => `#app .${name} { ${declarations} }`),
  ].join('\n')
  // inert: its buttons and links are a picture of the app's until the app replaces it; no click or
  // focus lands on them, and assistive technology waits for the real ones (HTML, the inert attribute).
  // aria-hidden says the same to tools that read roles but not inert (Playwright's getByRole, axe),
  // so a test that asks for the Export button waits for the live one instead of pressing the picture.
  return {
    html: `<div id="${firstFrameId}" class="${firstFrameClass}" inert aria-hidden="true">${html}</div>`,
    css,
  }
}

/** Which chunks each view needs beyond the entry's own (already preloaded by index.html), as page-relative URLs. */
export type ViewPreloads = Partial<Record<View, readonly string[]>>

/**
 * The class the route check sets on <html> on the default comparison's link, at every width: the
 * frame's copies of the parts above the diagrams (the playback and share bars, the controls) stand
 * in for them until their chunks load (src/components/firstFrameParts.ts), so the live diagrams do
 * not wait for those chunks and nothing above them moves when they arrive.
 */
export const firstFramePartsClass = 'first-frame-parts'

/**
 * The parts of the comparison the app loads after its diagrams (src/components/compare/lazyParts.ts),
 * by component file: those above the diagrams stand in from the frame at every width; those below,
 * only where the whole frame shows.
 */
export const partsAboveDiagrams = [
  'PlaybackBar.svelte',
  'ShareBar.svelte',
  'ScenarioControls.svelte',
] as const
export const partsBelowDiagrams = ['ResultPanels.svelte'] as const

/**
 * The route check, a classic script that blocks parsing for a moment in <head>:
 * - the frame is the default comparison in its own tab, so it shows only for that link
 *   (`#/compare` with no scenario in it, or no hash at all) and never inside another page's frame
 *   (App.svelte shows only a notice there). Any other link paints when the app mounts, as before.
 * - the views main.ts waits for before it mounts (the comparison, the embed) load as their own
 *   chunks, so another view does not pay for them; on their own links their chunks are preloaded
 *   here, beside the entry script, so the live view costs no extra round trip after it.
 *   A hash that names no view is the comparison, as parseRoute reads it.
 * - the stylesheets of the frame's parts above the diagrams, which stand in at every width, are
 *   not its to add: the HTML links them (withFirstFrame). Added from here they had to be made
 *   render-blocking, and the first paint came 60-150 ms later (median of 7 cold loads at 1280 px);
 *   added without that, the stand-ins were drawn unstyled first (a layout shift of 0.54).
 * - the stylesheets of the panels below the diagrams (`frameSheets`) are added where the whole frame
 *   shows, not render-blocking: they style what is below the first screen (no layout shift measured
 *   at 1280x800), and every other link gets them with the panels' chunk.
 *
 * Only at widths where the app draws what the frame shows: one column of horizontal diagrams. The
 * frame is drawn at 960 px; below about 912 px (the controls' column and a plot under 560 px,
 * src/lib/viz/timeScale.ts minPlotWidth) the app draws vertical sequence charts, several times
 * taller, and above about 1850 px two columns (Diagrams.svelte twoColumnsFrom): replacing the
 * frame there would move everything under it (a layout shift), so those screens wait for the app.
 *
 * Its data sits on one line, `var route = {...}`, which scripts/firstScreen.ts reads back.
 */
export const firstFrameMedia = '(min-width: 60rem) and (max-width: 115rem)'

export function routeScript(preloads: ViewPreloads, frameSheets: readonly string[] = []): string {
  return `(function () {
  var route = ${JSON.stringify({ views, preloads, frameSheets })}
  var html = document.documentElement
  var first = window.self === window.top && /^(#\\/?(compare)?)?$/.test(location.hash)
  var frame = first && window.matchMedia('${firstFrameMedia}').matches
  if (frame) html.classList.add('${showFirstFrameClass}')
  if (first) html.classList.add('${firstFramePartsClass}')
  var add = function (rel, href) {
    var link = document.createElement('link')
    link.rel = rel
    link.href = href
    link.crossOrigin = ''
    document.head.appendChild(link)
  }
  var i
  if (frame) for (i = 0; i < route.frameSheets.length; i++) add('stylesheet', route.frameSheets[i])
  var view = /^#\\/?([^/?]*)/.exec(location.hash)
  view = view && route.views.indexOf(view[1]) >= 0 ? view[1] : 'compare'
  var hrefs = Object.prototype.hasOwnProperty.call(route.preloads, view) ? route.preloads[view] : []
  for (i = 0; i < hrefs.length; i++) add('modulepreload', hrefs[i])
})()
`
}

export type FirstFrameError = { code: 'no-app-element'; message: string }

/**
 * The page with the frame inside #app, its stylesheet and the route check in <head>. `viewCss` are
 * the comparison's own stylesheets (its chunk's, no longer in the entry's) and those of the parts
 * above the diagrams that stand in from the frame: linked from the HTML, render-blocking, so the
 * frame is drawn in them, on every route as index.css was (about 2.5 kB gzip other views load unused).
 */
export function withFirstFrame(
  page: string,
  frame: StaticFrame,
  href: { css: string; script: string; viewCss?: readonly string[] },
): { ok: true; html: string } | { ok: false; error: FirstFrameError } {
  const app = '<div id="app"></div>'
  if (!page.includes(app)) {
    return {
      ok: false,
      error: { code: 'no-app-element', message: 'The built page has no empty <div id="app"></div> to fill.' },
    }
  }
  const sheets = [
    ...(href.viewCss ?? []).map((css) => `<link rel="stylesheet" crossorigin href="${css}">\n`),
    `<link rel="stylesheet" href="${href.css}">\n`,
  ]
  // The route check after the stylesheets, so they are requested before it, as the parser meets
  // them. Placed before them (it reads no style, so it need not wait for them), the first paint
  // came later, not sooner: 560-680 ms against 404-464 ms, median of 7 cold loads each at 1280 px
  // on an idle 2-core machine, in two interleaved rounds.
  const head = `${sheets.join('')}<script src="${href.script}"></script>\n</head>`
  const html = page.replace('</head>', () => head).replace(app, () => `<div id="app">${frame.html}</div>`)
  return { ok: true, html }
}
