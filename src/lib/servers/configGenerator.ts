/**
 * The "Your server" config generator: for a server and version, the stapling configuration with
 * one line of explanation per directive, the server's own check command, and the engine strategy
 * that models what the server then does (from the server modules, which the calibration holds
 * against the real servers: one fact, one home). Pure: no DOM, no file system.
 */
import { formatRoute } from '../route.ts'
import { scenarioToQuery, withDefaults } from '../sim/scenario.ts'
import type { ServerStrategy } from '../sim/types.ts'
import { serverProfiles } from './index.ts'
import { iisSources, iisStrategy } from './iis.ts'

export const generatorServerIds = ['nginx', 'apache', 'iis', 'caddy', 'haproxy'] as const
export type GeneratorServerId = (typeof generatorServerIds)[number]

/** Versions whose stapling directives differ get their own entry; the others share one. */
export const generatorVersions = {
  nginx: ['1.22-1.27'],
  apache: ['2.4'],
  iis: ['10'],
  caddy: ['2.6-2.10'],
  haproxy: ['2.6', '2.8-3.2'],
} as const satisfies Record<GeneratorServerId, readonly string[]>
export type GeneratorVersion<S extends GeneratorServerId = GeneratorServerId> =
  (typeof generatorVersions)[S][number]

export const generatorServerLabels: Record<GeneratorServerId, string> = {
  nginx: 'nginx',
  apache: 'Apache httpd',
  iis: 'IIS',
  caddy: 'Caddy',
  haproxy: 'HAProxy',
}

export const generatorVersionLabels: Record<GeneratorVersion, string> = {
  '1.22-1.27': '1.22 – 1.27 (Debian 12 ships 1.22.1)',
  '2.4': '2.4 (Debian 12 ships 2.4.x)',
  '10': 'IIS 10 (Windows Server 2016, 2019, 2022)',
  '2.6-2.10': '2.6 – 2.10 (Debian 12 ships 2.6.2)',
  '2.6': '2.6 – 2.7 (Debian 12 ships 2.6.12): a response file',
  '2.8-3.2': '2.8 and later: ocsp-update on',
}

/** Where the server finds its files; the page shows typical paths, the tests pass real ones. */
export interface GeneratorInput {
  server: GeneratorServerId
  version: GeneratorVersion
  serverName: string
  port: number
  /** The leaf followed by its intermediates (what the server sends). */
  certificate: string
  key: string
  /** The issuer's chain up to the root, to verify the responses the server fetches. */
  issuerChain: string
  /** Leaf, intermediates and key in one PEM file (HAProxy's crt). */
  combined: string
}

export function defaultGeneratorInput(server: GeneratorServerId): GeneratorInput {
  const dir = server === 'iis' ? 'C:\\certs' : '/etc/ssl/example.com'
  return {
    server,
    version: generatorVersions[server][0],
    serverName: 'example.com',
    port: 443,
    certificate: `${dir}/fullchain.pem`,
    key: `${dir}/privkey.pem`,
    issuerChain: `${dir}/chain.pem`,
    combined: `${dir}/combined.pem`,
  }
}

/** One line of the configuration; a directive line carries its one-line explanation. */
export interface ConfigLine {
  text: string
  explanation: string | null
}

export interface GeneratedConfig {
  server: GeneratorServerId
  version: GeneratorVersion
  language: 'nginx' | 'apache' | 'powershell' | 'caddyfile' | 'haproxy'
  /** Where it goes, in a sentence. */
  placement: string
  lines: ConfigLine[]
  /** The command that makes the server check its configuration, and what it proves. */
  check: { command: string; explanation: string }
  strategy: ServerStrategy
  /** Blocking servers only: whether the responder's error answers are stapled (Apache). */
  stapleErrors: boolean
  /** What the strategy means for this server, in one sentence. */
  strategyNote: string
  /** The documentation each directive comes from (official pages, with their version). */
  sources: string[]
}

const line = (text: string, explanation: string | null = null): ConfigLine => ({ text, explanation })

