import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('the bundled sample', () => {
  it('carries the same OCSP response as public/samples (the base64 copy has not drifted)', () => {
    const der = readFileSync('public/samples/must-staple-ocsp.der')
    const copy = readFileSync('src/components/inspect/samples/must-staple-ocsp.der.b64', 'utf8').replace(
      /\s+/g,
      '',
    )
    expect(Buffer.from(copy, 'base64').equals(der)).toBe(true)
  })
})
