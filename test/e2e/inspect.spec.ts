import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { warmUpRounds, warmUpSteps } from '../../src/workers/protocol.ts'
import { watchNetwork } from './network.ts'

const fixture = (path: string) => `test/fixtures/${path}`

async function openInspector(page: Page): Promise<void> {
  // Any dialog (alert from injected markup) fails the test that caused it.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`)
  })
  await page.goto('./#/inspect')
  // The worker has loaded and answered: from here on nothing needs the network.
  await expect(page.locator('[data-ready="true"]')).toBeVisible()
}

const card = (page: Page, name: string | RegExp) => page.getByRole('article', { name })

test('Try a sample shows the must-staple badge, the chain and a verified OCSP checklist', async ({
  page,
}) => {
  // The sample is minted when the button is pressed, with the page's clock: pin it.
  await page.clock.setFixedTime(new Date('2031-03-14T09:26:53Z'))
  await openInspector(page)
  await page.getByRole('button', { name: 'Try a sample' }).click()

  const leaf = card(page, 'shop.example')
  await expect(leaf.getByText('OCSP Must-Staple')).toBeVisible()
  await expect(leaf.getByTestId('must-staple')).toContainText('status_request')

  const chain = page.getByTestId('chain')
  await expect(chain.locator('li')).toHaveCount(3)
  await expect(chain.locator('li').nth(0)).toHaveAttribute('data-role', 'leaf')
  await expect(chain.locator('li').nth(2)).toHaveAttribute('data-role', 'root')
  await expect(chain.locator('li[data-status="pass"]')).toHaveCount(3)

  const checks = page.getByRole('list', { name: 'OCSP response checks' })
  await expect(checks.locator('[data-check="signature"]')).toHaveAttribute('data-status', 'pass')
  await expect(checks.locator('[data-check="cert-id"]')).toHaveAttribute('data-status', 'pass')
  await expect(checks.locator('[data-status="fail"]')).toHaveCount(0)

  // Like a real staple: produced an hour before the press, valid four days (BR 4.9.10: at most 10).
  const staple = page.locator('article[data-kind="ocspResponse"]')
  await expect(staple.getByTestId('freshness')).toHaveText('fresh for 3 d 23 h')
  await expect(staple).toContainText('2031-03-14 08:26:53 UTC')
  await expect(staple).toContainText('2031-03-18 08:26:53 UTC')
})

test('several files chosen at once build the chain leaf to root, whatever their order', async ({ page }) => {
  await openInspector(page)
  await page
    .getByTestId('file-input')
    .setInputFiles([
      fixture('certs/root.pem'),
      fixture('certs/leaf-rsa.pem'),
      fixture('certs/intermediate.der'),
    ])
  const links = page.getByTestId('chain').locator('li')
  await expect(links).toHaveCount(3)
  await expect(links.nth(0)).toContainText('rsa.staple-lab.example')
  await expect(links.nth(1)).toContainText('Staple Lab Test Issuing CA I1')
  await expect(links.nth(2)).toContainText('Staple Lab Test Root R1')
  await expect(page.getByTestId('chain').locator('li[data-status="pass"]')).toHaveCount(3)
})

test('a drop is one message to the parse worker, answered with its cards, the chain and the checklist', async ({
  page,
}) => {
  // Count what the page posts to its workers, by call name, from before the page's own code runs.
  await page.addInitScript(() => {
    const calls: string[] = []
    Object.assign(window, { workerCalls: calls })
    const post = Worker.prototype.postMessage
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      calls.push(String((message as { call?: unknown }).call))
      return post.call(this, message, ...rest)
    } as typeof Worker.prototype.postMessage
  })
  await openInspector(page)
  const allCalls = () => page.evaluate(() => (window as unknown as { workerCalls: string[] }).workerCalls)
  // The warm-up's background steps (each on the worker's own chain) are not the drop's.
  const calls = async () => (await allCalls()).filter((call) => call !== 'warmUp')
  // The worker starts when the view opens, before any file.
  expect(await calls()).toEqual(['hello'])

  await page
    .getByTestId('file-input')
    .setInputFiles([
      fixture('certs/leaf-must-staple.pem'),
      fixture('certs/intermediate.pem'),
      fixture('certs/root.pem'),
      fixture('ocsp/resp-must-staple-good.der'),
    ])
  await expect(page.getByTestId('chain').locator('li[data-status="pass"]')).toHaveCount(3)
  const checks = page.getByRole('list', { name: 'OCSP response checks' })
  await expect(checks.locator('[data-check="signature"]')).toHaveAttribute('data-status', 'pass')
  await expect(page.getByRole('article')).toHaveCount(4)
  expect(await calls()).toEqual(['hello', 'analyse'])

  // A second drop joins the same set: one more message, and only the new file crosses.
  await page.getByTestId('file-input').setInputFiles([fixture('certs/leaf-rsa.pem')])
  await expect(page.getByRole('article')).toHaveCount(5)
  expect(await calls()).toEqual(['hello', 'analyse', 'analyse'])
  expect((await allCalls()).filter((call) => call === 'warmUp').length).toBeLessThanOrEqual(
    warmUpRounds * warmUpSteps,
  )
})