// https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_stapling (directives unchanged 1.3.7 to 1.27)
const nginxDocs = 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_stapling'
// https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslusestapling (2.4.x)
const apacheDocs = 'https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslusestapling'
const caddyDocs = 'https://caddyserver.com/docs/caddyfile/options#ocsp-stapling'
const haproxy26Docs = 'https://docs.haproxy.org/2.6/configuration.html#5.1-crt'
const haproxy28Docs = 'https://docs.haproxy.org/2.8/configuration.html#5.1-ocsp-update'

function nginxConfig(i: GeneratorInput): Omit<GeneratedConfig, 'server' | 'version'> {
  return {
    language: 'nginx',
    placement: 'In the site’s server block (e.g. /etc/nginx/sites-available/), inside http { }.',
    lines: [
      line('server {'),
      line(`    listen ${i.port} ssl;`, 'TLS on this port.'),
      line(`    server_name ${i.serverName};`, 'The site name clients send in SNI.'),
      line(
        `    ssl_certificate ${i.certificate};`,
        'The leaf then its intermediates: clients need the chain, and nginx finds the issuer in it for the OCSP request.',
      ),
      line(`    ssl_certificate_key ${i.key};`, 'The leaf’s private key.'),
      line(
        '    ssl_stapling on;',
        'Staple: nginx asks the responder named in the certificate (AIA) and sends its answer in the handshake.',
      ),
      line(
        '    ssl_stapling_verify on;',
        'Check the fetched response’s signature and status before stapling it, so a bad answer never reaches clients.',
      ),
      line(
        `    ssl_trusted_certificate ${i.issuerChain};`,
        'The issuer’s chain up to the root: what ssl_stapling_verify checks responses against (never sent to clients).',
      ),
      line(
        '    resolver 127.0.0.53 valid=300s;',
        'A DNS resolver nginx can ask at run time: without it the responder’s address is looked up once, at start.',
      ),
      line('    resolver_timeout 5s;', 'How long a lookup may take before this fetch is given up.'),
      line('}'),
    ],
    check: {
      command: 'sudo nginx -t',
      explanation:
        'Parses every file and loads the certificates; then reload it: sudo systemctl reload nginx.',
    },
    ...fromProfile('nginx'),
    sources: [nginxDocs, ...profileSources('nginx')],
  }
}

function apacheConfig(i: GeneratorInput): Omit<GeneratedConfig, 'server' | 'version'> {
  return {
    language: 'apache',
    placement:
      'SSLStaplingCache in the main server config (outside every <VirtualHost>), the rest in the site’s <VirtualHost>.',
    lines: [
      line(
        'SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000)',
        'Where responses are cached, shared by all processes: required by SSLUseStapling and allowed only outside a virtual host.',
      ),
      line(`<VirtualHost *:${i.port}>`),
      line(`    ServerName ${i.serverName}`, 'The site name clients send in SNI.'),
      line('    SSLEngine on', 'TLS for this virtual host.'),
      line(
        `    SSLCertificateFile ${i.certificate}`,
        'The leaf then its intermediates (2.4.8 and later read the chain from this file); mod_ssl finds the issuer in it.',
      ),
      line(`    SSLCertificateKeyFile ${i.key}`, 'The leaf’s private key.'),
      line(
        '    SSLUseStapling on',
        'Staple: mod_ssl asks the responder in the certificate when a handshake finds no cached response.',
      ),
      line(
        '    SSLStaplingResponderTimeout 5',
        'Seconds a handshake may wait for the responder (default 10): the fetch happens inside the handshake.',
      ),
      line(
        '    SSLStaplingReturnResponderErrors off',
        'Do not staple the responder’s error answers (tryLater, expired responses): default on.',
      ),
      line(
        '    SSLStaplingFakeTryLater off',
        'Do not make up a tryLater response when the responder cannot be reached: staple nothing instead.',
      ),
      line('</VirtualHost>'),
    ],
    check: {
      command: 'sudo apachectl -t',
      explanation:
        'Syntax OK means every directive parsed and the files exist; then reload it: sudo systemctl reload apache2.',
    },
    ...fromProfile('apache'),
    // With both options off, errors are no longer stapled: the simulator's "staple errors" is off.
    stapleErrors: false,
    sources: [apacheDocs, ...profileSources('apache')],
  }
}

