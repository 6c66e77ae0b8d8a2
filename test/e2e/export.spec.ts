import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import {
  frameSchedule,
  gifDelaysCs,
  type ExportSpeed,
  type FramesPerSecond,
} from '../../src/lib/export/schedule.ts'
import { readGif, readWebm } from '../lib/export/mediaReaders.ts'

/** The playback's end, as the scrubber's range says (simulated ms). */
async function playbackEnd(page: Page): Promise<number> {
  const range = page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')
  return Number(await range.getAttribute('max'))
}

async function openAnimationDialog(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('button', { name: 'Animation (GIF or video)…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export the animation' })
  await expect(dialog).toBeVisible()
  return dialog
}

// Each export draws a few dozen frames in the page: on a shared, loaded machine that takes longer
// than the default 30 s.
test.describe.configure({ timeout: 90_000 })

/** Collect the page's Content-Security-Policy violations from now on (blob: images, styles...). */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
}

function expectedFrames(end: number, speed: ExportSpeed, fps: FramesPerSecond) {
  return frameSchedule({ end, moments: [], mode: 'continuous', speed, fps })
}

test('a GIF of one row downloads under a name that says what it shows, one image per frame, at 800x450', async ({
  page,
}) => {
  const network: string[] = []
  page.on('request', (r) => {
    if (/^https?:/.test(r.url())) network.push(r.url())
  })
  await page.goto('./#/compare?resp=down&rr=20&tsoft=300')
  await expect(page.locator('[data-testid="diagrams"] figure.diagram')).toHaveCount(4)
  const loaded = network.length
  const end = await playbackEnd(page)
  const cspViolations = await recordCspViolations(page)
  const dialog = await openAnimationDialog(page)
  await dialog.getByLabel('Diagrams').selectOption({ label: 'Must-staple only' })
  await dialog.getByLabel('Speed').selectOption('2')
  await expect(dialog.getByLabel('Size')).toHaveValue('800x450')
  const schedule = expectedFrames(end, 2, 10)
  await expect(dialog).toContainText(`${schedule.length} frames`)

  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export GIF' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('staple-lab-must-staple-tls13-responder-down-rr20-tsoft300.gif')
  const bytes = new Uint8Array(await readFile((await file.path())!))
  const gif = readGif(bytes)
  expect([gif.width, gif.height]).toEqual([800, 450])
  expect(gif.frames).toHaveLength(schedule.length)
  expect(gif.frames.map((f) => f.delayCs)).toEqual(gifDelaysCs(schedule))
  expect(gif.loopCount).toBe(0)
  expect(gif.complete).toBe(true)
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toHaveText(
    `GIF saved: ${schedule.length} frames, 800×450, ${Math.round(bytes.length / 1024)} kB.`,
  )

  // Chromium's own GIF decoder reads it: the first frame is almost all background, the last has
  // the finished diagram drawn (more ink), and every frame decodes.
  const decoded = await page.evaluate(
    async (data) => {
      const decoder = new ImageDecoder({ data: new Uint8Array(data), type: 'image/gif' })
      await decoder.tracks.ready
      await decoder.completed
      const ink = async (index: number) => {
        const { image } = await decoder.decode({ frameIndex: index })
        const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight)
        const context = canvas.getContext('2d')!
        context.drawImage(image, 0, 0)
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
        let dark = 0
        for (let i = 0; i < pixels.length; i += 4)
          if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) dark++
        image.close()
        return dark
      }
      const count = decoder.tracks.selectedTrack!.frameCount
      return { count, first: await ink(0), last: await ink(count - 1) }
    },
    [...bytes],
  )
  expect(decoded.count).toBe(schedule.length)
  expect(decoded.last).toBeGreaterThan(decoded.first)
  // The only requests after the page loaded are the page's own dialog and encoder code, on demand.
  expect(
    network
      .slice(loaded)
      .filter((url) => !/^http:\/\/127\.0\.0\.1:\d+\/assets\/[\w.-]+\.(js|css)$/.test(url)),
  ).toEqual([])
  expect(network.slice(loaded).some((url) => /gifSink/.test(url))).toBe(true)
  expect(await cspViolations()).toEqual([])
})

