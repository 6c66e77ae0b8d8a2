/**
 * The Node version the README and package.json `engines` promise is the one the tools need: the
 * highest minimum any installed dependency declares (vite 8, eslint 10 and pkijs 4 need 20.19).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

type Version = [number, number, number]

interface Manifest {
  engines?: { node?: string }
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const root = new URL('../', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Manifest
const readme = readFileSync(new URL('README.md', root), 'utf8')

function parseVersion(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text.split('.').map(Number)
  return [major, minor, patch]
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/** The lowest Node a range such as "^20.19.0 || >=22.12.0" or ">= 18" accepts. */
function lowestNode(range: string): Version {
  const floors = range.split('||').map((part) => parseVersion(part.replace(/[\^~>=\s]/g, '')))
  return floors.sort(compare)[0]!
}

function neededByTools(): { version: Version; by: string } {
  let needed = { version: [0, 0, 0] as Version, by: '' }
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  for (const name of names) {
    // The installed manifest itself: some packages (d3's) export no ./package.json subpath.
    const path = new URL(`node_modules/${name}/package.json`, root)
    const own = JSON.parse(readFileSync(path, 'utf8')) as Manifest
    const range = own.engines?.node
    if (!range) continue
    const version = lowestNode(range)
    if (compare(version, needed.version) > 0) needed = { version, by: name }
  }
  return needed
}

describe('the Node version', () => {
  it('reads the floor of a range', () => {
    expect(lowestNode('^20.19.0 || >=22.12.0')).toEqual([20, 19, 0])
    expect(lowestNode('>= 18.0.0')).toEqual([18, 0, 0])
    expect(lowestNode('^20.19 || ^22.12 || >=24')).toEqual([20, 19, 0])
  })

  it('package.json engines and the README say what the tools need', () => {
    const { version, by } = neededByTools()
    expect(by).not.toBe('')
    const shown = version[2] === 0 ? `${version[0]}.${version[1]}` : version.join('.')
    expect(manifest.engines?.node, `${by} needs Node ${shown}`).toBe(`>=${shown}`)
    expect(readme).toContain(`(Node ${shown} or later)`)
  })
})
