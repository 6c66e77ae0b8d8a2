/**
 * The demo objects as downloadable files, each with a title and one line saying what it is: what
 * the page lists and what "Open in inspector" hands over.
 */
import { certificateFileNames, ocspVerifyCommand, responseFileName, verifyOtherPem } from './commands.ts'
import { toPem, type Der } from './encoding.ts'
import type { DemoCertificate, DemoPki, ResponseChoices } from './types.ts'
import { nameText } from '../shownName.ts'

export interface DemoFile {
  key: string
  kind: 'certificate' | 'bundle' | 'ocspResponse'
  title: string
  detail: string
  /** DER and its download name; null for the PEM-only bundle. */
  der: Der | null
  derName: string | null
  pem: string
  pemName: string
  /** For a response: the openssl command that verifies it next to the downloaded certificates. */
  verifyCommand?: string
  /** What that command prints when all is well. */
  verifyExpect?: string
}

const days = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 86_400_000)

function certificateFile(c: DemoCertificate, title: string, what: string): DemoFile {
  return {
    key: c.fileStem,
    kind: 'certificate',
    title,
    detail: `${nameText(c.subject)} · serial ${c.serialNumber} · ${what}, valid ${days(c.notBefore, c.notAfter)} days`,
    der: c.der,
    derName: `${c.fileStem}.der`,
    pem: c.pem,
    pemName: `${c.fileStem}.pem`,
  }
}

export function certificateFiles(pki: DemoPki): DemoFile[] {
  const staple = pki.mustStaple ? ', OCSP Must-Staple' : ''
  return [
    certificateFile(pki.root, 'Root CA', 'self-signed trust anchor'),
    certificateFile(pki.intermediate, 'Intermediate CA', 'issued by the root, signs the leaf and OCSP'),
    certificateFile(pki.leaf, `Leaf: ${pki.leafName}`, `TLS server certificate${staple}`),
    certificateFile(
      pki.responder,
      'Delegated OCSP responder',
      'issued by the intermediate, id-kp-OCSPSigning',
    ),
    {
      key: 'verify-other',
      kind: 'bundle',
      title: 'Bundle for -verify_other',
      detail:
        'intermediate + delegated responder, for checking a delegated response that does not embed its signer',
      der: null,
      derName: null,
      pem: verifyOtherPem(pki),
      pemName: certificateFileNames.verifyOther,
    },
  ]
}

export function describeResponse(o: ResponseChoices): string {
  const status = o.status === 'revoked' && o.revocationReason ? `revoked (${o.revocationReason})` : o.status
  const signer = o.signer === 'delegated' ? 'the delegated responder' : 'the intermediate'
  const hash = (o.hashAlgorithm ?? 'sha1') === 'sha1' ? 'SHA-1' : 'SHA-256'
  return `${status}, signed by ${signer}, valid ${o.validityHours} h, ${hash} CertID, responder ID ${o.responderId ?? 'byName'}`
}

export function responseFile(der: Der, o: ResponseChoices, sequenceNumber: number): DemoFile {
  const derName = responseFileName(o, sequenceNumber)
  const includeSignerCert = o.includeSignerCert ?? o.signer === 'delegated'
  return {
    key: `response-${sequenceNumber}`,
    kind: 'ocspResponse',
    title: `OCSP response #${sequenceNumber}`,
    detail: describeResponse(o),
    der,
    derName,
    pem: toPem(der, 'OCSP RESPONSE'),
    pemName: derName.replace(/\.der$/, '.pem'),
    verifyExpect: `Response verify OK, then leaf.pem: ${o.status}${
      o.status === 'revoked' && o.revocationReason ? ` with Reason: ${o.revocationReason}` : ''
    }`,
    verifyCommand: ocspVerifyCommand(derName, {
      hashAlgorithm: o.hashAlgorithm ?? 'sha1',
      signer: o.signer,
      includeSignerCert,
    }),
  }
}
