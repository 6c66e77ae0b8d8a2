/** nginx (Debian 12: 1.22.1) with `ssl_stapling on`: lazy, per worker, only good responses. */
import type { ServerConfigInput, ServerLaunch, ServerProfile } from './types.ts'

const stapling = 'https://github.com/nginx/nginx/blob/release-1.22.1/src/event/ngx_event_openssl_stapling.c'

/**
 * A whole nginx.conf around `serverBlock`, with every path nginx writes inside `dir`: the
 * calibration runs it, and the config generator's tests check its server block with `nginx -t`.
 */
export function nginxMainConfig(dir: string, serverBlock: string): string {
  // One worker: nginx keeps its staple per worker process, so with several workers the first
  // connection to each would go without one.
  return `daemon off;
master_process on;
worker_processes 1;
user root;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log info;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
${serverBlock}}
`
}

function launch(i: ServerConfigInput): ServerLaunch {
  // TLS 1.3 must be listed (1.22's default stops at 1.2).
  const conf = nginxMainConfig(
    i.dir,
    `  server {
    listen 127.0.0.1:${i.port} ssl;
    server_name ${i.serverName};
    ssl_certificate ${i.chain};
    ssl_certificate_key ${i.leafKey};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_stapling on;
    ssl_stapling_verify on;
    ssl_trusted_certificate ${i.trustedChain};
    location / { return 200 "ok\\n"; }
  }
`,
  )
  return {
    files: { 'nginx.conf': conf },
    command: 'nginx',
    args: ['-p', i.dir, '-c', `${i.dir}/nginx.conf`],
    env: {},
  }
}

export const nginx: ServerProfile = {
  id: 'nginx',
  name: 'nginx',
  debianPackage: 'nginx',
  binary: 'nginx',
  versions: '1.22.1 (Debian 12); the stapling code is unchanged through 1.27',
  strategy: 'lazy',
  // ngx_ssl_certificate_status_callback staples only while staple->valid >= ngx_time().
  stapleWindowSeconds: 0,
  stapleErrors: false,
  stapleFile: 'none',
  facts: [
    {
      claim:
        'Lazy: the first handshake after start goes without a staple and starts the fetch (ngx_ssl_certificate_status_callback calls ngx_ssl_stapling_update).',
      source: stapling,
    },
    {
      claim:
        'Staples only a good response: any other certStatus is logged ("certificate status ... in the OCSP response") and dropped.',
      source: stapling,
    },
    {
      claim:
        'Staples only while valid >= now (nextUpdate); refreshes at max(min(nextUpdate - 5 min, now + 1 h), now + 5 min); a failed fetch is retried after 5 min.',
      source: stapling,
    },
    { claim: 'An error response (tryLater, internalError) is never stapled.', source: stapling },
  ],
  versionCommand: { command: 'nginx', args: ['-v'], pattern: /nginx\/(\S+)/ },
  launch,
}
