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
import { nullValue, octetString, oid, sequence, tlv, type Der } from './der.ts'
import { digest, type HashName } from './keys.ts'

export const hashAlgorithmIdentifiers: Record<HashName, Der> = {
  sha1: sequence(oid('1.3.14.3.2.26'), nullValue()),
  sha256: sequence(oid('2.16.840.1.101.3.4.2.1'), nullValue()),
}

export interface CertIdInput {
  hashAlgorithm: HashName
  issuerNameDer: Uint8Array<ArrayBuffer>
  issuerKeyBits: Uint8Array<ArrayBuffer>
  /** The contents of the certificate's serialNumber INTEGER. */
  serialContent: Uint8Array
}

export interface CertIdParts {
  der: Der
  issuerNameHash: Der
  issuerKeyHash: Der
}

export async function makeCertId(input: CertIdInput): Promise<CertIdParts> {
  const issuerNameHash = await digest(input.hashAlgorithm, input.issuerNameDer)
  const issuerKeyHash = await digest(input.hashAlgorithm, input.issuerKeyBits)
  const der = sequence(
    hashAlgorithmIdentifiers[input.hashAlgorithm],
    octetString(issuerNameHash),
    octetString(issuerKeyHash),
    tlv(0x02, input.serialContent),
  )
  return { der, issuerNameHash, issuerKeyHash }
}

/** id-pkix-ocsp-nonce (RFC 8954): extnValue holds an OCTET STRING of 1 to 32 octets. */
export const nonceOid = '1.3.6.1.5.5.7.48.1.2'