test('the demo CA and its libraries load when its section is opened, not with the inspector', async ({
  page,
}) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await openInspector(page)
  await page.getByTestId('file-input').setInputFiles([fixture('certs/leaf-must-staple.pem')])
  await expect(page.getByRole('article')).toHaveCount(1)
  // The panel's chunk and the demo CA library's (key generation, DER writing) are named after them.
  const demoCaScripts = () => scripts.filter((path) => /democa/i.test(path))
  expect(demoCaScripts()).toEqual([])

  await page.getByText('No certificate at hand? Make one with the demo CA').click()
  await page.getByRole('button', { name: 'Generate demo CA' }).click()
  await expect(page.getByTestId('demo-file').first()).toBeVisible()
  expect(demoCaScripts().map((path) => path.split('/').pop()!.split('-')[0])).toEqual([
    'DemoCaPanel',
    'demoCa',
  ])
})

test('pasted PEM is inspected', async ({ page }) => {
  await openInspector(page)
  await page.getByLabel('Paste PEM or base64').fill(readFileSync(fixture('certs/leaf-ecdsa.pem'), 'utf8'))
  await page.getByRole('button', { name: 'Inspect pasted text' }).click()
  const ecdsa = card(page, 'ecdsa.staple-lab.example')
  await expect(ecdsa).toContainText('pasted text')
  await expect(ecdsa).toContainText('P-256')
})

test('a file dropped on the page is inspected', async ({ page }) => {
  await openInspector(page)
  const bytes = [...readFileSync(fixture('ocsp/resp-revoked-keycompromise.der'))]
  await page.evaluate((data) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(data)], 'dropped.der'))
    const fire = (type: string) =>
      document.body.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      )
    fire('dragenter')
    fire('dragover')
    fire('drop')
  }, bytes)
  const response = card(page, /OCSP response: revoked/)
  await expect(response).toContainText('dropped.der')
  await expect(response).toContainText('keyCompromise')
})

test('hovering an ASN.1 node lights its bytes in the hex dump; clicking a byte selects its node', async ({
  page,
}) => {
  await openInspector(page)
  await page.getByTestId('file-input').setInputFiles(fixture('certs/leaf-ecdsa.pem'))
  const leaf = card(page, 'ecdsa.staple-lab.example')
  await leaf.getByRole('tab', { name: 'ASN.1 and hex' }).click()

  const tbsCertificate = leaf.getByRole('treeitem').nth(1)
  await tbsCertificate.hover()
  const header = leaf.locator('.b[data-hl="header"]')
  await expect(header.first()).toHaveAttribute('data-offset', '4')
  await expect(header).toHaveCount(4)
  expect(await leaf.locator('.b[data-hl="content"]').count()).toBeGreaterThan(16)

  // Byte 15 is inside the serial number INTEGER (30 82 .. | 30 82 .. | a0 03 02 01 02 | 02 ..).
  await leaf.locator('.b[data-offset="15"]').click()
  const selected = leaf.locator('[role="treeitem"][aria-selected="true"]')
  await expect(selected).toContainText('INTEGER')

  // The tree is keyboard-operable: ArrowUp from the serial goes to the [0] version node's INTEGER.
  await selected.focus()
  await page.keyboard.press('ArrowUp')
  await expect(leaf.locator('[role="treeitem"]:focus')).toContainText('INTEGER')
  await page.keyboard.press('ArrowLeft')
  await expect(leaf.locator('[role="treeitem"]:focus')).toContainText('[0]')
})

