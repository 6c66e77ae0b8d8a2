/**
 * "Your server" (#/server) in real Chromium: the generator's output, the checker's findings for a
 * risky configuration, real s_client output recorded against nginx (no response sent, then a good
 * staple) with its certificates handed to the inspector, all by keyboard alone, and no request.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'

const fixture = (name: string) => readFileSync(`test/fixtures/sclient/${name}`, 'utf8')

/** An nginx site with stapling on but no trusted certificate and no resolver. */
const riskyNginx = readFileSync('test/fixtures/configs/nginx-risky.conf', 'utf8')

/** Every request after the page loaded: the page must make none. */
async function open(page: Page, hash = '#/server'): Promise<string[]> {
  const requests: string[] = []
  await page.goto(`./${hash}`)
  await expect(page.getByRole('heading', { name: 'Your server', level: 1 })).toBeVisible()
  page.on('request', (r) => requests.push(r.url()))
  return requests
}

test('the generator gives nginx stapling line by line, then HAProxy 2.8 with ocsp-update, kept in the URL', async ({
  page,
}) => {
  await open(page)
  const generator = page.getByTestId('config-generator')
  const lines = generator.getByRole('list', { name: 'The configuration, line by line' })
  await expect(lines).toContainText('ssl_stapling on;')
  await expect(lines).toContainText('ssl_stapling_verify on;')
  await expect(lines.locator('li', { hasText: 'resolver 127.0.0.53' })).toContainText('at run time')
  await expect(generator.locator('pre')).toHaveText('sudo nginx -t')
  await expect(generator.getByRole('link', { name: 'Simulate this server' })).toHaveAttribute(
    'href',
    '#/compare?srv=lazy',
  )

  await generator.getByLabel('Server', { exact: true }).selectOption('haproxy')
  await generator.getByLabel('Version', { exact: true }).selectOption('2.8-3.2')
  await expect(page).toHaveURL(/#\/server\?s=haproxy&v=2\.8-3\.2$/)
  await expect(lines).toContainText('[ocsp-update on]')
  await expect(generator.locator('pre')).toHaveText('haproxy -c -f /etc/haproxy/haproxy.cfg')

  await page.reload()
  await expect(page.getByTestId('config-generator').getByLabel('Version', { exact: true })).toHaveValue(
    '2.8-3.2',
  )
})

test('the checker names what a risky nginx site misses, errors first, with links to the consequence', async ({
  page,
}) => {
  const requests = await open(page)
  const checker = page.getByTestId('checker-part')
  await checker.getByLabel(/Paste an nginx server block/).fill(riskyNginx)
  await checker.getByRole('button', { name: 'Check the configuration' }).click()
  const findings = page.getByTestId('checker-result').locator('li[data-code]')
  await expect(findings).toHaveCount(2)
  await expect(findings.nth(0)).toHaveAttribute('data-code', 'no-trusted-certificate')
  await expect(findings.nth(0)).toContainText('line 7')
  await expect(findings.nth(1)).toHaveAttribute('data-code', 'no-resolver')
  // No resolver: the days view with the responder out of the server's reach from hour 24 on, where
  // the nginx-like (lazy) server's staple runs out and must-staple fails.
  await findings
    .nth(1)
    .getByRole('link', { name: /staple run out/ })
    .click()
  await expect(page).toHaveURL(/#\/days\?d=14&o=24-336$/)
  // Its last response, fetched just before hour 24, runs out on day 8: must-staple fails in the 146
  // hours left (1 in the default days view, the first handshake before any fetch).
  await expect(page.getByTestId('failing-lazy')).toHaveText('146')
  expect(requests.filter((u) => !u.includes('/assets/'))).toEqual([])
})

test('s_client output: "no response sent", then a good staple, and the certificates open in the inspector', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-12-02T16:39:03Z'))
  const requests = await open(page)
  const reader = page.getByTestId('reader-part')
  const box = reader.getByLabel('openssl output')
  const read = reader.getByRole('button', { name: 'Read the output' })

  await box.fill(fixture('nginx-tls13-no-staple.txt'))
  await read.click()
  const result = page.getByTestId('reader-result')
  await expect(result.getByTestId('ocsp-part')).toHaveText('no response sent')
  await expect(result.locator('.verdict')).toHaveAttribute('data-level', 'warning')
  await expect(result).toContainText('Run the command again')

  await box.fill(fixture('nginx-tls13-staple.txt'))
  await read.click()
  await expect(result.getByTestId('ocsp-part')).toContainText('Cert Status good')
  await expect(result.getByTestId('ocsp-part')).toContainText('Next Update 2026-12-08 16:39 UTC')
  await expect(result.locator('.verdict')).toHaveText('Stapling works: a good response, fresh for 6 d.')
  await expect(result).toContainText('TLSv1.3')

  await result.getByRole('button', { name: 'Open the certificates in the inspector' }).click()
  await expect(page).toHaveURL(/#\/inspect$/)
  await expect(page.getByRole('article', { name: 'shop.example' })).toBeVisible()
  // The parse worker is part of the page; nothing goes elsewhere.
  expect(requests.filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([])
})

test('keyboard only: choose a server, check a configuration and read an output', async ({ page }) => {
  await open(page)
  const generator = page.getByTestId('config-generator')
  await generator.getByLabel('Server', { exact: true }).focus()
  await page.keyboard.press('ArrowDown') // nginx -> Apache
  await expect(page).toHaveURL(/s=apache/)
  await expect(generator.getByRole('list', { name: 'The configuration, line by line' })).toContainText(
    'SSLUseStapling on',
  )

  const checker = page.getByTestId('checker-part')
  await checker.getByLabel(/Paste an nginx server block/).focus()
  await page.keyboard.insertText('<VirtualHost *:443>\nSSLEngine on\nSSLUseStapling on\n</VirtualHost>')
  // Tab through the dialect radios to the button, and press it.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(checker.getByRole('button', { name: 'Check the configuration' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('checker-result').locator('li[data-code="no-stapling-cache"]')).toBeVisible()

  const reader = page.getByTestId('reader-part')
  await reader.getByLabel('openssl output').focus()
  await page.keyboard.insertText(fixture('apache-tls13-trylater.txt'))
  await page.keyboard.press('Tab')
  await expect(reader.getByRole('button', { name: 'Read the output' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('ocsp-part')).toHaveText('an error response: tryLater')
})
