/**
 * buildOcspRequest: the OCSPRequest (RFC 6960 4.1.1) a client would send about a certificate,
 * with the URL and the commands to send it yourself. It never sends anything: the page makes no
 * network request (see vite.config.ts, connect-src 'none').
 *
 * The certificate and its issuer are read by the parser (inspectBytes), which checks them and
 * gives each element's byte offsets; the CertID is hashed from those exact bytes, so the request
 * equals what `openssl ocsp -issuer ... -cert ... -reqout` writes (see the tests).
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { makeCertId } from './demoCa/certId.ts'
import { base64, derOf, type Der } from './demoCa/encoding.ts'
import { nonceOid } from './oids.ts'
import { toHex } from './values.ts'
import { extension } from './demoCa/extensions.ts'
import type { HashName } from './demoCa/keys.ts'
import { inspectBytes } from './inspect.ts'
import type { Asn1Node, CertificateInfo, Result } from './types.ts'
import { equalBytes } from './values.ts'

export interface OcspRequestBuildOptions {
  /** The certificate to ask about: DER (or PEM). */
  certDer: Uint8Array
  /** Its issuer's certificate: DER (or PEM). */
  issuerDer: Uint8Array
  hashAlgorithm: HashName
  /** Add a random 16-byte nonce (RFC 8954; 16 bytes is openssl's default length). */
  nonce: boolean
  /** File names the commands use; default cert.pem and issuer.pem. */
  certFile?: string
  issuerFile?: string
}

export interface BuiltOcspRequest {
  der: Uint8Array<ArrayBuffer>
  /** The first http(s) OCSP URL of the certificate's AIA, or null when it has none. */
  ocspUrl: string | null
  /** RFC 6960 Appendix A.1: responder URL + "/" + URL-encoded base64 of the DER; null without ocspUrl. */
  getUrl: string | null
  /** Length of getUrl in bytes (0 without one). */
  getUrlBytes: number
  /**
   * RFC 5019 section 5 (obsoleted by RFC 9919, same rule): a client MUST use GET when the whole
   * encoded URL is at most 255 bytes, so that responses can be cached; POST otherwise.
   */
  getPreferred: boolean
  /** Sends the request with openssl (-url) or, without a URL, writes it to request.der (-reqout). */
  opensslCommand: string
  /** POST with curl; null without ocspUrl. */
  curlCommand: string | null
  /** GET with curl; null without ocspUrl. */
  curlGetCommand: string | null
  /** Lowercase hex of the nonce, or null. */
  nonceHex: string | null
  certId: { hashAlgorithm: HashName; issuerNameHash: string; issuerKeyHash: string; serialNumber: string }
  /** False when the certificate's issuer name is not byte-for-byte the issuer's subject: wrong issuer? */
  issuerMatches: boolean
}

/** For the page's cert.pem and issuer.pem downloads, which the commands name. */
export { toPem } from './demoCa/encoding.ts'

const requestFileName = 'request.der'
export const responseFileName = 'response.der'

/** Leave words made of these characters as they are; quote anything else for a POSIX shell. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9._~:/%+=@,-]+$/.test(s)) return s
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/** A URL we are willing to print in a command: http(s), printable ASCII, no spaces. */
function usableUrl(url: string): boolean {
  return /^https?:\/\/[\x21-\x7e]+$/i.test(url)
}

interface CertificateBytes {
  info: CertificateInfo
  der: Uint8Array<ArrayBuffer>
  issuerName: Uint8Array<ArrayBuffer>
  subjectName: Uint8Array<ArrayBuffer>
  publicKeyBits: Uint8Array<ArrayBuffer>
  serialContent: Uint8Array<ArrayBuffer>
}

function whole(der: Uint8Array<ArrayBuffer>, node: Asn1Node): Uint8Array<ArrayBuffer> {
  return der.slice(node.offset, node.offset + node.headerLength + node.length)
}

function content(der: Uint8Array<ArrayBuffer>, node: Asn1Node): Uint8Array<ArrayBuffer> {
  const start = node.offset + node.headerLength
  return der.slice(start, start + node.length)
}

