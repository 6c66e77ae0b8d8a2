/**
 * The "Your server" config checker: paste an nginx or Apache configuration, get its
 * stapling-relevant directives and what is missing or risky, each with the consequence and a link
 * to the view that shows it. Pure; the rules cite the server's documentation or source.
 */
import type { HorizonInput, Scenario } from '../sim/index.ts'
import { readConfig, type ConfigDialect, type ReadConfig } from './configDirectives.ts'

export type { ConfigDialect }

export type FindingCode =
  | 'no-tls'
  | 'stapling-off'
  | 'no-verify'
  | 'no-trusted-certificate'
  | 'no-resolver'
  | 'static-file'
  | 'responder-override'
  | 'no-stapling-cache'
  | 'cache-in-virtualhost'
  | 'return-responder-errors'
  | 'responder-timeout'

export type FindingSeverity = 'error' | 'warning' | 'info'

const severityRank: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 }

export interface Finding {
  code: FindingCode
  severity: FindingSeverity
  /** 1-based line of the directive, or of the block it is missing from; null for the whole text. */
  line: number | null
  message: string
  /** What a user or client will notice, in one sentence. */
  consequence: string
  /** The view that shows the consequence, and its label. */
  link: FindingLink
}

/**
 * Where a finding's consequence can be seen, as the scenario's values (what differs from the
 * defaults): the comparison view (one handshake) or the days view (the server over days). The page
 * writes the link with each view's field registry (components/server/findingHref.ts).
 */
export type FindingLink = { label: string } & (
  | { view: 'compare'; scenario: Partial<Scenario> }
  | { view: 'days'; days: Partial<Omit<HorizonInput, 'strategy'>> }
)

export interface StaplingDirective {
  name: string
  args: string[]
  line: number
}

export interface ConfigCheck {
  dialect: ConfigDialect
  /** The stapling-relevant directives found, in order. */
  directives: StaplingDirective[]
  findings: Finding[]
}

const days = (days: Partial<Omit<HorizonInput, 'strategy'>>, label: string): FindingLink => ({
  view: 'days',
  days,
  label,
})
const compare = (scenario: Partial<Scenario>, label: string): FindingLink => ({
  view: 'compare',
  scenario,
  label,
})

/** The days view with the responder down from hour 48 to 72: what each server does through an outage. */
const outageLink = (label: string) => days({ outages: [{ startHour: 48, endHour: 72 }] }, label)

/**
 * Two weeks in which the server cannot reach the responder from hour 24 on (it asks an address
 * that no longer answers): fetches fail for good, and a week-long response runs out on day 8.
 */
const unreachableLink = (label: string) =>
  days({ days: 14, outages: [{ startHour: 24, endHour: 14 * 24 }] }, label)

/** The same consequence for both servers: stapling is off unless switched on. */
function staplingOff(line: number | null, directive: string, what: string): Finding {
  return {
    code: 'stapling-off',
    severity: 'warning',
    line,
    message: `${directive} is not on: this ${what} staples nothing (it is off by default).`,
    consequence:
      'Clients that check revocation ask the CA themselves: a wait in the handshake and the CA learns who visits; a must-staple certificate fails in Firefox.',
    link: compare({ serverStrategy: 'none' }, 'See a server that does not staple'),
  }
}

type Scope = { line: number | null; directives: ReadConfig['directives'] }

/** The directives that apply inside `blockId` (its own and its ancestors'), or all of them. */
function scopes(read: ReadConfig, isSite: (name: string) => boolean): Scope[] {
  const sites = read.blocks.filter((b) => isSite(b.name))
  if (sites.length === 0) return [{ line: null, directives: read.directives }]
  return sites.map((site) => ({
    line: site.line,
    directives: read.directives.filter((d) => {
      const own = d.blockIds.filter((id) => isSite(read.blocks[id]!.name))
      return own.length === 0 || own.includes(site.id)
    }),
  }))
}

const on = (v: string | undefined) => v?.toLowerCase() === 'on'

