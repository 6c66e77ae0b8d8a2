/**
 * The config generator: every server and version gives a configuration with an explanation per
 * directive, its check command and the simulator strategy the calibration holds for that server;
 * and each generated nginx, Apache, Caddy and HAProxy configuration passes the real server's own
 * check (nginx -t, apache2 -t, caddy validate, haproxy -c) with the test PKI, when it is installed.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { binaryPath, installedVersion } from '../../../src/cli/serverProcess.ts'
import { apacheMainConfig } from '../../../src/lib/servers/apache.ts'
import {
  configText,
  defaultGeneratorInput,
  generateConfig,
  generatorServerIds,
  generatorVersions,
  strategyLink,
  type GeneratorInput,
  type GeneratorServerId,
} from '../../../src/lib/servers/configGenerator.ts'
import { serverProfiles } from '../../../src/lib/servers/index.ts'
import { nginxMainConfig } from '../../../src/lib/servers/nginx.ts'
import { parseRoute } from '../../../src/lib/route.ts'
import { scenarioFromQuery } from '../../../src/lib/sim/scenario.ts'

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'config-generator-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** The test PKI's ECDSA leaf, its key and chain, written where a server can read them. */
function testPki(dir: string): Pick<GeneratorInput, 'certificate' | 'key' | 'issuerChain' | 'combined'> {
  const read = (path: string) => readFileSync(join(fixtures, path), 'utf8')
  const leaf = read('certs/leaf-ecdsa.pem')
  const intermediate = read('certs/intermediate.pem')
  const key = read('pki/keys/leaf-ecdsa.key.pem')
  const files = {
    certificate: join(dir, 'fullchain.pem'),
    key: join(dir, 'privkey.pem'),
    issuerChain: join(dir, 'chain.pem'),
    combined: join(dir, 'combined.pem'),
  }
  writeFileSync(files.certificate, leaf + intermediate)
  writeFileSync(files.key, key, { mode: 0o600 })
  writeFileSync(files.issuerChain, intermediate + read('certs/root.pem'))
  writeFileSync(files.combined, leaf + intermediate + key, { mode: 0o600 })
  return files
}