test('a WebM video of the four diagrams has the schedule’s frames at the chosen size and plays for its length', async ({
  page,
}) => {
  await page.goto('./#/compare')
  await expect(page.locator('[data-testid="diagrams"] figure.diagram')).toHaveCount(4)
  const end = await playbackEnd(page)
  const cspViolations = await recordCspViolations(page)
  const dialog = await openAnimationDialog(page)
  await dialog.getByRole('radio', { name: 'WebM video' }).check()
  await dialog.getByLabel('Speed').selectOption('2')
  await dialog.getByLabel('Frames per second').selectOption('25')
  const schedule = expectedFrames(end, 2, 25)
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export WebM video' }).click()
  const file = await download
  expect(await cspViolations()).toEqual([])
  expect(file.suggestedFilename()).toBe('staple-lab-compare-tls13-responder-up.webm')
  const bytes = new Uint8Array(await readFile((await file.path())!))
  const webm = readWebm(bytes)
  expect(webm.docType).toBe('webm')
  expect([webm.pixelWidth, webm.pixelHeight]).toEqual([800, 450])
  expect(webm.blocks).toHaveLength(schedule.length)
  expect(webm.blocks[0]!.key).toBe(true)
  const last = schedule.at(-1)!
  expect(webm.durationMs).toBe(Math.round(last.startMs + last.durationMs))

  // Chromium plays it: its demuxer and decoder agree on the size and the length. (A blank page:
  // the app's CSP allows no blob: media, and the app never plays the file itself.)
  await page.goto('about:blank')
  const played = await page.evaluate(
    async (data) => {
      const video = document.createElement('video')
      video.muted = true
      video.src = URL.createObjectURL(new Blob([new Uint8Array(data)], { type: 'video/webm' }))
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve
        video.onerror = () => reject(new Error(video.error?.message ?? 'video error'))
      })
      return { width: video.videoWidth, height: video.videoHeight, duration: video.duration }
    },
    [...bytes],
  )
  expect(played.width).toBe(800)
  expect(played.height).toBe(450)
  expect(played.duration).toBeCloseTo(webm.durationMs / 1000, 1)
})

test('Cancel stops the export: no file, the progress bar goes, the playback is back where it was', async ({
  page,
}) => {
  await page.goto('./#/compare?resp=down')
  await expect(page.locator('[data-testid="diagrams"] figure.diagram')).toHaveCount(4)
  // Paused at 120 ms by the scrubber, as a reader would leave it.
  const scrubber = page.getByRole('group', { name: 'Playback' }).locator('input[type="range"]')
  await scrubber.fill('120')
  const dialog = await openAnimationDialog(page)
  // The slowest options: many frames at full HD, so there is time to press Cancel.
  await dialog.getByLabel('Size').selectOption('1920x1080')
  await dialog.getByLabel('Speed').selectOption('0.5')
  let downloads = 0
  page.on('download', () => downloads++)
  await dialog.getByRole('button', { name: 'Export GIF' }).click()
  const progress = dialog.getByRole('progressbar', { name: 'Export progress' })
  await expect(progress).toBeVisible()
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toBeHidden()
  await expect(dialog.getByRole('alert')).toHaveText('Export cancelled: nothing was saved.')
  await expect(dialog.getByRole('button', { name: 'Export GIF' })).toBeEnabled()
  // An absence has nothing to wait for: give a late download half a second to show itself.
  await page.waitForTimeout(500)
  expect(downloads).toBe(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(scrubber).toHaveValue('120')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
})

test('the dialog works from the keyboard at phone width: Escape closes it and focus returns to Export', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 760 })
  await page.goto('./#/compare')
  const exportButton = page.getByRole('button', { name: 'Export', exact: true })
  await exportButton.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Animation (GIF or video)…' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Export the animation' })
  await expect(dialog).toBeVisible()
  // Modal: focus starts inside, and every control is labelled and within the phone's width.
  await expect(dialog.locator(':focus')).toHaveCount(1)
  for (const label of ['Diagrams', 'Size', 'Speed', 'Frames per second']) {
    const box = await dialog.getByLabel(label).boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(360)
  }
  await dialog.getByRole('radio', { name: 'WebM video' }).check()
  await expect(dialog.getByLabel('Frames per second')).toHaveValue('30')
  await expect(dialog.getByRole('button', { name: 'Export WebM video' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(exportButton).toBeFocused()
})