function caddyConfig(i: GeneratorInput): Omit<GeneratedConfig, 'server' | 'version'> {
  return {
    language: 'caddyfile',
    placement: 'In the Caddyfile (/etc/caddy/Caddyfile): stapling needs no directive of its own.',
    lines: [
      line(`${i.serverName}:${i.port} {`, 'The site: Caddy serves it with TLS.'),
      line(
        `    tls ${i.certificate} ${i.key}`,
        'Your own certificate and key (without this line Caddy obtains one itself); Caddy staples every certificate that names a responder.',
      ),
      line('    respond "ok"', 'What the site serves (replace with your reverse_proxy or file_server).'),
      line('}'),
    ],
    check: {
      command: 'caddy validate --config /etc/caddy/Caddyfile',
      explanation:
        'Loads the certificates and builds the whole config without serving; then reload it: sudo systemctl reload caddy.',
    },
    ...fromProfile('caddy'),
    sources: [caddyDocs, ...profileSources('caddy')],
  }
}

function haproxyConfig(i: GeneratorInput): Omit<GeneratedConfig, 'server' | 'version'> {
  const frontend = [
    line('frontend https', 'Where clients connect.'),
    line('    mode http', 'HTTP after TLS.'),
  ]
  if (i.version === '2.6') {
    return {
      language: 'haproxy',
      placement:
        'In /etc/haproxy/haproxy.cfg; the response file sits next to the certificate, named like it plus ".ocsp".',
      lines: [
        ...frontend,
        line(
          `    bind :${i.port} ssl crt ${i.combined}`,
          `TLS with the leaf, its chain and key in one file; HAProxy staples ${i.combined}.ocsp if it exists when it starts.`,
        ),
        line('    http-request return status 200 content-type text/plain string ok', 'What the site serves.'),
        line(''),
        line(
          `# cron, every few hours: openssl ocsp -issuer ${i.issuerChain} -cert ${i.combined} -url "$(openssl x509 -noout -ocsp_uri -in ${i.combined})" -no_nonce -respout ${i.combined}.ocsp`,
          'HAProxy 2.6 never fetches: a job must refresh the file, then reload HAProxy or send "set ssl ocsp-response" on its stats socket.',
        ),
      ],
      check: {
        command: 'haproxy -c -f /etc/haproxy/haproxy.cfg',
        explanation:
          'Reads the certificates and the .ocsp file; "Configuration file is valid", then reload it: sudo systemctl reload haproxy.',
      },
      ...fromProfile('haproxy'),
      sources: [haproxy26Docs, ...profileSources('haproxy')],
    }
  }
  return {
    language: 'haproxy',
    placement: 'In /etc/haproxy/haproxy.cfg and a crt-list file next to it (/etc/haproxy/crt-list.txt).',
    lines: [
      ...frontend,
      line(
        `    bind :${i.port} ssl crt-list /etc/haproxy/crt-list.txt`,
        'TLS with the certificates listed in the crt-list file.',
      ),
      line('    http-request return status 200 content-type text/plain string ok', 'What the site serves.'),
      line(''),
      line('# /etc/haproxy/crt-list.txt:'),
      line(
        `${i.combined} [ocsp-update on] ${i.serverName}`,
        'ocsp-update on (2.8+): HAProxy fetches the response itself at start and refreshes it before it expires (at most hourly by default).',
      ),
    ],
    check: {
      command: 'haproxy -c -f /etc/haproxy/haproxy.cfg',
      explanation:
        '"Configuration file is valid" means the crt-list and its options parsed; then reload it: sudo systemctl reload haproxy.',
    },
    // The updater fetches at start and ahead of expiry, like Caddy; 2.6's file never refreshes.
    strategy: 'proactive',
    stapleErrors: false,
    strategyNote:
      'HAProxy 2.8+ with ocsp-update on fetches at start and refreshes ahead of nextUpdate: proactive.',
    sources: [haproxy28Docs, ...profileSources('haproxy')],
  }
}