test('each bad input gets a one-line error in its own card while the good file still shows', async ({
  page,
}) => {
  await openInspector(page)
  const bad = [
    'bad/empty.bin',
    'bad/random.bin',
    'bad/truncated.der',
    'bad/tiny.png',
    'bad/huge-length.der',
    'bad/corrupt-base64.pem',
    'bad/unterminated.pem',
    'bad/nested-10000.der',
    'bad/truncated-ocsp-response.der',
  ]
  await page
    .getByTestId('file-input')
    .setInputFiles([...bad.map(fixture), fixture('certs/leaf-must-staple.pem')])
  await expect(card(page, 'shop.example').getByText('OCSP Must-Staple')).toBeVisible()
  for (const path of bad) {
    const name = path.split('/')[1]
    const message = page.locator('article', { hasText: name }).getByTestId('error-message')
    await expect(message, name).toBeVisible()
    const text = (await message.innerText()).trim()
    expect(text, name).not.toContain('\n')
    expect(text.length, name).toBeLessThan(300)
    expect(text, name).not.toMatch(/at .+:\d+:\d+|Error:/)
  }
})

test('real-world oddities are shown, each with the rule it breaks as a note', async ({ page }) => {
  await openInspector(page)
  await page
    .getByTestId('file-input')
    .setInputFiles(
      [
        'odd/cert-negative-serial.der',
        'odd/resp-empty-responses.der',
        'odd/resp-sha224.der',
        'odd/x509-text-utf8-name.txt',
      ].map(fixture),
    )
  const negative = page.locator('article', { hasText: 'cert-negative-serial.der' })
  await expect(negative.getByTestId('parse-notes')).toContainText(
    'negative-serial tbsCertificate.serialNumber is negative (-04316693ed)',
  )
  const empty = page.locator('article', { hasText: 'resp-empty-responses.der' })
  await expect(empty.getByTestId('parse-notes')).toContainText('the responses list is empty')
  const sha224 = page.locator('article', { hasText: 'resp-sha224.der' })
  await expect(sha224.getByText('SHA-224')).toBeVisible()
  // A PEM block after `openssl x509 -text` output with UTF-8 bytes is found, not taken for binary.
  const text = page.locator('article', { hasText: 'x509-text-utf8-name.txt' })
  await expect(text.getByTestId('error-message')).toHaveCount(0)
  await expect(text).toHaveAttribute('data-kind', 'certificate')
})

test('a file above the size limit is refused before it is read', async ({ page }) => {
  await openInspector(page)
  await page
    .getByTestId('file-input')
    .setInputFiles([
      { name: 'huge.der', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1024 * 1024 + 1) },
    ])
  await expect(page.locator('article', { hasText: 'huge.der' }).getByTestId('error-message')).toContainText(
    'over the 1 MiB limit',
  )
})

test('a private key is never shown, only a warning', async ({ page }) => {
  await openInspector(page)
  const pem = readFileSync(fixture('other/private-key-pkcs8.pem'), 'utf8')
  await page.getByLabel('Paste PEM or base64').fill(pem)
  await page.getByRole('button', { name: 'Inspect pasted text' }).click()
  const key = card(page, 'Private key')
  await expect(key.getByRole('alert')).toContainText('Do not paste private keys')
  // One sentence names the key, not "This is a private key. a private key (PKCS#8).".
  await expect(key.getByRole('alert')).toContainText(
    'This is a private key (PKCS#8). Staple Lab never displays',
  )
  await expect(key.getByRole('tab')).toHaveCount(0)
  const base64Line = pem.split('\n')[1]
  await expect(page.locator('body')).not.toContainText(base64Line)
})

