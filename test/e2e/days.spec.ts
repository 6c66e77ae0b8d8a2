import { expect, test, type Page } from '@playwright/test'

const summary = (page: Page) => page.getByTestId('days-summary')

test('the view renders the timeline, one lane per strategy, and the CA load chart', async ({ page }) => {
  await page.goto('./#/days')
  await expect(page.getByRole('heading', { name: 'Over days' })).toBeVisible()
  const timeline = page.getByRole('group', { name: /^Timeline over 168 hours/ })
  await expect(timeline).toBeVisible()
  for (const lane of [
    'Proactive server',
    'Lazy server',
    'Blocking server',
    'Static file server',
    'No stapling server',
  ])
    await expect(timeline.getByText(lane)).toBeVisible()
  await expect(summary(page)).toContainText('a blocking one during 13 hours')
  await expect(page.getByTestId('ca-ratio')).toHaveText(/^Stapling sends [\d,]+x fewer requests to the CA/)
  await expect(
    page.getByRole('img', { name: /Requests per hour reaching the responder, log scale/ }),
  ).toBeVisible()
})

test('keyboard inputs change the failing hours, and the link survives a reload', async ({ page }) => {
  await page.goto('./#/days')
  await expect(page.getByTestId('failing-proactive')).toHaveText('0')

  const validity = page.getByRole('spinbutton', { name: /Response validity/ })
  await validity.fill('96')
  await validity.press('Enter')
  await expect(summary(page)).toHaveText(/^With a 12-hour outage and 4-day responses/)

  const duration = page.getByRole('spinbutton', { name: /duration/ })
  await duration.fill('120')
  await duration.press('Tab')
  await expect(summary(page)).toHaveText(
    /^With a 5-day outage and 4-day responses, a proactive server fails must-staple during 72 hours/,
  )
  await expect(page.getByTestId('failing-proactive')).toHaveText('72')
  await expect(page).toHaveURL(/#\/days\?v=96&o=48-168$/)

  const before = await summary(page).textContent()
  await page.reload()
  await expect(summary(page)).toHaveText(before ?? '')
  await expect(page.getByRole('spinbutton', { name: /Response validity/ })).toHaveValue('96')
  await expect(page.getByRole('spinbutton', { name: /duration/ })).toHaveValue('120')
})

test('an outage can be dragged with the mouse and moved with the arrow keys', async ({ page }) => {
  await page.goto('./#/days')
  const outage = page.getByRole('slider', { name: /^Outage 1/ })
  const box = (await outage.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 6 })
  await page.mouse.up()
  await expect(page).toHaveURL(/#\/days\?o=\d+-\d+$/)
  const moved = new URL(page.url()).hash.match(/o=(\d+)-(\d+)/)!
  expect(Number(moved[1])).toBeGreaterThan(48)
  expect(Number(moved[2]) - Number(moved[1])).toBe(12)

  await outage.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`o=${Number(moved[1]) - 1}-${Number(moved[2]) - 1}$`))
})

test('hovering and the keyboard cursor explain an hour', async ({ page }) => {
  await page.goto('./#/days')
  const timeline = page.getByRole('group', { name: /^Timeline over 168 hours/ })
  await timeline.focus()
  await page.keyboard.press('Home')
  await page.keyboard.press('PageDown')
  await page.keyboard.press('PageDown')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('cursor-line')).toContainText(
    'Hour 49 (day 3, 01:00 to 02:00): responder down',
  )
  await expect(page.getByTestId('cursor-line')).toContainText('Blocking: error staple')

  // The outage band sits 51 px below the top of the chart, the plot from 116 px to 14 px from the right.
  const box = (await timeline.boundingBox())!
  const hourX = (h: number) => box.x + 116 + (h / 168) * (box.width - 116 - 14)
  await page.mouse.move(hourX(54), box.y + 51)
  await expect(page.getByRole('tooltip')).toHaveText(
    /^Outage 1: the responder answers nothing from hour 48 \(day 3, 00:00\)/,
  )
})

test('no network request after load', async ({ page }) => {
  await page.goto('./#/days')
  await expect(summary(page)).toBeVisible()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.getByRole('button', { name: 'Add an outage' }).click()
  const clients = page.getByRole('spinbutton', { name: /^Clients/ })
  await clients.fill('5000')
  await clients.press('Enter')
  await expect(page.getByTestId('ca-ratio')).toBeVisible()
  // The new value reached the link: the page has done all it does for this input.
  await expect(page).toHaveURL(/[?&]c=5000(&|$)/)
  expect(requests).toEqual([])
})

test('a link with bad values names them, and an outage past the window is not counted', async ({ page }) => {
  await page.goto('./#/days?d=2&v=abc&o=10-20_60-70')
  await expect(page.getByTestId('link-problems').getByRole('listitem')).toHaveText([
    'Response validity: v=abc is not a number from 1 to 720 hours',
    'Responder outages: outage 2 (60-70) starts after the 48 simulated hours',
  ])
  await expect(summary(page)).toContainText('With a 10-hour outage and 7-day responses')
})

test('a year at 1,000,000 handshakes an hour draws run-length bars and answers every key', async ({
  page,
}) => {
  await page.goto('./#/days?d=366&r=1000000&o=48-60_2000-2100')
  const timeline = page.getByTestId('timeline')
  // A year's lanes come in a few hundred slices of at most 10 ms a task, then a lane a frame: a
  // second or so on an idle machine, several on a loaded one (the page answers keys meanwhile).
  const lanesIn = { timeout: 30_000 }
  await expect(timeline).toHaveAttribute('aria-busy', 'false', lanesIn)
  await expect(page.getByRole('group', { name: /^Timeline over 8784 hours/ })).toBeVisible()
  // One rect per run of equal hours, not one per hour: a year's strip with two outages is a few.
  const strips = timeline.getByTestId('bars')
  // Per lane a staple row and two strips, and plain OCSP's two strips.
  await expect(strips).toHaveCount(3 * 5 + 2)
  for (const count of await strips.evaluateAll((gs) => gs.map((g) => g.childElementCount)))
    expect(count).toBeLessThan(20)
  // A year's hourly fetches are hundreds of ticks above each staple row: a few paths, not an element each.
  expect(await timeline.locator('path.fetch-ok').count()).toBeLessThan(5 * 10)
  expect(await timeline.locator('*').count()).toBeLessThan(400)

  // Ten keys as fast as the keyboard sends them: the field, the link and the lanes land on the tenth.
  const slider = page.getByRole('slider', { name: 'Response validity, slider' })
  await slider.focus()
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('spinbutton', { name: /Response validity/ })).toHaveValue('158')
  await expect(page).toHaveURL(/[?&]v=158(&|$)/)
  await expect(timeline).toHaveAttribute('aria-busy', 'false', lanesIn)
  await expect(summary(page)).toContainText('and 158-hour responses')
})
