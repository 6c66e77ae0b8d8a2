import { describe, expect, it } from 'vitest'
import { chunkName } from '../../src/build/chunkNames'

const root = '/work/staple-lab'
const chunk = (name: string, moduleIds: string[], isDynamicEntry = false) => ({
  name,
  moduleIds,
  isDynamicEntry,
})

describe('chunkName', () => {
  it('names a shared chunk after the library it carries, not after its first importer', () => {
    expect(
      chunkName(
        chunk('extensions', [
          `${root}/src/lib/pki/extensions.ts`,
          `${root}/node_modules/asn1js/build/index.es.js`,
          `${root}/node_modules/pkijs/build/index.es.js`,
        ]),
      ),
    ).toBe('pkijs')
    expect(
      chunkName(
        chunk('types', [
          `${root}/node_modules/svelte/src/internal/client/runtime.js`,
          `${root}/src/lib/sim/types.ts`,
        ]),
      ),
    ).toBe('svelte')
    expect(
      chunkName(
        chunk('axis', [`${root}/node_modules/d3-scale/src/linear.js`, `${root}/src/lib/viz/axis.ts`]),
      ),
    ).toBe('d3')
    expect(
      chunkName(
        chunk('provenance', [`${root}/src/lib/sim/engine.ts`, `${root}/src/lib/bridge/provenance.ts`]),
      ),
    ).toBe('engine')
  })

  it('calls the diagrams’ chunk "diagrams" though it carries d3-timer', () => {
    expect(
      chunkName(
        chunk('playback.svelte', [
          `${root}/node_modules/d3-timer/src/timer.js`,
          `${root}/src/components/compare/diagram/SwimlaneDiagram.svelte`,
        ]),
      ),
    ).toBe('diagrams')
  })

  it('names the first screen’s shared chunks after what they carry: the playback bar, the comparison’s state, the scenario', () => {
    expect(
      chunkName(
        chunk('diagrams', [
          `${root}/src/components/compare/diagram/IconButton.svelte`,
          `${root}/src/components/compare/diagram/PlaybackBar.svelte`,
        ]),
      ),
    ).toBe('playback')
    expect(
      chunkName(
        chunk('clock', [
          `${root}/node_modules/d3-array/src/ticks.js`,
          `${root}/src/lib/viz/clock.ts`,
          `${root}/src/components/compare/scenarioState.svelte.ts`,
        ]),
      ),
    ).toBe('scenarioState')
    expect(
      chunkName(
        chunk('provenanceLink', [
          `${root}/src/lib/sim/scenarioFields.ts`,
          `${root}/src/lib/bridge/provenanceLink.ts`,
        ]),
      ),
    ).toBe('scenario')
  })

  it('calls the real clients’ profiles, loaded when a scenario names one, "clients"', () => {
    expect(
      chunkName(
        chunk('chrome', [
          `${root}/src/lib/sim/clients/chrome.ts`,
          `${root}/src/lib/sim/clients/safari.ts`,
          `${root}/src/lib/sim/clients/profiles.ts`,
        ]),
      ),
    ).toBe('clients')
  })

  it('keeps the names of lazy views and of chunks it has no better name for', () => {
    expect(chunkName(chunk('InspectorPage', [`${root}/node_modules/pkijs/build/index.es.js`], true))).toBe(
      'InspectorPage',
    )
    expect(chunkName(chunk('names', [`${root}/src/lib/pki/names.ts`]))).toBe('names')
  })
})