test('a certificate whose CN is markup shows it as text and runs nothing', async ({ page }) => {
  await openInspector(page)
  await page.getByTestId('file-input').setInputFiles(fixture('certs/leaf-xss.pem'))
  const xss = card(page, '<img src=x onerror=alert(1)>')
  await expect(xss.getByRole('heading', { level: 3 })).toHaveText('<img src=x onerror=alert(1)>')
  // The subject line shows the name as written (no RFC 4514 escapes), still as text.
  await expect(xss.getByTestId('name').first()).toHaveText('CN=<img src=x onerror=alert(1)>')
  await expect(page.locator('main img')).toHaveCount(0)
})

test('names show as written in their own script; a hidden override shows as a marker', async ({ page }) => {
  await openInspector(page)
  await page
    .getByTestId('file-input')
    .setInputFiles([fixture('names/utf8-zurich-tokyo.pem'), fixture('names/bidi-spoof.pem')])
  const zurich = card(page, 'Zürich 東京')
  await expect(zurich.getByRole('heading', { level: 3 })).toHaveText('Zürich 東京')
  await expect(zurich.getByTestId('name').first()).toHaveText('CN=Zürich 東京,O=Staple Lab Test PKI,C=DE')
  await expect(zurich).not.toContainText('C3BC')

  const spoof = card(page, 'invoice⟨U+202E⟩gnp.exe')
  const subject = spoof.getByTestId('name').first()
  await expect(subject).toHaveText('CN=invoice⟨U+202E⟩gnp.exe,O=Evil⟨U+200B⟩Corp')
  await expect(subject.locator('.mark').first()).toHaveAttribute('title', /RIGHT-TO-LEFT OVERRIDE/)
  // No override reaches the page: what the reader sees is in the order it is stored.
  expect(await spoof.evaluate((el) => el.textContent?.includes('\u202e'))).toBe(false)
})

test('inspecting files makes no network request beyond the page loading its own code', async ({ page }) => {
  await openInspector(page)
  const requests = watchNetwork(page)
  await page
    .getByTestId('file-input')
    .setInputFiles([
      fixture('certs/leaf-must-staple.pem'),
      fixture('certs/intermediate.pem'),
      fixture('certs/root.pem'),
      fixture('ocsp/resp-must-staple-good.der'),
      fixture('ocsp/req-sha256-nonce.der'),
      fixture('other/bundle-leaf-int-root.pem'),
    ])
  await expect(page.getByRole('list', { name: 'OCSP response checks' })).toBeVisible()
  await expect(page.getByTestId('chain').locator('li').first()).toBeVisible()
  await card(page, 'shop.example').first().getByRole('tab', { name: 'ASN.1 and hex' }).click()
  await expect(page.getByRole('tree').first()).toBeVisible()
  expect(requests).toEqual([])
})

/**
 * DER of a SEQUENCE holding `count` one-byte OCTET STRINGs (04 01 xx): many nodes, for the tree.
 * (A SEQUENCE of INTEGERs would look like a PKCS #1 private key and be discarded.)
 */
function manyStrings(count: number): Buffer {
  const body = Buffer.alloc(count * 3)
  for (let i = 0; i < count; i++) body.set([0x04, 0x01, i & 0x7f], i * 3)
  return Buffer.concat([derHeader(0x30, body.length), body])
}

/** A tag and a length in the fewest bytes (DER, X.690 10.1), for lengths from 256 to 16 MiB. */
function derHeader(tag: number, length: number): Buffer {
  if (length < 0x10000) return Buffer.from([tag, 0x82, length >> 8, length & 0xff])
  return Buffer.from([tag, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff])
}

/** A SEQUENCE around one OCTET STRING, `total` bytes in all: a MiB of bytes for the hex dump. */
function bigOctetString(total: number): Buffer {
  const content = Buffer.alloc(total - 10, 0xa5)
  return Buffer.concat([derHeader(0x30, content.length + 5), derHeader(0x04, content.length), content])
}

