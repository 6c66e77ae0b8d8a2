import { describe, expect, it } from 'vitest'
import { LazyComponent } from '../../src/components/lazyComponent.svelte'

describe('LazyComponent', () => {
  it('loads its chunk once, however often it is asked, and then has the component', async () => {
    let loads = 0
    const view = (): string => 'the panels'
    const part = new LazyComponent(() => {
      loads++
      return Promise.resolve({ default: view })
    })
    expect(part.current).toBeUndefined()
    await Promise.all([part.load(), part.load()])
    await part.load()
    expect(loads).toBe(1)
    expect(part.current).toBe(view)
    expect(part.failed).toBe(false)
  })

  it('says it failed when the chunk does not load, and does not throw', async () => {
    const part = new LazyComponent<() => string>(() => Promise.reject(new Error('offline')))
    await expect(part.load()).resolves.toBeUndefined()
    expect(part.failed).toBe(true)
    expect(part.current).toBeUndefined()
  })
})