async function readCertificate(bytes: Uint8Array, role: string): Promise<Result<CertificateBytes>> {
  const [object] = await inspectBytes(role, bytes)
  if (!object) return { ok: false, error: { code: 'empty', message: `the ${role} is empty` } }
  if (!object.result.ok) {
    return {
      ok: false,
      error: { ...object.result.error, message: `the ${role}: ${object.result.error.message}` },
    }
  }
  const info = object.result.value
  if (info.kind !== 'certificate' || !object.asn1) {
    return {
      ok: false,
      error: { code: 'unsupported', message: `the ${role} is not a certificate (it is ${info.kind})` },
    }
  }
  // TBSCertificate ::= SEQUENCE { version [0] EXPLICIT, serialNumber, signature, issuer, validity,
  // subject, subjectPublicKeyInfo, ... } (RFC 5280 4.1); the parser has already checked this shape.
  const tbs = object.asn1.children[0].children
  const at = tbs[0].tagClass === 'context' && tbs[0].tagNumber === 0 ? 1 : 0
  const [serial, , issuer, , subject, spki] = tbs.slice(at)
  const bits = content(object.der, spki.children[1])
  return {
    ok: true,
    value: {
      info,
      der: object.der,
      issuerName: whole(object.der, issuer),
      subjectName: whole(object.der, subject),
      // Drop the BIT STRING's unused-bits octet: issuerKeyHash covers the key bits only.
      publicKeyBits: bits.slice(1),
      serialContent: content(object.der, serial),
    },
  }
}

export async function buildOcspRequest(options: OcspRequestBuildOptions): Promise<Result<BuiltOcspRequest>> {
  try {
    const cert = await readCertificate(options.certDer, 'certificate')
    if (!cert.ok) return cert
    const issuer = await readCertificate(options.issuerDer, 'issuer certificate')
    if (!issuer.ok) return issuer

    const certId = await makeCertId({
      hashAlgorithm: options.hashAlgorithm,
      issuerNameDer: issuer.value.subjectName,
      issuerKeyBits: issuer.value.publicKeyBits,
      serialContent: cert.value.serialContent,
    })
    const nonce = options.nonce ? crypto.getRandomValues(new Uint8Array(16)) : undefined
    // OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT OPTIONAL }
    // TBSRequest ::= SEQUENCE { version [0] DEFAULT v1, requestorName [1] OPTIONAL,
    //   requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }
    // pkijs writes a version only when one is given: none here, as DER leaves a default out.
    const request = new pkijs.OCSPRequest({
      tbsRequest: new pkijs.TBSRequest({
        requestList: [new pkijs.Request({ reqCert: certId.certId })],
        ...(nonce
          ? { requestExtensions: [extension(nonceOid, false, new asn1js.OctetString({ valueHex: nonce }))] }
          : {}),
      }),
    })
    // true: encode the fields above (false would reuse bytes read by fromBER, and there are none).
    const der: Der = derOf(request.toSchema(true))

    const ocspUrl = cert.value.info.ocspUrls.find(usableUrl) ?? null
    const getUrl =
      ocspUrl === null ? null : `${ocspUrl.replace(/\/$/, '')}/${encodeURIComponent(base64(der))}`
    const getUrlBytes = getUrl === null ? 0 : new TextEncoder().encode(getUrl).length

    const certFile = shellQuote(options.certFile ?? 'cert.pem')
    const issuerFile = shellQuote(options.issuerFile ?? 'issuer.pem')
    // openssl builds the CertID as it reads -cert, with the -issuer and digest given before it.
    const opensslParts = [
      'openssl ocsp',
      `-issuer ${issuerFile}`,
      ...(options.hashAlgorithm === 'sha256' ? ['-sha256'] : []),
      `-cert ${certFile}`,
      ...(ocspUrl === null ? [] : [`-url ${shellQuote(ocspUrl)}`]),
      ...(options.nonce ? [] : ['-no_nonce']),
      ...(ocspUrl === null ? [`-reqout ${requestFileName}`, '-req_text'] : ['-resp_text']),
    ]
    const curlCommand =
      ocspUrl === null
        ? null
        : `curl -s -H 'Content-Type: application/ocsp-request' --data-binary @${requestFileName} ${shellQuote(ocspUrl)} -o ${responseFileName}`
    const curlGetCommand = getUrl === null ? null : `curl -s ${shellQuote(getUrl)} -o ${responseFileName}`

    return {
      ok: true,
      value: {
        der,
        ocspUrl,
        getUrl,
        getUrlBytes,
        getPreferred: getUrl !== null && getUrlBytes <= 255,
        opensslCommand: opensslParts.join(' '),
        curlCommand,
        curlGetCommand,
        nonceHex: nonce ? toHex(nonce) : null,
        certId: {
          hashAlgorithm: options.hashAlgorithm,
          issuerNameHash: toHex(certId.issuerNameHash),
          issuerKeyHash: toHex(certId.issuerKeyHash),
          serialNumber: cert.value.info.serialNumber,
        },
        issuerMatches: equalBytes(cert.value.issuerName, issuer.value.subjectName),
      },
    }
  } catch (e) {
    const message = `could not build the OCSP request: ${e instanceof Error ? e.message : String(e)}`
    return { ok: false, error: { code: 'malformed', message } }
  }
}
