import { describe, expect, it } from 'vitest'
import { presenterAction } from '../../../src/components/present/presenterKeys'

describe('presenterAction', () => {
  const key = (k: string) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false })
  it('maps a clicker: PageDown, Right, Space next; PageUp, Left previous; B blank', () => {
    expect(['PageDown', 'ArrowRight', ' '].map((k) => presenterAction(key(k)))).toEqual([
      'next',
      'next',
      'next',
    ])
    expect(['PageUp', 'ArrowLeft'].map((k) => presenterAction(key(k)))).toEqual(['previous', 'previous'])
    expect(presenterAction(key('b'))).toBe('blank')
    expect(presenterAction({ ...key('ArrowRight'), ctrlKey: true })).toBeNull()
  })
})