// nginx: https://nginx.org/en/docs/http/ngx_http_ssl_module.html (1.22) and
// src/event/ngx_event_openssl_stapling.c (release-1.22.1).
function checkNginx(read: ReadConfig): Finding[] {
  const findings: Finding[] = []
  for (const scope of scopes(read, (n) => n === 'server')) {
    const find = (name: string) => [...scope.directives].reverse().find((d) => d.name === name)
    const listen = scope.directives.filter((d) => d.name === 'listen')
    const tls = listen.some((d) => d.args.includes('ssl')) || find('ssl_certificate') !== undefined
    if (!tls) continue
    const at = (name: string) => find(name)?.line ?? scope.line
    const stapling = find('ssl_stapling')
    if (!on(stapling?.args[0])) {
      findings.push(staplingOff(stapling?.line ?? scope.line, 'ssl_stapling', 'server'))
      continue
    }
    const file = find('ssl_stapling_file')
    if (file)
      findings.push({
        code: 'static-file',
        severity: 'warning',
        line: file.line,
        message: `ssl_stapling_file ${file.args[0] ?? ''}: nginx staples this file as it is and never fetches a new one.`,
        consequence:
          'Once the file’s nextUpdate passes, every client gets a stale response until someone replaces the file and reloads nginx.',
        link: days({ days: 14 }, 'See a static staple go stale over two weeks'),
      })
    if (find('ssl_stapling_responder'))
      findings.push({
        code: 'responder-override',
        severity: 'info',
        line: at('ssl_stapling_responder'),
        message: 'ssl_stapling_responder overrides the responder URL in the certificate.',
        consequence:
          'If the CA moves its responder, this server keeps asking the old address and its staple expires.',
        link: unreachableLink('See the staple run out once the old address stops answering'),
      })
    const verify = find('ssl_stapling_verify')
    if (!on(verify?.args[0]))
      findings.push({
        code: 'no-verify',
        severity: 'warning',
        line: verify?.line ?? stapling!.line,
        message:
          'ssl_stapling_verify is not on: nginx staples fetched responses without checking their signature.',
        consequence:
          'A wrong or forged response is passed to every client; careful clients then reject the staple and fall back to asking the CA, or fail with must-staple.',
        link: compare({}, 'Compare what a client does with and without a valid staple'),
      })
    if (on(verify?.args[0]) && !find('ssl_trusted_certificate'))
      findings.push({
        code: 'no-trusted-certificate',
        severity: 'error',
        line: verify!.line,
        message:
          'ssl_stapling_verify is on but ssl_trusted_certificate is missing: nginx has no issuer chain to verify responses with.',
        consequence:
          'Every fetched response fails verification ("OCSP_basic_verify() failed" in the error log), so nginx never staples.',
        link: compare({ serverStrategy: 'none' }, 'See a server that staples nothing'),
      })
    if (!find('resolver') && !file)
      findings.push({
        code: 'no-resolver',
        severity: 'warning',
        line: stapling!.line,
        message:
          'No resolver: nginx looks the responder’s address up once, at start, and warns "no resolver defined" in its log.',
        consequence:
          'When the responder’s address changes (CDNs rotate them), every fetch fails until nginx restarts, and the staple runs out.',
        link: unreachableLink('See the staple run out when the server cannot reach the responder'),
      })
  }
  return findings
}

