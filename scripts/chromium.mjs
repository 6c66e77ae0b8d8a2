// Where is a Chromium to drive? $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's
// own download (if someone ran `npx playwright install` on a machine that allows it).
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const path of candidates) if (path && existsSync(path)) return path
  try {
    const bundled = chromium.executablePath()
    if (bundled && existsSync(bundled)) return bundled
  } catch {
    // Playwright throws when it has no browser of its own: fall through.
  }
  return undefined
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
