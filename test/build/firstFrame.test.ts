import { describe, expect, it } from 'vitest'
import {
  firstFrameId,
  firstFramePartsClass,
  panelsBelowTheFoldMedia,
  routeScript,
  showFirstFrameClass,
  staticFrame,
  withFirstFrame,
} from '../../src/build/firstFrame'

/** Markup as Svelte's server renderer writes it: hydration comments, style: directives as attributes. */
const rendered =
  '<!--[--><header class="top svelte-1"><a href="#/compare" data-testid="brand">Staple Lab</a></header>' +
  '<!----><span class="seg svelte-2" style="left: 12.5%; width: 12.5%;"></span>' +
  '<span style="left: 12.5%; width: 12.5%;"></span><div style="--c: var(--party-client);" hidden></div><!--]-->'

describe('staticFrame', () => {
  const frame = staticFrame(rendered)

  it('keeps the markup but drops the hydration comments and test ids, since nothing hydrates it', () => {
    expect(frame.html).toContain('<a href="#/compare">Staple Lab</a>')
    expect(frame.html).not.toContain('<!--')
    expect(frame.html).not.toContain('data-testid')
  })

  it('moves every style attribute into a stylesheet rule, so a policy without unsafe-inline applies them', () => {
    expect(frame.html).not.toContain('style=')
    expect(frame.html).toContain('<span class="seg svelte-2 ff-0"></span>')
    // The same declarations share one class.
    expect(frame.html).toContain('<span class="ff-0"></span>')
    expect(frame.html).toContain('<div hidden class="ff-1"></div>')
    expect(frame.css).toContain('#app .ff-0 { left: 12.5%; width: 12.5%; }')
    expect(frame.css).toContain('#app .ff-1 { --c: var(--party-client); }')
  })

  it('leaves out what no one reads in an inert picture: tooltips, accessible names, the ids they point at', () => {
    const inert = staticFrame(
      '<div class="controls"><label for="s2-rtt" title="Round trip to the server">RTT</label>' +
        '<input id="s2-rtt" aria-describedby="s2-rtt-hint" value="50"/><p id="s2-rtt-hint">Default 50 ms</p>' +
        '<button aria-controls="s2-body" aria-expanded="false" aria-label="Open">▾</button>' +
        '<span class="figure" tabindex="0">230 ms<span class="tip" role="tooltip" id="s14-source">50 + 180</span></span>' +
        '<span class="chevron" aria-hidden="true">▾</span>' +
        '<div role="group" aria-label="Playback"><h1 id="compare-title">One handshake</h1></div></div>',
    )
    expect(inert.html).toContain(
      '<div class="controls"><label>RTT</label><input value="50" /><p>Default 50 ms</p>' +
        '<button aria-expanded="false">▾</button><span class="figure">230 ms</span><span class="chevron">▾</span>',
    )
    // What styles or finds a part stays: state attributes, a group's name, the page's own ids.
    expect(inert.html).toContain(
      '<div role="group" aria-label="Playback"><h1 id="compare-title">One handshake</h1>',
    )
  })

  it('leaves out the messages not sent yet, hidden before the clock starts, and keeps what the drawing points at', () => {
    const diagram = staticFrame(
      '<svg><defs><marker id="s6-head-client"><path d="M0,1"></path></marker></defs>' +
        '<g class="flight" data-state="pending" tabindex="0"><line class="shaft" marker-end="url(#s6-head-client)"></line>' +
        '<text class="label">SYN · 60 B</text></g><g class="flight" data-state="done"><text>ACK</text></g>' +
        '<g class="leak" data-state="pending" transform="translate(1,2)"><path class="eye"></path></g></svg>',
    )
    expect(diagram.html).not.toContain('SYN')
    expect(diagram.html).not.toContain('class="leak"')
    expect(diagram.html).toContain('<g class="flight" data-state="done"><text>ACK</text></g>')
    // Nothing left points at the arrowheads of the messages not sent yet.
    expect(diagram.html).not.toContain('<marker')
    const sent = staticFrame(
      '<svg><defs><marker id="s6-head-client"></marker></defs><g class="flight" data-state="done">' +
        '<line marker-end="url(#s6-head-client)"></line></g></svg>',
    )
    expect(sent.html).toContain('<marker id="s6-head-client">')
  })

  it('leaves out what it never shows: hidden marks, text for screen readers only, a closed details beyond its summary', () => {
    const frame = staticFrame(
      '<figure><svg><g class="outcome" data-outcome visibility="hidden"><g><text>Connected</text></g></g>' +
        '<line class="now" visibility="hidden"></line><line class="lane"></line></svg>' +
        '<div class="text-alt"><div class="visually-hidden"><h4 class="visually-hidden">No check, as text</h4>' +
        '<ol><li>SYN</li></ol></div></div></figure>' +
        '<details class="more"><summary>More: DNS</summary><div><input value="20"/><p>Default 20 ms</p></div></details>' +
        '<details open=""><summary>Keys</summary><p>Space plays</p></details>',
    )
    expect(frame.html).toContain(
      '<figure><svg><line class="lane"></line></svg><div class="text-alt"></div></figure>',
    )
    expect(frame.html).toContain('<details class="more"><summary>More: DNS</summary></details>')
    expect(frame.html).toContain('<details open=""><summary>Keys</summary><p>Space plays</p></details>')
  })

  it('leaves the panels undrawn on a screen too short to show them at the first paint', () => {
    expect(frame.css).toContain(
      `@media ${panelsBelowTheFoldMedia} { #app .first-frame .panels { display: none; } }`,
    )
  })

  it('is inert, hidden from assistive technology and tools, and not shown unless the route check shows it', () => {
    expect(
      frame.html.startsWith(`<div id="${firstFrameId}" class="first-frame" inert aria-hidden="true">`),
    ).toBe(true)
    expect(frame.css).toContain(`#${firstFrameId} { display: none; }`)
    expect(frame.css).toContain(`html.${showFirstFrameClass} #${firstFrameId} { display: contents; }`)
  })
})

