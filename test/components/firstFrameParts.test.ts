// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { showFirstFrameClass, staticFrame } from '../../src/build/firstFrame'
import { showFirstFramePart, takeFirstFrame, takeFirstFramePart } from '../../src/components/firstFrameParts'

/** The built page's #app: the frame as staticFrame writes it, around a compare view's markup. */
function pageWithFrame(): HTMLElement {
  const view =
    '<div class="share"><button>Copy link</button></div>' +
    '<div role="group" aria-label="Playback"><button>Play</button></div>' +
    '<div class="scenario-controls"><input></div>' +
    '<div class="diagrams"><div class="grid">' +
    ['none', 'plain-ocsp', 'stapling', 'must-staple']
      .map((row) => `<div class="cell" data-row="${row}"><figure class="diagram">${row}</figure></div>`)
      .join('') +
    '</div></div><div class="panels"><p>Latency</p></div>'
  document.body.innerHTML = `<div id="app">${staticFrame(view).html}</div>`
  return document.getElementById('app')!
}

afterEach(() => {
  document.documentElement.classList.remove(showFirstFrameClass)
  // Empty what a test left behind, so the next one starts with no parts.
  for (const name of [
    'diagram:none',
    'diagram:plain-ocsp',
    'diagram:stapling',
    'diagram:must-staple',
  ] as const)
    takeFirstFramePart(name)
  for (const name of ['playback', 'share', 'controls', 'panels'] as const) takeFirstFramePart(name)
})

describe('takeFirstFrame', () => {
  it('empties #app for the mount and keeps each part of a frame on screen, to hand over once', () => {
    document.documentElement.classList.add(showFirstFrameClass)
    const app = pageWithFrame()
    takeFirstFrame(app)
    expect(app.childNodes).toHaveLength(0)
    const stapling = takeFirstFramePart('diagram:stapling')
    expect(stapling?.querySelector('figure')?.textContent).toBe('stapling')
    expect(takeFirstFramePart('diagram:stapling')).toBeUndefined()
    expect(takeFirstFramePart('controls')?.querySelector('input')).toBeTruthy()
    expect(takeFirstFramePart('panels')?.textContent).toBe('Latency')
    expect(takeFirstFramePart('playback')?.getAttribute('aria-label')).toBe('Playback')
    expect(takeFirstFramePart('share')?.textContent).toBe('Copy link')
  })

  it('keeps nothing when the route check hid the frame (another link, a phone)', () => {
    const app = pageWithFrame()
    takeFirstFrame(app)
    expect(app.childNodes).toHaveLength(0)
    expect(takeFirstFramePart('diagram:none')).toBeUndefined()
    expect(takeFirstFramePart('panels')).toBeUndefined()
  })
})

describe('showFirstFramePart', () => {
  it('moves the part into the live layout, inert and under the frame’s rules, and takes it away after', () => {
    document.documentElement.classList.add(showFirstFrameClass)
    takeFirstFrame(pageWithFrame())
    const part = takeFirstFramePart('diagram:none')!
    const cell = document.createElement('div')
    document.body.append(cell)
    const remove = showFirstFramePart(part)(cell)
    expect(cell.classList.contains('first-frame')).toBe(true)
    expect(cell.inert).toBe(true)
    expect(cell.firstChild).toBe(part)
    expect(document.querySelectorAll('figure.diagram')).toHaveLength(1)
    if (typeof remove === 'function') remove()
    expect(document.querySelectorAll('figure.diagram')).toHaveLength(0)
  })
})
