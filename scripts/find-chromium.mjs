// Fails in one line, before the build, when there is no Chromium for the end-to-end tests.
import { findChromium } from './chromium.mjs'

const path = findChromium()
if (!path) {
  console.error(
    'No Chromium found for the end-to-end tests: set CHROMIUM_PATH, or on Debian run `sudo apt-get install -y chromium`.',
  )
  process.exit(1)
}
