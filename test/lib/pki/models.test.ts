/**
 * The models are built by the in-place field walk over der.ts's tree: what breaks the ASN.1
 * definition is a one-line malformed value naming the field and the byte, never a throw; where
 * asn1js is more lenient than DER (a UTCTime with month 13 rolled over into the next year), the
 * walk refuses.
 */
import { describe, expect, it } from 'vitest'
import { parseAsn1Tree, type Asn1Node } from '../../../src/lib/pki/index.ts'
import { fixture, inspectOne, valueOf } from './helpers.ts'

function tree(der: Uint8Array): Asn1Node {
  const t = parseAsn1Tree(der)
  if (!t.ok) throw new Error(t.error.message)
  return t.value
}

describe('the field walk builds the models', () => {
  it('an issuer attribute whose type is not an OID: one malformed value naming the field and byte', async () => {
    const der = fixture('certs/leaf-ecdsa.der').slice()
    // tbsCertificate.issuer, first RDN, first AttributeTypeAndValue, its type
    const type = tree(der).children[0].children[3].children[0].children[0].children[0]
    expect(type.tagName).toBe('OBJECT IDENTIFIER')
    der[type.offset] = 0x0c // UTF8String: still DER, no longer an AttributeType
    const obj = await inspectOne(der)
    if (obj.result.ok) throw new Error('expected an error')
    expect(obj.result.error.code).toBe('malformed')
    expect(obj.result.error).toEqual({
      code: 'malformed',
      message: `malformed certificate: tbsCertificate.issuer.0.0.type at byte ${type.offset} should be OBJECT IDENTIFIER, found UTF8String`,
      offset: type.offset,
    })
    expect(obj.asn1).toBeDefined()
  })

  it('a notBefore in month 13 is refused with its byte, not rolled over by asn1js into January', async () => {
    const der = fixture('certs/leaf-ecdsa.der').slice()
    const notBefore = tree(der).children[0].children[4].children[0]
    expect(notBefore.tagName).toBe('UTCTime')
    const month = notBefore.offset + notBefore.headerLength + 2
    der.set([0x31, 0x33], month) // "13"
    const obj = await inspectOne(der)
    if (obj.result.ok) throw new Error('expected an error')
    expect(obj.result.error.message).toBe(
      `malformed certificate: tbsCertificate.validity.notBefore at byte ${notBefore.offset} is not a valid time ("261301000000Z")`,
    )
  })

  it("an OCSP response's embedded certificate keeps its own DER, byte for byte, and is read as a certificate", async () => {
    const resp = fixture('ocsp/resp-good-delegated-byname.der')
    const info = valueOf(await inspectOne(resp))
    if (info.kind !== 'ocspResponse' || !info.basic) throw new Error('expected a successful response')
    const [der] = info.basic.certificatesDer
    const responder = fixture('certs/ocsp-responder.der')
    expect(Buffer.from(der).equals(Buffer.from(responder))).toBe(true)
    expect(info.basic.certificates[0].extendedKeyUsage).toContain('OCSPSigning')
    expect(info.basic.responderId).toEqual({ type: 'byName', name: info.basic.certificates[0].subject })
  })
})
