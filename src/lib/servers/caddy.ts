/** Caddy 2 (CertMagic) with its own certificate files: fetches at start, staples only good. */
import type { ServerConfigInput, ServerLaunch, ServerProfile } from './types.ts'

const ocsp = 'https://github.com/caddyserver/certmagic/blob/v0.17.2/ocsp.go'

function launch(i: ServerConfigInput): ServerLaunch {
  // admin off and a storage folder inside dir: nothing is written outside the temporary folder,
  // and no staple persisted by an earlier run is reused (CertMagic keeps staples in storage).
  const caddyfile = `{
  admin off
  auto_https disable_redirects
  storage file_system ${i.dir}/caddy-data
  log {
    output file ${i.dir}/caddy.log
    level DEBUG
  }
}
https://${i.serverName}:${i.port} {
  bind 127.0.0.1
  tls ${i.chain} ${i.leafKey}
  respond "ok"
}
`
  return {
    files: { Caddyfile: caddyfile },
    command: 'caddy',
    args: ['run', '--config', `${i.dir}/Caddyfile`, '--adapter', 'caddyfile'],
    env: { HOME: i.dir, XDG_DATA_HOME: `${i.dir}/xdg-data`, XDG_CONFIG_HOME: `${i.dir}/xdg-config` },
  }
}

export const caddy: ServerProfile = {
  id: 'caddy',
  name: 'Caddy',
  debianPackage: 'caddy',
  binary: 'caddy',
  versions: '2.6.2 (Debian 12, CertMagic 0.17)',
  strategy: 'proactive',
  // updateOCSPStaples keeps cert.ocsp when a refresh fails, and nothing else removes it.
  stapleWindowSeconds: Infinity,
  stapleErrors: false,
  stapleFile: 'none',
  facts: [
    {
      claim:
        'Fetches when it loads the certificate, before it serves; refreshes from its maintenance loop at half the validity.',
      source: ocsp,
    },
    {
      claim:
        'Keeps stapling the response it holds past its nextUpdate until a refresh succeeds (a failed refresh keeps the old staple; the maintenance loop runs hourly, DefaultOCSPCheckInterval).',
      source: 'https://github.com/caddyserver/certmagic/blob/v0.17.2/maintain.go',
    },
    { claim: 'Staples only a good response (stapleOCSP: ocspResp.Status == ocsp.Good).', source: ocsp },
  ],
  versionCommand: { command: 'caddy', args: ['version'], pattern: /v?(\d+\.\d+\.\d+)/ },
  launch,
}