describe('routeScript', () => {
  const preloads = {
    compare: ['./assets/CompareView-1.js', './assets/d3-2.js'],
    embed: ['./assets/EmbedPage-3.js'],
  }
  const frameSheets = ['./assets/ResultPanels-5.css']

  interface Link {
    rel: string
    href: string
    crossOrigin: string | null
    blocking?: string
  }

  /**
   * Runs the script against a page at `hash`, in its own tab or framed, at a window `widthPx` wide:
   * the frame shown, the chunks preloaded, the stylesheets added.
   */
  function run(
    hash: string,
    framed = false,
    widthPx = 1280,
  ): { shows: boolean; parts: boolean; preloaded: string[]; sheets: string[] } {
    const classes = new Set<string>()
    const links: Link[] = []
    const top = {}
    // The media query the script asks, read as a browser would at this width (1rem = 16 px).
    const matchMedia = (query: string) => {
      const [, min, max] = /min-width: ([\d.]+)rem\) and \(max-width: ([\d.]+)rem/.exec(query)!
      return { matches: widthPx >= Number(min) * 16 && widthPx <= Number(max) * 16 }
    }
    const window = { self: framed ? {} : top, top, matchMedia }
    const document = {
      documentElement: { classList: { add: (c: string) => classes.add(c) } },
      createElement: (): Link & { setAttribute: (name: 'blocking', value: string) => void } => ({
        rel: '',
        href: '',
        crossOrigin: null,
        setAttribute(name, value) {
          this[name] = value
        },
      }),
      head: { appendChild: (link: Link) => links.push(link) },
    }
    new Function('window', 'location', 'document', routeScript(preloads, frameSheets))(
      window,
      { hash },
      document,
    )
    expect(links.every((link) => link.crossOrigin === '')).toBe(true)
    const stylesheets = links.filter((link) => link.rel === 'stylesheet')
    // Not render-blocking: they style the panels below the first screen, and holding the first
    // paint for them made it later.
    expect(stylesheets.every((link) => link.blocking === undefined)).toBe(true)
    return {
      shows: classes.has(showFirstFrameClass),
      parts: classes.has(firstFramePartsClass),
      preloaded: links.filter((link) => link.rel === 'modulepreload').map((link) => link.href),
      sheets: stylesheets.map((link) => link.href),
    }
  }

  it('shows the frame for the default comparison, with or without #/compare', () => {
    expect(run('').shows).toBe(true)
    expect(run('#/').shows).toBe(true)
    expect(run('#/compare').shows).toBe(true)
  })

  it('hides it where the app will draw something else: another view, another scenario, a frame', () => {
    for (const [hash, framed] of [
      ['#/inspect', false],
      ['#/compare?rs=300', false],
      ['#/embed', false],
      ['#/compare', true],
    ] as const) {
      const seen = run(hash, framed)
      expect(seen.shows).toBe(false)
      expect(seen.parts).toBe(false)
      expect(seen.sheets).toEqual([])
    }
  })

  it("preloads the comparison's chunks on its links only, as parseRoute reads them", () => {
    for (const hash of ['', '#/', '#/compare', '#/compare?rs=300', '#/no-such-view', '#/constructor'])
      expect(run(hash).preloaded).toEqual(preloads.compare)
    expect(run('#/embed?rows=stapling').preloaded).toEqual(preloads.embed)
    for (const hash of ['#/inspect', '#/days?x=1', '#/learn/3', '#/present/notes'])
      expect(run(hash).preloaded).toEqual([])
  })

  it('shows it only where the app draws one column of horizontal diagrams, as the frame does', () => {
    expect(run('#/compare', false, 1280).shows).toBe(true)
    expect(run('#/compare', false, 1440).shows).toBe(true)
    // A phone gets vertical sequence charts; a very wide screen two columns.
    expect(run('#/compare', false, 360).shows).toBe(false)
    expect(run('#/compare', false, 2560).shows).toBe(false)
  })

  it("lets the frame's bars and controls stand in on the default link at every width, and its panels where it shows", () => {
    expect(run('#/compare', false, 1280)).toMatchObject({ parts: true, sheets: frameSheets })
    // A phone: the parts above the diagrams only (the HTML links their stylesheets); the panels
    // below them come with their chunk.
    expect(run('#/compare', false, 360)).toMatchObject({ parts: true, sheets: [] })
    expect(run('', false, 2560)).toMatchObject({ parts: true, sheets: [] })
  })
})