function generated(server: GeneratorServerId, version: string, dir: string, port: number) {
  return generateConfig({
    ...defaultGeneratorInput(server),
    version: version as GeneratorInput['version'],
    serverName: 'shop.example',
    port,
    ...testPki(dir),
  })
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(binaryPath(command) ?? command, args, {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

describe('what the generator gives for each server and version', () => {
  const all = generatorServerIds.flatMap((server) =>
    generatorVersions[server].map((version) => generateConfig({ ...defaultGeneratorInput(server), version })),
  )

  it('every directive line carries a one-line explanation, and there is a check command', () => {
    for (const c of all) {
      const directives = c.lines.filter((l) => /^\s*[A-Za-z$(]/.test(l.text) && !/^\s*[{}]\s*$/.test(l.text))
      expect(directives.length, `${c.server} ${c.version}`).toBeGreaterThan(2)
      for (const d of directives.filter((l) => !/^(server|frontend) |^<\/?VirtualHost/.test(l.text.trim())))
        expect(d.explanation, `${c.server}: ${d.text}`).toMatch(/^[A-Z0-9"].*[.)]$/)
      expect(new Set(c.sources).size, `${c.server} sources listed once`).toBe(c.sources.length)
      expect(c.check.command).toMatch(/nginx -t|apachectl -t|caddy validate|haproxy -c|Get-ItemProperty/)
    }
  })

  it('the stapling switch of each server is in its configuration', () => {
    const text = (server: GeneratorServerId, version?: string) =>
      configText(
        generateConfig({
          ...defaultGeneratorInput(server),
          ...(version ? { version: version as GeneratorInput['version'] } : {}),
        }),
      )
    expect(text('nginx')).toMatch(
      /ssl_stapling on;[\s\S]*ssl_stapling_verify on;[\s\S]*ssl_trusted_certificate/,
    )
    expect(text('nginx')).toContain('resolver ')
    expect(text('apache')).toMatch(/^SSLStaplingCache shmcb:/)
    expect(text('apache')).toContain('SSLUseStapling on')
    expect(text('haproxy', '2.6')).toContain('-respout /etc/ssl/example.com/combined.pem.ocsp')
    expect(text('haproxy', '2.8-3.2')).toContain('[ocsp-update on]')
    expect(text('iis')).toContain('-Name EnableOcspStaplingForSni -PropertyType DWord -Value 1')
    expect(text('caddy')).toContain('tls /etc/ssl/example.com/fullchain.pem /etc/ssl/example.com/privkey.pem')
  })

  it('names the strategy the calibration holds for each Debian server, and links to it in the simulator', () => {
    for (const server of ['nginx', 'apache', 'caddy'] as const) {
      const c = generateConfig(defaultGeneratorInput(server))
      expect(c.strategy).toBe(serverProfiles[server].strategy)
    }
    expect(generateConfig({ ...defaultGeneratorInput('haproxy'), version: '2.6' }).strategy).toBe(
      serverProfiles.haproxy.strategy,
    )
    expect(generateConfig({ ...defaultGeneratorInput('haproxy'), version: '2.8-3.2' }).strategy).toBe(
      'proactive',
    )
    const apache = generateConfig(defaultGeneratorInput('apache'))
    const route = parseRoute(strategyLink(apache))
    expect(route.view).toBe('compare')
    const scenario = scenarioFromQuery(route.query)
    expect(scenario.ok && scenario.scenario.serverStrategy).toBe('blocking')
    // SSLStaplingReturnResponderErrors off: the simulated Apache staples no error answers.
    expect(scenario.ok && scenario.scenario.stapleErrors).toBe(false)
  })

  it('an unknown version falls back to the first one offered', () => {
    const c = generateConfig({
      ...defaultGeneratorInput('haproxy'),
      version: '9.9' as GeneratorInput['version'],
    })
    expect(c.version).toBe('2.6')
  })
})

const versions = {
  nginx: installedVersion(serverProfiles.nginx),
  apache: installedVersion(serverProfiles.apache),
  caddy: installedVersion(serverProfiles.caddy),
  haproxy: installedVersion(serverProfiles.haproxy),
}
for (const [server, version] of Object.entries(versions))
  if (version === null)
    console.log(`configGenerator.test: ${server} is not installed; its generated config is not checked`)

describe('the real servers accept the generated configurations', { timeout: 60_000 }, () => {
  it.skipIf(versions.nginx === null)(`nginx ${versions.nginx} -t`, () => {
    const dir = mkdtempSync(join(scratch, 'nginx-'))
    const config = generated('nginx', '1.22-1.27', dir, 18491)
    const serverBlock = configText(config).replace(/^/gm, '  ')
    writeFileSync(join(dir, 'nginx.conf'), nginxMainConfig(dir, serverBlock))
    const r = run('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')])
    expect(r.output).toContain('syntax is ok')
    expect(r.output).toContain('test is successful')
    expect(r.status).toBe(0)
  })

  it.skipIf(versions.apache === null)(`apache2 ${versions.apache} -t`, () => {
    const dir = mkdtempSync(join(scratch, 'apache-'))
    const config = generated('apache', '2.4', dir, 18492)
    // The generated cache path is Debian's; the check runs inside the temporary folder.
    const text = configText(config).replace('/var/run/apache2/', `${dir}/`)
    writeFileSync(
      join(dir, 'apache.conf'),
      apacheMainConfig(dir, 'shop.example', `Listen 127.0.0.1:18492\n${text}`),
    )
    const r = run('apache2', ['-t', '-f', join(dir, 'apache.conf')])
    expect(r.output).toContain('Syntax OK')
    expect(r.status).toBe(0)
  })

  it.skipIf(versions.caddy === null)(`caddy ${versions.caddy} validate`, () => {
    const dir = mkdtempSync(join(scratch, 'caddy-'))
    const config = generated('caddy', '2.6-2.10', dir, 18493)
    // Nothing written outside the temporary folder, as the calibration runs Caddy.
    const global = `{\n  admin off\n  storage file_system ${dir}/data\n}\n`
    writeFileSync(join(dir, 'Caddyfile'), global + configText(config))
    const env = { HOME: dir, XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config') }
    const r = run('caddy', ['validate', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], env)
    expect(r.output).toContain('Valid configuration')
    expect(r.status).toBe(0)
  })

  it.skipIf(versions.haproxy === null)(
    `haproxy ${versions.haproxy} -c, with the response file it staples`,
    () => {
      const dir = mkdtempSync(join(scratch, 'haproxy-'))
      const config = generated('haproxy', '2.6', dir, 18494)
      // What the cron line writes: a real response for the leaf, next to the certificate.
      copyFileSync(join(fixtures, 'ocsp/resp-good-ecdsa.der'), `${join(dir, 'combined.pem')}.ocsp`)
      writeFileSync(join(dir, 'haproxy.cfg'), configText(config))
      const r = run('haproxy', ['-c', '-f', join(dir, 'haproxy.cfg')])
      expect(r.output).toContain('Configuration file is valid')
      expect(r.status).toBe(0)
    },
  )

  const haproxyBefore28 = versions.haproxy !== null && /^2\.[0-7]\./.test(versions.haproxy)
  it.skipIf(!haproxyBefore28)(
    `haproxy ${versions.haproxy} refuses the 2.8 configuration: why the generator asks for the version`,
    () => {
      const dir = mkdtempSync(join(scratch, 'haproxy28-'))
      mkdirSync(dir, { recursive: true })
      const config = generated('haproxy', '2.8-3.2', dir, 18495)
      const text = configText(config)
      const crtList = text.split('# /etc/haproxy/crt-list.txt:\n')[1]!
      writeFileSync(join(dir, 'crt-list.txt'), crtList)
      writeFileSync(
        join(dir, 'haproxy.cfg'),
        text.replace('/etc/haproxy/crt-list.txt', join(dir, 'crt-list.txt')),
      )
      const r = run('haproxy', ['-c', '-f', join(dir, 'haproxy.cfg')])
      expect(r.status).not.toBe(0)
      expect(r.output).toContain('ocsp-update')
    },
  )
})
