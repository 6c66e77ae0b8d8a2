import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { policyViolations, recordPolicyViolations } from './policyViolations.ts'

/** `npm run test:e2e` builds it (npm run build:single) before the specs run. */
const singleFile = resolve('dist-single/staple-lab.html')
const singleFileUrl = pathToFileURL(singleFile).href

/** Every request the page makes that is not the page talking to itself (file:, blob:, data:). */
function recordRequestsOffDisk(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    if (!/^(file|blob|data):/.test(request.url())) seen.push(request.url())
  })
  return seen
}

test.beforeAll(() => {
  if (!existsSync(singleFile))
    throw new Error('dist-single/staple-lab.html is missing: run npm run build:single first')
})

test('the single file opened from disk plays the comparison diagrams without a request off the disk', async ({
  page,
}) => {
  const requests = recordRequestsOffDisk(page)
  await recordPolicyViolations(page)
  await page.goto(singleFileUrl)
  await expect(page.locator('[data-testid="diagrams"] figure.diagram')).toHaveCount(4)
  await expect(page.locator('[data-row="none"] .verdict')).toContainText('Connected · 100 ms')
  const scrubber = page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')
  await expect.poll(async () => Number(await scrubber.inputValue())).toBeGreaterThan(0)
  expect(requests).toEqual([])
  expect(await policyViolations(page)).toEqual([])
})

test('the single file opened from disk inspects a pasted certificate in its parse worker', async ({
  page,
}) => {
  const requests = recordRequestsOffDisk(page)
  await recordPolicyViolations(page)
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.goto(`${singleFileUrl}#/inspect`)
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
  await page
    .getByLabel('Paste PEM or base64')
    .fill(readFileSync('test/fixtures/certs/leaf-ecdsa.pem', 'utf8'))
  await page.getByRole('button', { name: 'Inspect pasted text' }).click()
  const certificate = page.getByRole('article', { name: 'ecdsa.staple-lab.example' })
  await expect(certificate).toContainText('P-256')
  // The parsing ran in a worker started from code inside the page, not in the page itself.
  expect(workers.length).toBeGreaterThan(0)
  expect(workers.every((url) => url.startsWith('blob:'))).toBe(true)
  expect(requests).toEqual([])
  expect(await policyViolations(page)).toEqual([])
})

test('the single file holds the lesson and keeps the site policy: no fetch, only its own inline script', async ({
  page,
}) => {
  await page.goto(`${singleFileUrl}#/learn`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Why ask whether a certificate is revoked?',
  )
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(policy).toContain("connect-src 'none'")
  expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/)
  expect(policy).toContain('worker-src blob:')
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
  // Nothing refers to a file beside it: no script, stylesheet or worker file to lose in an email.
  expect(await page.locator('script[src], link[rel="stylesheet"], link[rel="modulepreload"]').count()).toBe(0)
})
