import { expect, test, type Page } from '@playwright/test'

/** The "Safe?" panel's entry for one comparison row. */
function safety(page: Page, rowTitle: RegExp) {
  return page
    .getByRole('region', { name: 'Safe?' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: rowTitle }) })
}

test('a learner walks the whole lesson with the keyboard alone', async ({ page }) => {
  // Ten steps, each re-simulating and redrawing four diagrams: 25 s on an idle machine.
  test.setTimeout(60_000)
  const requests: string[] = []
  await page.goto('./#/learn/1')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Why ask whether a certificate is revoked?',
  )
  // Once the step's diagrams are drawn, their text alternative (a chunk of its own) arrives: from
  // then on, walking the lesson asks for nothing.
  await expect(page.locator('figure.diagram .text-alt li').first()).toBeAttached()
  page.on('request', (r) => requests.push(r.url()))

  const titles: string[] = []
  for (let step = 1; step <= 10; step++) {
    await expect(page).toHaveURL(new RegExp(`#/learn/${step}$`))
    await expect(page.getByText(`Step ${step} of 10`)).toBeVisible()
    titles.push((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')
    if (step < 10) {
      await page.locator('body').press('n')
    }
  }
  expect(new Set(titles).size).toBe(10)
  // p goes back; Tab reaches the Next link and Enter follows it.
  await page.locator('body').press('p')
  await expect(page).toHaveURL(/#\/learn\/9$/)
  const next = page.getByRole('link', { name: 'Next →' })
  await next.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/learn\/10$/)
  expect(requests).toEqual([])
})

test('step 5 shows soft-fail accepting a revoked certificate, step 6 must-staple refusing it', async ({
  page,
}) => {
  await page.goto('./#/learn/5')
  await expect(safety(page, /Plain OCSP/)).toContainText('accepted a revoked certificate')
  await page.getByRole('link', { name: 'Next →' }).click()
  await expect(page).toHaveURL(/#\/learn\/6$/)
  await expect(safety(page, /Must-staple/)).toContainText('rejected')
  await expect(safety(page, /Must-staple/)).not.toContainText('accepted a revoked certificate')
})

test('a quiz answer is checked in the page and explained', async ({ page }) => {
  await page.goto('./#/learn/4')
  await page.getByRole('button', { name: /In a CertificateStatus message/ }).click()
  await expect(page.getByText('Not quite.')).toBeVisible()
  await expect(page.getByText('TLS 1.3 has no CertificateStatus message')).toBeVisible()
  await page.getByRole('button', { name: /leaf’s CertificateEntry|leaf's CertificateEntry/ }).click()
  await expect(page.getByText('Right.')).toBeVisible()
})

test('a changed scenario stays in the step link, and Reset brings back the step’s own', async ({ page }) => {
  await page.goto('./#/learn/2')
  await page.getByText('Change the scenario').click()
  await page.getByRole('radio', { name: 'TLS 1.2' }).check()
  await expect(page).toHaveURL(/#\/learn\/2\?.*tls=1\.2/)
  await page.reload()
  // Opened from a link with another scenario: the page says the diagrams are not the step's own.
  const notice = page.getByTestId('other-scenario')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText("another scenario than this step's own")
  await expect(page.getByRole('link', { name: 'Reset to this step’s scenario' })).toBeVisible()
  await page.getByRole('link', { name: 'Reset to this step’s scenario' }).click()
  await expect(page).toHaveURL(/#\/learn\/2$/)
  await expect(notice).toHaveCount(0)
})

test('a link to a step that does not exist says so and offers the first', async ({ page }) => {
  await page.goto('./#/learn/42')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such step')
  await page.getByRole('link', { name: 'Start at step 1' }).click()
  await expect(page).toHaveURL(/#\/learn\/1$/)
})

test('a step’s diagrams can be embedded: the embed code is an iframe of its scenario', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./#/learn/5')
  await page.getByRole('button', { name: 'Copy embed code' }).click()
  await expect(page.getByText('Embed code copied.')).toBeVisible()
  const code = await page.evaluate(() => navigator.clipboard.readText())
  expect(code).toMatch(/^<iframe src="[^"]*#\/embed\?[^"]*resp=blocked/)
  const src = /src="([^"]*)"/.exec(code)![1]!.replace(/&amp;/g, '&')
  await page.goto(src)
  await expect(page.getByRole('link', { name: /Open in Staple Lab/ })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0)
})
