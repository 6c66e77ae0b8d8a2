/**
 * createDemoPki: a root, an intermediate, a leaf and a delegated OCSP responder, as real signed
 * X.509 v3 certificates (RFC 5280) made in the browser with WebCrypto. The root's and the leaf's
 * private keys are dropped once used; the intermediate's and the responder's are kept
 * (non-extractable) to sign OCSP responses.
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { toHex } from '../values.ts'
import { derOf, toPem, type Der } from './encoding.ts'
import {
  authorityInfoAccess,
  authorityKeyIdentifier,
  basicConstraints,
  certificatePolicies,
  distinguishedName,
  extKeyUsage,
  keyUsage,
  nameString,
  ocspNoCheck,
  oids,
  subjectAltNameDns,
  subjectKeyIdentifier,
  tlsFeatureMustStaple,
  type NameAttribute,
} from './extensions.ts'
import {
  digest,
  generateKeyPair,
  publicKeyBits,
  randomSerial,
  signatureAlgorithmOf,
  signWith,
  spkiOf,
  type DemoKeyAlgorithm,
} from './keys.ts'
import type {
  DemoCaResult,
  DemoCertificate,
  DemoFileStem,
  DemoPki,
  DemoPkiOptions,
  DemoRole,
} from './types.ts'

export const demoUrls = {
  ocsp: 'http://ocsp.demo-ca.example',
  rootCert: 'http://ca.demo-ca.example/root.der',
  intermediateCert: 'http://ca.demo-ca.example/int.der',
} as const

export const defaultLeafName = 'shop.example'

const hour = 3600 * 1000
const day = 24 * hour

/** Whole seconds: DER times carry no fraction (RFC 5280 4.1.2.5), so keep Date and bytes equal. */
export function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000)
}

/** A DNS name a CA could put in a certificate: LDH labels, at most 64 characters (ub-common-name). */
export function checkLeafName(name: string): string | undefined {
  if (name.length === 0) return 'the leaf name is empty'
  if (name.length > 64)
    return `the leaf name is ${name.length} characters; a CN holds at most 64 (RFC 5280 ub-common-name)`
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
  if (!name.split('.').every((l) => label.test(l)))
    return `"${name}" is not a DNS name: use lowercase letters, digits, hyphens and dots, like shop.example`
  return undefined
}

interface KeyMaterial {
  keys: CryptoKeyPair
  spki: Der
  bits: Der
  keyId: Der
}

async function keyMaterial(algorithm: DemoKeyAlgorithm, extractable = false): Promise<KeyMaterial> {
  const keys = await generateKeyPair(algorithm, extractable)
  const spki = await spkiOf(keys.publicKey)
  const bits = publicKeyBits(spki)
  return { keys, spki, bits, keyId: await digest('sha1', bits) }
}

interface Issuance {
  role: DemoRole
  fileStem: DemoFileStem
  subject: NameAttribute[]
  issuer: { name: NameAttribute[]; key: KeyMaterial }
  subjectKey: KeyMaterial
  notBefore: Date
  notAfter: Date
  extensions: pkijs.Extension[]
}

/** RFC 5280 4.1.2.5: certificate validity in UTCTime through 2049, GeneralizedTime from 2050. */
function certificateTime(d: Date): pkijs.Time {
  const type = d.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime
  return new pkijs.Time({ type, value: d })
}

async function issue(algorithm: DemoKeyAlgorithm, what: Issuance): Promise<DemoCertificate> {
  const serial = randomSerial()
  const subjectName = distinguishedName(what.subject)
  const certificate = new pkijs.Certificate({
    version: 2, // v3
    serialNumber: new asn1js.Integer({ valueHex: serial }),
    signature: signatureAlgorithmOf(algorithm),
    issuer: distinguishedName(what.issuer.name),
    notBefore: certificateTime(what.notBefore),
    notAfter: certificateTime(what.notAfter),
    subject: subjectName,
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(what.subjectKey.spki),
    extensions: what.extensions,
  })
  // Signed here rather than with certificate.sign(), whose engine writes sha256WithRSAEncryption
  // without its NULL parameters (RFC 4055 5); toSchema() then reuses these exact tbs bytes.
  const tbs = derOf(certificate.encodeTBS())
  certificate.tbsView = tbs
  const signature = await signWith(algorithm, what.issuer.key.keys.privateKey, tbs)
  certificate.signatureAlgorithm = signatureAlgorithmOf(algorithm)
  certificate.signatureValue = new asn1js.BitString({ valueHex: signature })
  const der = derOf(certificate.toSchema())
  const subjectNameDer = derOf(subjectName.toSchema())
  return {
    role: what.role,
    fileStem: what.fileStem,
    subject: nameString(what.subject),
    issuer: nameString(what.issuer.name),
    serialNumber: toHex(serial),
    notBefore: what.notBefore,
    notAfter: what.notAfter,
    der,
    pem: toPem(der, 'CERTIFICATE'),
    subjectNameDer,
    publicKeyBits: what.subjectKey.bits,
    keyId: what.subjectKey.keyId,
  }
}

