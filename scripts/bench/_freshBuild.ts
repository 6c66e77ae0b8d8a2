/**
 * The browser benchmarks serve dist/ as it is. A dist/ older than the code measures the old code,
 * so `npm run bench` rebuilds it first when any input of the build is newer than dist/index.html.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time (ms) under `path`, a file or a folder. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)))
  return newest
}

/** The inputs of `vite build`: sources, static files, the page and the build's configuration. */
const buildInputs = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'vite.embed.config.ts',
  'package-lock.json',
  'tsconfig.json',
]

/** True when dist/ is missing or older than one of the build's inputs. */
export function buildIsStale(root: string): boolean {
  const built = join(root, 'dist', 'index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return buildInputs.some((input) => newestChange(join(root, input)) > builtAt)
}

/** Build dist/ when it is stale; throws when the build fails. */
export function ensureFreshBuild(root: string): void {
  if (!buildIsStale(root)) return
  console.log('dist/ is older than the code: building it first (npm run build)')
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build failed')
}