test('a 1 MiB object stays responsive: the dump and the tree render only what is on screen', async ({
  page,
}) => {
  await openInspector(page)
  const big = bigOctetString(1024 * 1024)
  // 20,000 nodes: the parser takes about a second for them (linear, about 35 us a node in node).
  const many = manyStrings(20_000)
  await page.getByTestId('file-input').setInputFiles([
    { name: 'big.der', mimeType: 'application/octet-stream', buffer: big },
    { name: 'many.der', mimeType: 'application/octet-stream', buffer: many },
  ])

  // Responsive means only what is on screen is rendered (no wall-clock limit here: speed is a
  // benchmark's job, `npm run bench`): a MiB of bytes gives fewer than 2,000 byte cells.
  const bigCard = page.locator('article', { hasText: 'big.der' })
  await bigCard.getByRole('tab', { name: 'ASN.1 and hex' }).click()
  await expect(bigCard.getByRole('tree')).toBeVisible()
  expect(await bigCard.locator('.b').count()).toBeLessThan(2000)
  // Scrolling the dump to the end renders the last row, and clicking a byte there finds its node.
  await bigCard
    .getByRole('region', { name: /Hex dump/ })
    .evaluate((element) => (element.scrollTop = element.scrollHeight))
  await bigCard.locator(`.b[data-offset="${big.length - 1}"]`).click()
  await expect(bigCard.locator('[role="treeitem"][aria-selected="true"]')).toContainText('OCTET STRING')

  const manyCard = page.locator('article', { hasText: 'many.der' })
  await manyCard.getByRole('tab', { name: 'ASN.1 and hex' }).click()
  await expect(manyCard.getByRole('tree')).toBeVisible()
  await expect(manyCard.getByRole('treeitem')).toHaveCount(400)
  await manyCard.getByRole('button', { name: /Show 400 more/ }).click()
  await expect(manyCard.getByRole('treeitem')).toHaveCount(800)
})

test('a certificate embedded in an OCSP response opens as a card of its own', async ({ page }) => {
  await openInspector(page)
  await page.getByTestId('file-input').setInputFiles(fixture('ocsp/resp-good-delegated-byname.der'))
  const response = card(page, /OCSP response: good/)
  await response.getByText(/Embedded certificate 1/).click()
  await response.getByRole('button', { name: /Open as its own card/ }).click()
  const embedded = page.locator('article', {
    hasText: 'certificate 1 embedded in resp-good-delegated-byname.der',
  })
  await expect(embedded).toHaveAttribute('data-kind', 'certificate')
  await expect(embedded.getByRole('tab', { name: 'ASN.1 and hex' })).toBeVisible()
})

test('loaded objects stay when the reader visits another view and comes back', async ({ page }) => {
  await openInspector(page)
  await page.getByTestId('file-input').setInputFiles(fixture('certs/leaf-rsa.pem'))
  await expect(card(page, 'rsa.staple-lab.example')).toBeVisible()
  await page.getByRole('link', { name: 'Learn' }).click()
  await page.getByRole('link', { name: 'Inspect' }).click()
  await expect(card(page, 'rsa.staple-lab.example')).toBeVisible()
  await page.getByRole('button', { name: 'Clear all' }).click()
  await expect(page.getByText('Nothing loaded yet.')).toBeVisible()
})

test('a drop that takes more than a moment shows a Reading card for each file until its cards come', async ({
  page,
}) => {
  // The parse worker's file arrives late, as on a slow connection: the drop waits for it.
  let releaseWorker = () => {}
  const workerHeld = new Promise<void>((resolve) => (releaseWorker = resolve))
  await page.route(/\/assets\/parse\.worker-[\w-]+\.js$/, async (route) => {
    await workerHeld
    await route.continue()
  })
  await page.goto('./#/inspect')
  const files = [
    'certs/leaf-must-staple.pem',
    'certs/intermediate.pem',
    'certs/root.pem',
    'ocsp/resp-must-staple-good.der',
  ]
  await page.getByTestId('file-input').setInputFiles(files.map(fixture))

  // After 100 ms with no answer, one placeholder per file, busy, named by its file.
  const reading = page.locator('article[aria-busy="true"]')
  await expect(reading).toHaveCount(4)
  await expect(reading.first()).toContainText('Reading')
  await expect(reading.first()).toContainText('leaf-must-staple.pem')
  await expect(page.getByRole('button', { name: 'Clear all' })).toBeVisible()

  releaseWorker()
  await expect(page.getByTestId('chain').locator('li[data-status="pass"]')).toHaveCount(3)
  await expect(reading).toHaveCount(0)
  await expect(page.getByRole('article')).toHaveCount(4)
  await expect(card(page, 'shop.example')).toBeVisible()
})