describe('withFirstFrame', () => {
  const page = '<html><head><title>x</title></head><body><div id="app"></div></body></html>'

  it('puts the frame in #app, and in <head> the stylesheets, then the route check (so they are requested first)', () => {
    const result = withFirstFrame(page, staticFrame('<p>Hi $& there</p>'), {
      css: './assets/first-frame-1.css',
      script: './assets/first-frame-2.js',
    })
    expect(result).toEqual({
      ok: true,
      html:
        '<html><head><title>x</title><link rel="stylesheet" href="./assets/first-frame-1.css">\n' +
        '<script src="./assets/first-frame-2.js"></script>\n</head>' +
        `<body><div id="app"><div id="${firstFrameId}" class="first-frame" inert aria-hidden="true"><p>Hi $& there</p></div></div></body></html>`,
    })
  })

  it("links the comparison's stylesheets from the HTML, before the frame's own, so the frame is drawn in them", () => {
    const result = withFirstFrame(page, staticFrame(''), {
      css: './ff.css',
      script: './ff.js',
      viewCss: ['./assets/CompareView-1.css'],
    })
    expect(result.ok && result.html).toContain(
      '<link rel="stylesheet" crossorigin href="./assets/CompareView-1.css">\n<link rel="stylesheet" href="./ff.css">',
    )
  })

  it('says so when the page has no empty #app to fill', () => {
    const result = withFirstFrame('<html><head></head><body></body></html>', staticFrame(''), {
      css: 'a.css',
      script: 'a.js',
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'no-app-element', message: 'The built page has no empty <div id="app"></div> to fill.' },
    })
  })
})