export async function createDemoPki(options: DemoPkiOptions): Promise<DemoCaResult<DemoPki>> {
  const leafName = options.leafName ?? defaultLeafName
  const nameProblem = checkLeafName(leafName)
  if (nameProblem) return { ok: false, error: { code: 'bad-option', message: nameProblem } }
  if (Number.isNaN(options.now.getTime()))
    return { ok: false, error: { code: 'bad-option', message: 'the issuing time "now" is not a valid date' } }
  const algorithm = options.keyAlgorithm
  const now = wholeSeconds(options.now)
  // Back-dated an hour, as CAs do, so a client whose clock is a little slow still accepts them.
  const notBefore = new Date(now.getTime() - hour)
  const id = toHex(crypto.getRandomValues(new Uint8Array(2)))

  let root: KeyMaterial, intermediate: KeyMaterial, leaf: KeyMaterial, responder: KeyMaterial
  try {
    ;[root, intermediate, leaf, responder] = await Promise.all(
      [false, false, options.exportLeafKey === true, false].map((exportable) =>
        keyMaterial(algorithm, exportable),
      ),
    )
  } catch (e) {
    return {
      ok: false,
      error: { code: 'crypto', message: `this browser could not make ${algorithm} keys: ${why(e)}` },
    }
  }

  const rootName: NameAttribute[] = [
    { type: 'C', value: 'ZZ' },
    { type: 'O', value: 'Staple Lab Demo CA' },
    { type: 'CN', value: `Staple Lab Demo Root ${id}` },
  ]
  const intermediateName: NameAttribute[] = [
    { type: 'C', value: 'ZZ' },
    { type: 'O', value: 'Staple Lab Demo CA' },
    { type: 'CN', value: `Staple Lab Demo Issuing CA ${id}` },
  ]
  const responderName: NameAttribute[] = [
    { type: 'C', value: 'ZZ' },
    { type: 'O', value: 'Staple Lab Demo CA' },
    { type: 'CN', value: `Staple Lab Demo OCSP Responder ${id}` },
  ]
  // A domain-validated leaf names only the domain (CA/B Forum BR 7.1.4.2).
  const leafSubject: NameAttribute[] = [{ type: 'CN', value: leafName }]
  const rootIssuer = { name: rootName, key: root }
  const intermediateIssuer = { name: intermediateName, key: intermediate }

  try {
    const rootCert = await issue(algorithm, {
      role: 'root',
      fileStem: 'root',
      subject: rootName,
      issuer: rootIssuer,
      subjectKey: root,
      notBefore,
      notAfter: new Date(now.getTime() + 10 * 365 * day),
      extensions: [
        basicConstraints(true),
        keyUsage('keyCertSign', 'cRLSign'),
        subjectKeyIdentifier(root.keyId),
      ],
    })
    const intermediateCert = await issue(algorithm, {
      role: 'intermediate',
      fileStem: 'int',
      subject: intermediateName,
      issuer: rootIssuer,
      subjectKey: intermediate,
      notBefore,
      notAfter: new Date(now.getTime() + 5 * 365 * day),
      // No EKU on the intermediate: an EKU there would also constrain the delegated responder it
      // issues (Mozilla enforces EKU chaining), and RFC 5280 does not require one.
      // digitalSignature because this key signs OCSP responses itself (RFC 6960 4.2.2.2).
      extensions: [
        basicConstraints(true, 0),
        keyUsage('digitalSignature', 'keyCertSign', 'cRLSign'),
        subjectKeyIdentifier(intermediate.keyId),
        authorityKeyIdentifier(root.keyId),
        authorityInfoAccess({ ocsp: demoUrls.ocsp, caIssuers: demoUrls.rootCert }),
      ],
    })
    const leafCert = await issue(algorithm, {
      role: 'leaf',
      fileStem: 'leaf',
      subject: leafSubject,
      issuer: intermediateIssuer,
      subjectKey: leaf,
      notBefore,
      notAfter: new Date(now.getTime() + 90 * day),
      extensions: [
        basicConstraints(false),
        // RSA key exchange (TLS 1.2 RSA suites) encrypts to the key; ECDSA keys only sign.
        algorithm === 'RSA-2048'
          ? keyUsage('digitalSignature', 'keyEncipherment')
          : keyUsage('digitalSignature'),
        extKeyUsage(oids.serverAuth),
        subjectKeyIdentifier(leaf.keyId),
        authorityKeyIdentifier(intermediate.keyId),
        authorityInfoAccess({
          ocsp: options.leafOcspUrl ?? demoUrls.ocsp,
          caIssuers: demoUrls.intermediateCert,
        }),
        subjectAltNameDns(leafName),
        certificatePolicies(oids.domainValidated),
        ...(options.mustStaple ? [tlsFeatureMustStaple()] : []),
      ],
    })
    const responderCert = await issue(algorithm, {
      role: 'responder',
      fileStem: 'responder',
      subject: responderName,
      issuer: intermediateIssuer,
      subjectKey: responder,
      notBefore,
      notAfter: new Date(now.getTime() + 90 * day),
      // RFC 6960 4.2.2.2: a delegated responder is issued by the CA with id-kp-OCSPSigning;
      // 4.2.2.2.1: nocheck, so clients do not ask about the responder's own status.
      extensions: [
        keyUsage('digitalSignature'),
        extKeyUsage(oids.ocspSigning),
        ocspNoCheck(),
        subjectKeyIdentifier(responder.keyId),
        authorityKeyIdentifier(intermediate.keyId),
      ],
    })
    return {
      ok: true,
      value: {
        keyAlgorithm: algorithm,
        mustStaple: options.mustStaple,
        leafName,
        createdAt: now,
        id,
        root: rootCert,
        intermediate: intermediateCert,
        leaf: leafCert,
        responder: responderCert,
        signingKeys: { intermediate: intermediate.keys.privateKey, responder: responder.keys.privateKey },
        ...(options.exportLeafKey
          ? { leafKeyPkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', leaf.keys.privateKey)) }
          : {}),
      },
    }
  } catch (e) {
    return { ok: false, error: { code: 'crypto', message: `signing a demo certificate failed: ${why(e)}` } }
  }
}

export function why(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
