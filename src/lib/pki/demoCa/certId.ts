/**
 * CertID (RFC 6960 4.1.1), the same bytes in requests and responses:
 *   issuerNameHash = hash of the DER of the issuer's distinguished name (the issuer certificate's
 *   subject field, byte for byte, as openssl's OCSP_cert_to_id hashes it);
 *   issuerKeyHash  = hash of the issuer's subjectPublicKey BIT STRING value (without tag, length
 *   and the unused-bits octet);
 *   serialNumber   = the certificate's serial INTEGER, its contents copied unchanged.
 * The AlgorithmIdentifier carries NULL parameters, as openssl writes it, so our requests match
 * `openssl ocsp -reqout` byte for byte.
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { derOf, type Der } from './encoding.ts'
import { digest, type HashName } from './keys.ts'

const hashOids: Record<HashName, string> = {
  sha1: pkijs.id_sha1,
  sha256: pkijs.id_sha256,
}

export interface CertIdInput {
  hashAlgorithm: HashName
  issuerNameDer: Uint8Array<ArrayBuffer>
  issuerKeyBits: Uint8Array<ArrayBuffer>
  /** The contents of the certificate's serialNumber INTEGER. */
  serialContent: Uint8Array
}

export interface CertIdParts {
  certId: pkijs.CertID
  der: Der
  issuerNameHash: Der
  issuerKeyHash: Der
}

export async function makeCertId(input: CertIdInput): Promise<CertIdParts> {
  const issuerNameHash = await digest(input.hashAlgorithm, input.issuerNameDer)
  const issuerKeyHash = await digest(input.hashAlgorithm, input.issuerKeyBits)
  const certId = new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: hashOids[input.hashAlgorithm],
      algorithmParams: new asn1js.Null(),
    }),
    issuerNameHash: new asn1js.OctetString({ valueHex: issuerNameHash }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: issuerKeyHash }),
    // valueHex keeps the contents as given (a leading 00 included), so the INTEGER is copied as is.
    serialNumber: new asn1js.Integer({ valueHex: input.serialContent }),
  })
  return { certId, der: derOf(certId.toSchema()), issuerNameHash, issuerKeyHash }
}
