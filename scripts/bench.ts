/**
 * `npm run bench`: every benchmark in scripts/bench/, one after another. Speed is reported as
 * ratios against a reference run in the same process or command (openssl, node's own crypto),
 * never as pass/fail: a timed test on a shared 2-core machine would only measure the noise.
 *
 * Each file in scripts/bench/ exports `name` and `run()`; `npm run bench -- sim` runs the ones
 * whose name contains "sim". dist/ is rebuilt first when the code is newer than it.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'
import { ensureFreshBuild } from './bench/_freshBuild.ts'

interface Benchmark {
  name: string
  run: () => Promise<void>
}

const here = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2] ?? ''
const files = readdirSync(join(here, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .sort()

// The browser benchmarks serve dist/: measure the code as it is now, not an older build.
ensureFreshBuild(join(here, '..'))

for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, 'bench', file)).href)) as Benchmark
  if (!bench.name.includes(filter)) continue
  console.log(`\n## ${bench.name}`)
  await bench.run()
}