function iisConfig(i: GeneratorInput): Omit<GeneratedConfig, 'server' | 'version'> {
  return {
    language: 'powershell',
    placement: 'In an elevated PowerShell on the server (IIS 10, WebAdministration module).',
    lines: [
      line('Import-Module WebAdministration', 'The IIS cmdlets.'),
      line(
        `New-WebBinding -Name "Default Web Site" -Protocol https -Port ${i.port} -HostHeader "${i.serverName}" -SslFlags 1`,
        'An HTTPS binding with "Require Server Name Indication" (SslFlags 1): IIS staples a plain binding by default, an SNI one only with the value below.',
      ),
      line(
        `(Get-WebBinding -Name "Default Web Site" -Port ${i.port} -HostHeader "${i.serverName}").AddSslCertificate($thumbprint, "My")`,
        'Binds the certificate (its thumbprint from Cert:\\LocalMachine\\My); its AIA must name a responder.',
      ),
      line(
        'New-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL" -Name EnableOcspStaplingForSni -PropertyType DWord -Value 1 -Force',
        'Turns on stapling for SNI and Centralized Certificate Store bindings (off by default); needs a restart.',
      ),
      line(
        '# Let the server reach the responder: outbound HTTP (port 80) to the host in the certificate’s AIA.',
        'Windows fetches the response itself; a firewall that blocks it leaves every handshake without a staple.',
      ),
    ],
    check: {
      command:
        'Get-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL" -Name EnableOcspStaplingForSni',
      explanation:
        'IIS has no config test: this shows the value is set; after a restart, openssl s_client -connect host:443 -servername host -status shows the staple.',
    },
    strategy: iisStrategy,
    stapleErrors: false,
    strategyNote: 'Windows (Schannel) fetches and caches the response ahead of handshakes: proactive.',
    sources: iisSources,
  }
}

function fromProfile(
  id: 'nginx' | 'apache' | 'caddy' | 'haproxy',
): Pick<GeneratedConfig, 'strategy' | 'stapleErrors' | 'strategyNote'> {
  const p = serverProfiles[id]
  return { strategy: p.strategy, stapleErrors: p.stapleErrors, strategyNote: p.facts[0]!.claim }
}

function profileSources(id: 'nginx' | 'apache' | 'caddy' | 'haproxy'): string[] {
  return [...new Set(serverProfiles[id].facts.map((f) => f.source))]
}

const builders: Record<
  GeneratorServerId,
  (i: GeneratorInput) => Omit<GeneratedConfig, 'server' | 'version'>
> = {
  nginx: nginxConfig,
  apache: apacheConfig,
  iis: iisConfig,
  caddy: caddyConfig,
  haproxy: haproxyConfig,
}

export function isGeneratorVersion(server: GeneratorServerId, version: string): version is GeneratorVersion {
  return (generatorVersions[server] as readonly string[]).includes(version)
}

export function generateConfig(input: GeneratorInput): GeneratedConfig {
  const version = isGeneratorVersion(input.server, input.version)
    ? input.version
    : generatorVersions[input.server][0]
  const built = builders[input.server]({ ...input, version })
  // A page can be both a directive's documentation and a fact's source: list it once.
  return { server: input.server, version, ...built, sources: [...new Set(built.sources)] }
}

/** The configuration as text, without the explanations. */
export function configText(config: GeneratedConfig): string {
  return `${config.lines.map((l) => l.text).join('\n')}\n`
}

/** The comparison view with the simulated server set to this server's strategy. */
export function strategyLink(config: Pick<GeneratedConfig, 'strategy' | 'stapleErrors'>): string {
  // "Staple errors" only means something for a blocking server (Apache).
  const made = withDefaults(
    config.strategy === 'blocking'
      ? { serverStrategy: config.strategy, stapleErrors: config.stapleErrors }
      : { serverStrategy: config.strategy },
  )
  return formatRoute({ view: 'compare', query: made.ok ? scenarioToQuery(made.scenario) : undefined })
}
