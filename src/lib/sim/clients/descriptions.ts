/**
 * What each client profile does, in words: the sentences the "What this client does" panel lists
 * (components/compare/panels/ClientPanel.svelte) and docs/model.md repeats, each with where it is
 * written, and the versions and dates they hold for. The profile modules beside this one (chrome.ts,
 * firefox136.ts...) hold the policies the engine runs, with the same sources in their comments; a
 * change to a client's behaviour changes both. Apart from the policies so that the diagrams, which run
 * them on the first screen, do not carry these sentences (issue 14: the first screen under 75 kB).
 */
import type { Client } from '../types.ts'
import type { ClientBehaviour } from './profile.ts'

export interface ClientDescription {
  /** The versions and dates the profile holds for. */
  holdsFor: string
  behaviours: readonly ClientBehaviour[]
}

export const clientDescriptions: Record<Client, ClientDescription> = {
  textbook: {
    holdsFor: 'the RFCs, not a particular browser',
    behaviours: [
      {
        says: 'No check: makes no revocation check at all.',
        source: 'the baseline row, no RFC client',
      },
      {
        says: 'Plain OCSP: asks the responder itself; soft-fail goes on when no answer comes, hard-fail refuses.',
        source: 'RFC 6960; Firefox security.OCSP.require',
      },
      {
        says: 'Stapling: uses a valid staple and never contacts the CA itself.',
        source: 'RFC 6066 section 8',
      },
      {
        says: 'Must-staple: refuses the certificate without a valid staple.',
        source: 'RFC 7633 section 4.2.3',
      },
      {
        says: 'TLS 1.2: waits for the server’s Finished (two round trips).',
        source: 'RFC 5246 section 7.3',
      },
    ],
  },
  chrome: {
    holdsFor: 'Chrome and Edge 2026 (Chromium’s own certificate verifier)',
    behaviours: [
      {
        says: 'Never fetches OCSP itself, even when the certificate names a responder.',
        source: 'chromium.org/Home/chromium-security/crlsets: online checks "not generally performed"',
      },
      {
        says: 'Checks a stapled response for the leaf: a stapled revoked fails the connection, a stapled good ends the check.',
        source: 'Chromium net/cert/internal/revocation_checker.cc, CheckRevocationOfCert',
      },
      {
        says: 'A staple past its nextUpdate or an error staple is ignored, and Chrome goes on.',
        source: 'revocation_checker.cc: an UNKNOWN result falls through to the (disabled) online check',
      },
      {
        says: 'Ignores must-staple.',
        source:
          'Chung et al., IMC 2018; APNIC blog 2019: only Firefox rejected a must-staple certificate without a staple',
      },
      {
        says: 'Blocks revoked certificates only through its CRLSet, a small list pushed with updates.',
        source: 'chromium.org/Home/chromium-security/crlsets',
      },
      {
        says: 'TLS 1.2: False Start sends data after one round trip.',
        source: 'RFC 7918',
      },
    ],
  },
  'firefox-136': {
    holdsFor: 'Firefox up to 136 (March 2025) and ESR 128, desktop',
    behaviours: [
      {
        says: 'Fetches OCSP itself for a certificate that names a responder and comes without a valid staple: soft-fail after 2 s by default, hard-fail after 10 s with security.OCSP.require.',
        source: 'gecko-dev nsNSSComponent.cpp; NSSCertDBTrustDomain.cpp GetOCSPTimeout',
      },
      {
        says: 'Uses a valid staple instead of fetching; a stapled revoked fails the connection.',
        source: 'NSSCertDBTrustDomain.cpp CheckRevocation',
      },
      {
        says: 'An expired or tryLater staple makes it fetch; if that fetch fails too, it refuses, even in soft-fail.',
        source: 'NSSCertDBTrustDomain.cpp HandleOCSPFailure; test_ocsp_stapling_expired.js',
      },
      {
        says: 'Must-staple checks that a staple is present: no staple fails the connection (after the revocation check), a bad staple falls back to the fetch above.',
        source:
          'mozilla::pkix pkixcheck.cpp TLSFeaturesSatisfiedInternal; CertVerifier.cpp VerifySSLServerCert; Firefox 45 (March 2016)',
      },
      {
        says: 'A certificate without an OCSP URL is accepted without a check.',
        source: 'NSSCertDBTrustDomain.cpp CheckRevocation: aiaLocation.IsVoid() returns Success',
      },
      {
        says: 'TLS 1.2: False Start sends data after one round trip.',
        source: 'gecko-dev nsNSSComponent.cpp security.ssl.enable_false_start (default true); RFC 7918',
      },
    ],
  },
  'firefox-142': {
    holdsFor: 'Firefox 142 (August 2025) and later, desktop',
    behaviours: [
      {
        says: 'CRLite decides for every certificate in Certificate Transparency logs: revoked or not, with no network request.',
        source:
          'gecko-dev NSSCertDBTrustDomain.cpp CheckRevocation (CRLiteMode::Enforce); hacks.mozilla.org, August 2025',
      },
      {
        says: 'Never fetches OCSP for a domain-validated certificate; a staple does not change CRLite’s answer.',
        source: 'hacks.mozilla.org, August 2025: OCSP for DV certificates disabled in Firefox 142',
      },
      {
        says: 'CRLite is downloaded every 12 hours: a revocation newer than the last download is not known yet (this model assumes it is).',
        source: 'hacks.mozilla.org, August 2025',
      },
      {
        says: 'Must-staple is still checked for presence: no staple fails the connection.',
        source: 'gecko-dev CertVerifier.cpp VerifySSLServerCert, CheckTLSFeaturesAreSatisfied',
      },
      {
        says: 'TLS 1.2: False Start sends data after one round trip.',
        source: 'gecko-dev nsNSSComponent.cpp security.ssl.enable_false_start; RFC 7918',
      },
    ],
  },
  safari: {
    holdsFor: 'Safari on macOS and iOS, 2026 (trustd)',
    behaviours: [
      {
        says: 'Checks Apple’s pushed revocation list (valid.apple.com) first; this model takes it to list the revocation (its coverage and delay are unconfirmed).',
        source: 'Apple Security trustd SecRevocationServer.c: "Check valid database first"',
      },
      {
        says: 'Then checks a stapled response: a stapled revoked fails the connection.',
        source: 'SecRevocationServer.c: SecORVCProcessStapledResponses',
      },
      {
        says: 'Fetches OCSP only for EV certificates or when an app asks for it, never for an ordinary certificate.',
        source: 'SecRevocationServer.c: allow_fetch',
      },
      {
        says: 'Does not enforce must-staple (unconfirmed: no TLS Feature check found in trustd).',
        source: 'Chung et al., IMC 2018; APNIC blog 2019',
      },
      {
        says: 'TLS 1.2: no False Start modelled (unconfirmed).',
        source: 'RFC 7918',
      },
    ],
  },
  curl: {
    holdsFor: 'curl 7.41.0 (2015) and later with OpenSSL, 2026',
    behaviours: [
      {
        says: 'Requires a valid staple: no staple, an expired one or an error response fails the transfer.',
        source: 'curl docs/cmdline-opts/cert-status.d; lib/vtls/openssl.c verifystatus()',
      },
      {
        says: 'A stapled revoked fails the transfer; a stapled good one is trusted until its nextUpdate.',
        source: 'curl lib/vtls/openssl.c verifystatus()',
      },
      {
        says: 'Never fetches OCSP itself, and without --cert-status checks no revocation at all.',
        source: 'curl docs/cmdline-opts/cert-status.d',
      },
      {
        says: 'TLS 1.2: no False Start (OpenSSL does not implement it).',
        source: 'RFC 7918',
      },
    ],
  },
}