// Apache: https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslusestapling and
// modules/ssl/ssl_util_stapling.c (2.4.x).
function checkApache(read: ReadConfig): Finding[] {
  const findings: Finding[] = []
  const isSite = (n: string) => n.toLowerCase() === 'virtualhost'
  const named = (d: { name: string }, name: string) => d.name.toLowerCase() === name.toLowerCase()
  const caches = read.directives.filter((d) => named(d, 'SSLStaplingCache'))
  for (const c of caches)
    if (c.blocks.some(isSite))
      findings.push({
        code: 'cache-in-virtualhost',
        severity: 'error',
        line: c.line,
        message: 'SSLStaplingCache is inside a <VirtualHost>: it is only allowed in the main server config.',
        consequence:
          'Apache refuses the configuration ("SSLStaplingCache cannot occur within <VirtualHost> section", also from apachectl -t), so nothing is served at all.',
        link: compare({ serverStrategy: 'none' }, 'See the handshake without stapling'),
      })
  for (const scope of scopes(read, isSite)) {
    const find = (name: string) => [...scope.directives].reverse().find((d) => named(d, name))
    const engine = find('SSLEngine')
    if (!on(engine?.args[0]) && !find('SSLCertificateFile')) continue
    const stapling = find('SSLUseStapling')
    if (!on(stapling?.args[0])) {
      findings.push(staplingOff(stapling?.line ?? scope.line, 'SSLUseStapling', 'virtual host'))
      continue
    }
    if (caches.length === 0)
      findings.push({
        code: 'no-stapling-cache',
        severity: 'error',
        line: stapling!.line,
        message: 'SSLUseStapling is on but there is no SSLStaplingCache in the main server config.',
        consequence:
          'Apache refuses to start ("AH01958: SSLStapling: no stapling cache available"), though apachectl -t says Syntax OK.',
        link: compare({ serverStrategy: 'none' }, 'See the handshake without stapling'),
      })
    const errors = find('SSLStaplingReturnResponderErrors')
    if (errors === undefined || on(errors.args[0]))
      findings.push({
        code: 'return-responder-errors',
        severity: 'warning',
        line: errors?.line ?? stapling!.line,
        message: `SSLStaplingReturnResponderErrors is ${errors ? 'on' : 'on by default'}: Apache staples the responder’s error answers, and (SSLStaplingFakeTryLater, on by default) makes up a tryLater when it cannot reach the responder.`,
        consequence:
          'During a responder outage clients get a tryLater staple with no status in it instead of nothing; set both to off.',
        link: outageLink('See a blocking server through a responder outage'),
      })
    const timeout = find('SSLStaplingResponderTimeout')
    const seconds = timeout ? Number(timeout.args[0]) : 10
    if (!(seconds <= 5))
      findings.push({
        code: 'responder-timeout',
        severity: 'info',
        line: timeout?.line ?? stapling!.line,
        message: `SSLStaplingResponderTimeout is ${timeout ? timeout.args[0] : '10 (the default)'} seconds.`,
        consequence: `A handshake that finds no cached response waits for the responder, up to ${Number.isFinite(seconds) ? seconds : 10} s when it is slow.`,
        link: compare(
          { serverStrategy: 'blocking', staple: 'none', responder: 'slow', responderSlowMs: 3000 },
          'See a handshake wait for a slow responder',
        ),
      })
  }
  return findings
}

const staplingNames: Record<ConfigDialect, RegExp> = {
  nginx: /^(ssl_stapling\w*|ssl_trusted_certificate|resolver|resolver_timeout|ssl_certificate)$/,
  apache: /^(SSLUseStapling|SSLStapling\w+|SSLCertificateFile|SSLCertificateChainFile)$/i,
}

export function checkConfig(text: string, dialect?: ConfigDialect): ConfigCheck {
  const read = readConfig(text, dialect)
  const directives = read.directives
    .filter((d) => staplingNames[read.dialect].test(d.name))
    .map(({ name, args, line }) => ({ name, args, line }))
  const findings = read.dialect === 'nginx' ? checkNginx(read) : checkApache(read)
  if (findings.length === 0 && directives.length === 0)
    findings.push({
      code: 'no-tls',
      severity: 'info',
      line: null,
      message: `No TLS ${read.dialect === 'nginx' ? 'server block' : 'virtual host'} with stapling directives found in this text.`,
      consequence:
        'Paste the server block (nginx) or the <VirtualHost> and main config (Apache) that serves HTTPS.',
      link: compare({}, 'See what stapling changes'),
    })
  // Errors first (the server will not start or never staples), then by line.
  findings.sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || (a.line ?? 0) - (b.line ?? 0),
  )
  return { dialect: read.dialect, directives, findings }
}
