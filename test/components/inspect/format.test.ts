import { describe, expect, it } from 'vitest'
import { colonHex } from '../../../src/components/inspect/format.ts'

describe('colonHex', () => {
  it('puts a colon between bytes, as browsers and openssl show serials', () => {
    expect(colonHex('8f1d3ca6')).toBe('8f:1d:3c:a6')
  })

  it('keeps a negative serial recognisable: the sign stays in front, outside the bytes', () => {
    expect(colonHex('-04316693ed')).toBe('-04:31:66:93:ed')
  })

  it('cuts a hostile 1 MB serial to its first 16 bytes and its length', () => {
    expect(colonHex('5a'.repeat(1_000_000))).toBe(`${Array(16).fill('5a').join(':')}… (1000000 bytes)`)
  })
})
