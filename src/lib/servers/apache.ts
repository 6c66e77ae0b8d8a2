/** Apache httpd mod_ssl (Debian 12: 2.4.x) with `SSLUseStapling on`: fetches inside the handshake. */
import type { ServerConfigInput, ServerLaunch, ServerProfile } from './types.ts'

const stapling = 'https://github.com/apache/httpd/blob/2.4.x/modules/ssl/ssl_util_stapling.c'
const docs = 'https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslusestapling'
const modules = '/usr/lib/apache2/modules'

/**
 * A whole Apache config around `body` (directives and virtual hosts), loading only the modules
 * stapling needs, with every path Apache writes inside `dir`: the calibration runs it, and the
 * config generator's tests check its stapling config with `apache2 -t`.
 */
export function apacheMainConfig(dir: string, serverName: string, body: string): string {
  return `ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/apache.pid
ErrorLog ${dir}/apache-error.log
LogLevel warn ssl:info
User www-data
Group www-data
ServerName ${serverName}
LoadModule mpm_event_module ${modules}/mod_mpm_event.so
LoadModule authz_core_module ${modules}/mod_authz_core.so
LoadModule socache_shmcb_module ${modules}/mod_socache_shmcb.so
LoadModule ssl_module ${modules}/mod_ssl.so
StartServers 1
ServerLimit 1
${body}`
}

function launch(i: ServerConfigInput): ServerLaunch {
  // SSLStaplingCache is required by SSLUseStapling (mod_ssl docs).
  const conf = apacheMainConfig(
    i.dir,
    i.serverName,
    `Listen 127.0.0.1:${i.port}
SSLStaplingCache shmcb:${i.dir}/apache-stapling(65536)
<VirtualHost 127.0.0.1:${i.port}>
  ServerName ${i.serverName}
  SSLEngine on
  SSLProtocol -all +TLSv1.2 +TLSv1.3
  SSLCertificateFile ${i.leaf}
  SSLCertificateKeyFile ${i.leafKey}
  SSLCertificateChainFile ${i.intermediate}
  SSLUseStapling on
</VirtualHost>
`,
  )
  return {
    files: { 'apache.conf': conf },
    command: 'apache2',
    args: ['-f', `${i.dir}/apache.conf`, '-DFOREGROUND'],
    env: {},
  }
}

export const apache: ServerProfile = {
  id: 'apache',
  name: 'Apache httpd (mod_ssl)',
  debianPackage: 'apache2',
  binary: 'apache2',
  versions: '2.4 (Debian 12)',
  strategy: 'blocking',
  // A cached response passes OCSP_check_validity with SSLStaplingResponseTimeSkew (default 300 s):
  // it is stapled as is until nextUpdate + 300 s, then renewed in the next handshake.
  stapleWindowSeconds: 300,
  stapleErrors: true,
  stapleFile: 'none',
  facts: [
    {
      claim:
        'Fetches inside the handshake that finds no cached response (stapling_cb -> stapling_renew_response), waiting up to SSLStaplingResponderTimeout (10 s).',
      source: stapling,
    },
    {
      claim: 'Staples a revoked response as it came (only its signature and times are checked).',
      source: stapling,
    },
    {
      claim:
        "SSLStaplingReturnResponderErrors on (default): staples the responder's error answers; SSLStaplingFakeTryLater on (default): makes up a tryLater response when the responder cannot be reached.",
      source: docs,
    },
    {
      claim:
        'A cached response is stapled until nextUpdate + SSLStaplingResponseTimeSkew (300 s), past its nextUpdate; measured with 8 s responses (docs/calibration.md, near-expiry).',
      source: stapling,
    },
    {
      claim:
        'Caches a good response for SSLStaplingStandardCacheTimeout (3600 s), an error for SSLStaplingErrorCacheTimeout (600 s).',
      source: docs,
    },
  ],
  versionCommand: { command: 'apache2', args: ['-v'], pattern: /Apache\/(\S+)/ },
  launch,
}
