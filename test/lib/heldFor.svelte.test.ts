// @vitest-environment happy-dom
import { flushSync } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { heldFor } from '../../src/lib/heldFor.svelte'

describe('heldFor', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** Let `ms` of fake time pass, then apply what the timers changed. */
  function wait(ms: number): void {
    vi.advanceTimersByTime(ms)
    flushSync()
  }

  /** A condition the test flips, and the flag that follows it. */
  function setUp(ms: number) {
    let on = $state(false)
    let flag: { readonly current: boolean } = { current: false }
    const stop = $effect.root(() => {
      flag = heldFor(() => on, ms)
    })
    flushSync()
    return {
      set(value: boolean) {
        on = value
        flushSync()
      },
      get current() {
        return flag.current
      },
      stop,
    }
  }

  it('stays false for work that ends before the delay: a quick drop never shows its placeholders', () => {
    const held = setUp(100)
    held.set(true)
    wait(99)
    expect(held.current).toBe(false)
    held.set(false)
    wait(500)
    expect(held.current).toBe(false)
    held.stop()
  })

  it('turns true once the condition has held for the delay, and false the moment it ends', () => {
    const held = setUp(100)
    held.set(true)
    wait(100)
    expect(held.current).toBe(true)
    held.set(false)
    expect(held.current).toBe(false)
    held.stop()
  })

  it('counts the delay again after a break: two quick drops in a row show nothing', () => {
    const held = setUp(100)
    held.set(true)
    wait(60)
    held.set(false)
    held.set(true)
    wait(60)
    expect(held.current).toBe(false)
    wait(40)
    expect(held.current).toBe(true)
    held.stop()
  })
})
