/** HAProxy 2.6 (Debian 12): staples the DER file next to the certificate; it fetches nothing itself. */
import type { ServerConfigInput, ServerLaunch, ServerProfile } from './types.ts'

const docs = 'https://docs.haproxy.org/2.6/configuration.html#5.1-crt'

function launch(i: ServerConfigInput): ServerLaunch {
  const cfg = `global
  log stderr format short local0 info
defaults
  mode http
  timeout connect 5s
  timeout client 5s
  timeout server 5s
frontend tls
  bind 127.0.0.1:${i.port} ssl crt ${i.combined}
  http-request return status 200 content-type text/plain string ok
`
  return {
    files: { 'haproxy.cfg': cfg },
    command: 'haproxy',
    args: ['-db', '-f', `${i.dir}/haproxy.cfg`],
    env: {},
  }
}

export const haproxy: ServerProfile = {
  id: 'haproxy',
  name: 'HAProxy',
  debianPackage: 'haproxy',
  binary: 'haproxy',
  versions: '2.6.12 (Debian 12); ocsp-update, which fetches by itself, came in 2.8',
  strategy: 'static',
  // ssl_sock_ocsp_stapling_cbk: no staple once ocsp->expire (nextUpdate - OCSP_MAX_RESPONSE_TIME_SKEW,
  // 300 s) has passed.
  stapleWindowSeconds: -300,
  stapleErrors: false,
  stapleFile: 'ocsp-next-to-crt',
  facts: [
    {
      claim:
        'Loads a DER OCSP response from the file named like the certificate plus ".ocsp" at start and staples it; it never contacts the responder (updates come from a cron job or "set ssl ocsp-response" on the stats socket).',
      source: docs,
    },
    {
      claim:
        'Stops stapling the file 300 s before its nextUpdate (ssl_sock_ocsp_stapling_cbk: expire = nextUpdate - OCSP_MAX_RESPONSE_TIME_SKEW); a file with less than that left is never stapled (measured: docs/calibration.md, near-expiry).',
      source: 'https://github.com/haproxy/haproxy/blob/v2.6.0/src/ssl_sock.c',
    },
    {
      claim:
        'Staples a revoked response from the file as it is; a file that is not a successful response is refused.',
      source: docs,
    },
  ],
  versionCommand: { command: 'haproxy', args: ['-v'], pattern: /HAProxy version (\S+)/ },
  launch,
}
