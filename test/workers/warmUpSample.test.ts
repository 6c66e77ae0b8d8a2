import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { warmUpChainPem, warmUpResponseBase64 } from '../../src/workers/warmUpSample'

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url))

describe("the parse worker's warm-up chain", () => {
  it('is the test PKI’s ECDSA leaf, its issuing CA and their OCSP response, byte for byte', () => {
    expect(warmUpChainPem).toBe(
      `${fixture('certs/leaf-ecdsa.pem').toString('utf8').trim()}\n${fixture('certs/intermediate.pem').toString('utf8').trim()}\n`,
    )
    expect(Buffer.from(warmUpResponseBase64, 'base64').equals(fixture('ocsp/resp-good-ecdsa.der'))).toBe(true)
  })
})
