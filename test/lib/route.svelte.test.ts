// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { router } from '../../src/lib/route.svelte.ts'

/** The hashchange event a hash navigation queues (HTML: a task after the navigation). */
const hashchange = () =>
  new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }))

describe('the shared router', () => {
  it('applies a new hash at once: a second key before the hashchange task builds on the first', async () => {
    router.go('#/compare?rs=100')
    expect(router.current.query.get('rs')).toBe('100')
    const changed = hashchange()
    // A second key in the same task: the view reads the route the first key made.
    const next = Number(router.current.query.get('rs')) + 10
    router.go(`#/compare?rs=${next}`)
    expect(router.current.query.get('rs')).toBe('110')
    await changed
    expect(router.current.query.get('rs')).toBe('110')
    expect(location.hash).toBe('#/compare?rs=110')
  })

  it('does not hand the views a new route when the hashchange of its own navigation arrives', async () => {
    const changed = hashchange()
    router.go('#/days?d=30')
    const applied = router.current
    await changed
    expect(router.current).toBe(applied)
  })

  it('follows the hash when something else changes it (back, forward, a typed link)', async () => {
    const changed = hashchange()
    location.hash = '#/inspect'
    await changed
    expect(router.current.view).toBe('inspect')
  })

  it('replaces without a history entry and applies at once', () => {
    const length = history.length
    router.go('#/days?d=7', { replace: true })
    expect(router.current.query.get('d')).toBe('7')
    expect(history.length).toBe(length)
  })
})
