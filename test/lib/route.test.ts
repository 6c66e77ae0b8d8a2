import { describe, expect, it } from 'vitest'
import { formatRoute, parseRoute } from '../../src/lib/route'

describe('the hash route', () => {
  it('opens the comparison view when the hash is empty or unknown', () => {
    expect(parseRoute('').view).toBe('compare')
    expect(parseRoute('#/nowhere').view).toBe('compare')
  })

  it('reads the view, its path and its query', () => {
    const route = parseRoute('#/learn/3?tls=1.2')
    expect(route.view).toBe('learn')
    expect(route.path).toEqual(['3'])
    expect(route.query.get('tls')).toBe('1.2')
  })

  it('round-trips through formatRoute', () => {
    const hash = formatRoute({ view: 'embed', query: new URLSearchParams({ rttServer: '80', tls: '1.3' }) })
    expect(hash).toBe('#/embed?rttServer=80&tls=1.3')
    const back = parseRoute(hash)
    expect(back.view).toBe('embed')
    expect(Object.fromEntries(back.query)).toEqual({ rttServer: '80', tls: '1.3' })
  })
})
