/** What a server can put in the status_request slot of a handshake. */
import type { CertStatus } from './types.ts'

export type Staple =
  /** A signed OCSPResponse with a certificate status; `fresh` is false past its nextUpdate. */
  | { kind: 'response'; status: CertStatus; fresh: boolean }
  /** An OCSPResponse carrying only an error status (RFC 6960 4.2.1). */
  | { kind: 'error'; status: 'tryLater' | 'internalError' }
