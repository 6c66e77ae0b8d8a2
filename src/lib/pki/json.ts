/**
 * The `inspect --json` contract: one flat JSON object per inspected object. Other tools rely on
 * these exact fields (see src/cli/inspect.ts), so this mapping is the only place they are made.
 */
import type {
  CertID,
  CertStatus,
  CRLReason,
  CertIdHashAlgorithm,
  InspectedObject,
  ParseNote,
  ParseNoteCode,
  ResponderID,
  ResponseStatus,
} from './types.ts'

export interface CertIdJson {
  hashAlgorithm: CertIdHashAlgorithm
  issuerNameHash: string
  issuerKeyHash: string
  serialNumber: string
}

export interface SingleResponseJson {
  certId: CertIdJson
  certStatus: CertStatus
  revocationTime?: string
  revocationReason?: CRLReason
  thisUpdate: string
  nextUpdate?: string
}

interface Base {
  source: string
  index: number
}

/** What the object breaks but is shown with (a negative serial, an empty list...): see ParseNote. */
export interface NoteJson {
  code: ParseNoteCode
  message: string
}

/** Present only when there is at least one note, so the JSON of ordinary objects is unchanged. */
interface Noted {
  notes?: NoteJson[]
}

export interface CertificateJson extends Base, Noted {
  kind: 'certificate'
  serialNumber: string
  subject: string
  issuer: string
  notBefore: string
  notAfter: string
  ocspUrls: string[]
  caIssuersUrls: string[]
  crlUrls: string[]
  mustStaple: boolean
  isCA: boolean
  sha256Fingerprint: string
  signatureAlgorithm: string
  publicKeyAlgorithm: string
}

export interface OcspResponseJson extends Base, Noted {
  kind: 'ocspResponse'
  responseStatus: ResponseStatus
  producedAt?: string
  responderId?: ResponderID
  responses?: SingleResponseJson[]
  nonce?: string
  certificates?: number
  signatureAlgorithm?: string
}

export interface OcspRequestJson extends Base, Noted {
  kind: 'ocspRequest'
  requests: { certId: CertIdJson }[]
  nonce?: string
}

export interface ErrorJson extends Base {
  kind: 'error'
  error: { code: string; message: string }
}

export type InspectJson = CertificateJson | OcspResponseJson | OcspRequestJson | ErrorJson

/** OpenSSL's names for public key algorithms, as `openssl x509 -text` prints them. */
const opensslKeyNames: Record<string, string> = {
  RSA: 'rsaEncryption',
  'RSASSA-PSS': 'rsassaPss',
  EC: 'id-ecPublicKey',
  Ed25519: 'ED25519',
  Ed448: 'ED448',
  X25519: 'X25519',
  X448: 'X448',
  DSA: 'dsaEncryption',
}

const certIdJson = (c: CertID): CertIdJson => ({
  hashAlgorithm: c.hashAlgorithm,
  issuerNameHash: c.issuerNameHash,
  issuerKeyHash: c.issuerKeyHash,
  serialNumber: c.serialNumber,
})

function withNotes<T extends Noted>(out: T, notes: ParseNote[] | undefined): T {
  if (notes?.length) out.notes = notes.map((n) => ({ code: n.code, message: n.message }))
  return out
}

export function inspectJson(obj: InspectedObject): InspectJson {
  const base = { source: obj.source, index: obj.index }
  const r = obj.result
  if (!r.ok) return { ...base, kind: 'error', error: { code: r.error.code, message: r.error.message } }
  const v = r.value
  switch (v.kind) {
    case 'certificate':
      return withNotes<CertificateJson>(
        {
          ...base,
          kind: 'certificate',
          serialNumber: v.serialNumber,
          subject: v.subject,
          issuer: v.issuer,
          notBefore: v.notBefore,
          notAfter: v.notAfter,
          ocspUrls: v.ocspUrls,
          caIssuersUrls: v.caIssuersUrls,
          crlUrls: v.crlUrls,
          mustStaple: v.mustStaple,
          isCA: v.isCA,
          sha256Fingerprint: v.sha256Fingerprint,
          signatureAlgorithm: v.signatureAlgorithm,
          publicKeyAlgorithm: opensslKeyNames[v.publicKey.algorithm] ?? v.publicKey.algorithm,
        },
        v.notes,
      )
    case 'ocspResponse': {
      const out = withNotes<OcspResponseJson>(
        { ...base, kind: 'ocspResponse', responseStatus: v.responseStatus },
        v.notes,
      )
      const b = v.basic
      if (!b) return out
      out.producedAt = b.producedAt
      out.responderId = b.responderId
      out.responses = b.responses.map((s) => {
        const one: SingleResponseJson = {
          certId: certIdJson(s.certId),
          certStatus: s.certStatus,
          thisUpdate: '',
        }
        if (s.revocationTime !== undefined) one.revocationTime = s.revocationTime
        if (s.revocationReason !== undefined) one.revocationReason = s.revocationReason
        one.thisUpdate = s.thisUpdate
        if (s.nextUpdate !== undefined) one.nextUpdate = s.nextUpdate
        return one
      })
      if (b.nonce !== undefined) out.nonce = b.nonce
      out.certificates = b.certificates.length
      out.signatureAlgorithm = b.signatureAlgorithm
      return out
    }
    case 'ocspRequest': {
      const out = withNotes<OcspRequestJson>(
        {
          ...base,
          kind: 'ocspRequest',
          requests: v.requests.map((q) => ({ certId: certIdJson(q.certId) })),
        },
        v.notes,
      )
      if (v.nonce !== undefined) out.nonce = v.nonce
      return out
    }
    case 'privateKey':
      return { ...base, kind: 'error', error: { code: 'private-key', message: v.summary } }
    default:
      return { ...base, kind: 'error', error: { code: 'unsupported', message: v.summary } }
  }
}
