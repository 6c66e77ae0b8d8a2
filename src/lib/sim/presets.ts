/**
 * Named starting points for the page and the CLI. Each is a partial scenario over the defaults;
 * the values and their sources are listed in docs/model.md ("Presets").
 */
import type { Scenario } from './types.ts'

export interface Preset {
  id: string
  name: string
  description: string
  scenario: Partial<Scenario>
}

export const presets: readonly Preset[] = [
  {
    id: 'default',
    name: 'Typical broadband',
    description:
      'A CDN-served site and responder 50 ms away: OCSP adds about as much as Mozilla measured (~100 ms).',
    scenario: {},
  },
  {
    id: 'fast-fibre',
    name: 'Fast fibre',
    description:
      'Short round trips everywhere: even a direct OCSP check costs little time, but it still tells the CA.',
    scenario: { rttServerMs: 10, rttResponderMs: 12, rttDnsMs: 5, rttServerResponderMs: 8 },
  },
  {
    id: 'mobile-3g',
    name: 'Mobile 3G',
    description: 'Long, jittery round trips with some loss: every extra round trip to the CA hurts.',
    scenario: {
      rttServerMs: 300,
      rttResponderMs: 320,
      rttDnsMs: 200,
      jitterMs: 60,
      lossRate: 0.02,
    },
  },
  {
    id: 'long-chain',
    name: 'Long chain plus staple',
    description:
      'A 13.5 KB chain: with the browsers’ post-quantum key share the first flight overflows TCP’s initial window on every row (one more round trip); with x25519 only the staple tips it over.',
    scenario: { chainBytes: 13_500, ocspResponseBytes: 1_500 },
  },
  {
    id: 'responder-outage',
    name: 'Responder outage',
    description:
      'The CA’s responder is down: soft-fail waits out its timeout, hard-fail fails, stapling is untouched.',
    scenario: { responder: 'down' },
  },
  {
    id: 'responder-slow',
    name: 'Slow responder',
    description: 'The responder answers after 1.5 s: every client that checks for itself waits that long.',
    scenario: { responder: 'slow' },
  },
  {
    id: 'attacker-blocks-ocsp',
    name: 'Attacker blocks OCSP',
    description:
      'An attacker with a revoked certificate drops the client’s OCSP traffic: soft-fail accepts the revoked certificate.',
    scenario: { responder: 'blocked', certStatus: 'revoked', staple: 'none' },
  },
  {
    id: 'attacker-resets-ocsp',
    name: 'Attacker resets OCSP',
    description:
      'The attacker forges a TCP reset: soft-fail gives up at once and accepts the revoked certificate.',
    scenario: { responder: 'reset', certStatus: 'revoked', staple: 'none' },
  },
  {
    id: 'stolen-key-replayed-staple',
    name: 'Stolen key, replayed staple',
    description:
      'An attacker with the stolen key staples a good response fetched before the revocation: every client that trusts a valid staple, must-staple included, accepts the revoked certificate until that response’s nextUpdate.',
    scenario: { certStatus: 'revoked', staple: 'pre-revocation', responder: 'blocked' },
  },
  {
    id: 'server-restarted-nginx',
    name: 'Server just restarted (nginx-like)',
    description:
      'nginx has no staple after a restart: the first handshake goes without one while it fetches in the background.',
    scenario: { serverStrategy: 'lazy', staple: 'none' },
  },
  {
    id: 'server-restarted-apache',
    name: 'Server just restarted (Apache-like)',
    description: 'Apache fetches inside the first handshake after a restart: that client waits for the CA.',
    scenario: { serverStrategy: 'blocking', staple: 'none' },
  },
  {
    id: 'stale-staple',
    name: 'Forgotten staple file',
    description:
      'A static staple file nobody refreshed is past its nextUpdate: must-staple clients refuse it.',
    scenario: { serverStrategy: 'static', staple: 'stale' },
  },
  {
    id: 'tls12',
    name: 'TLS 1.2',
    description:
      'The full TLS 1.2 handshake takes two round trips (one for a browser with False Start, RFC 7918); the staple travels in a CertificateStatus message.',
    scenario: { tls: '1.2' },
  },
  {
    id: 'resumed',
    name: 'Resumed session',
    description: 'Resumption sends no certificate, so no revocation check happens at all, whatever the mode.',
    scenario: { resumed: true },
  },
]

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id)
}
