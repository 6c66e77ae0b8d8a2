import { expect, test, type Page } from '@playwright/test'
import { watchNetwork } from './network.ts'

/**
 * The first screen of #/compare carries only the textbook client's profile; the five real clients
 * load on demand (src/lib/sim/clients/load.ts). A link or a control that names one must still show
 * that client's comparison, from its first render, and never another client's runs under its name.
 */

const plainOcspTitle = (page: Page) =>
  page.getByTestId('diagrams').locator('[data-row="plain-ocsp"] h3 .title')

/**
 * Every verdict the live plain-OCSP row shows, from the page's first script on (the frame's left
 * out): its time says which client ran it (the textbook client waits for the responder).
 */
async function recordPlainOcspVerdicts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { plainOcspVerdicts: string[] }).plainOcspVerdicts = seen
    const look = () => {
      for (const verdict of document.querySelectorAll('[data-row="plain-ocsp"] .verdict')) {
        if (verdict.closest('#first-frame, .first-frame')) continue
        const text = (verdict.textContent ?? '').replace(/\s+/g, ' ').trim()
        if (seen.at(-1) !== text) seen.push(text)
      }
    }
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true })
  })
}

const plainOcspVerdicts = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { plainOcspVerdicts: string[] }).plainOcspVerdicts)

test('a link naming Chrome shows Chrome from its first render: no OCSP fetch, its panel, never the textbook client’s runs', async ({
  page,
}) => {
  await recordPlainOcspVerdicts(page)
  // The profiles arrive a second late: long after the rest of the view could show.
  await page.route(/\/assets\/clients-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await route.continue()
  })
  await page.goto('./#/compare?cl=chrome')
  const network = watchNetwork(page)
  await expect(plainOcspTitle(page)).toHaveText('Plain OCSP (not fetched)')
  // Chrome never asks the responder: the plain-OCSP row connects as fast as no check.
  await expect(page.getByTestId('diagrams').locator('[data-row="plain-ocsp"] .verdict')).toContainText(
    'Connected · 100 ms',
  )
  await expect(page.getByTestId('client-panel').getByRole('heading')).toHaveText(
    'What this client does: Chrome / Edge',
  )
  const verdicts = await plainOcspVerdicts(page)
  expect(verdicts.length).toBeGreaterThan(0)
  for (const verdict of verdicts) expect(verdict).toMatch(/^Connected · 100 ms/)
  expect(network).toEqual([])
})

test('choosing a client in the controls re-simulates as that client, and the link keeps it', async ({
  page,
}) => {
  await page.goto('./')
  await expect(plainOcspTitle(page)).toHaveText('Plain OCSP (soft-fail)')
  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: 'Firefox ≤ 136' })
  // Firefox up to 136 still fetches OCSP, and soft-fails.
  await expect(page.getByTestId('client-panel').getByRole('heading')).toHaveText(
    'What this client does: Firefox ≤ 136',
  )
  await expect(page).toHaveURL(/#\/compare\?.*cl=firefox-136/)
  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: 'curl --cert-status' })
  await expect(page.getByTestId('diagrams').locator('[data-row="must-staple"] .verdict')).toBeVisible()
  await expect(page.getByTestId('client-panel').getByRole('heading')).toHaveText(
    /What this client does: curl/,
  )
  await expect(plainOcspTitle(page)).toHaveText('Plain OCSP (not fetched)')
})

test('a client profile that cannot load says so in one line, instead of a blank or a wrong comparison', async ({
  page,
}) => {
  await recordPlainOcspVerdicts(page)
  await page.route(/\/assets\/clients-[\w-]+\.js$/, (route) => route.abort())
  await page.goto('./#/compare?cl=safari')
  await expect(page.getByRole('alert').filter({ hasText: 'Safari' })).toHaveText(
    'The Safari profile could not be loaded: reload the page.',
  )
  expect(await plainOcspVerdicts(page)).toEqual([])
})
