/**
 * The scenario and the view, kept in the URL hash (the URL is the state: docs/architecture.md).
 *
 *   #/compare?rs=80&tls=1.2&x=2      the comparison view, a scenario, playback at 2x
 *   #/embed?rs=80                    the same diagrams for an iframe
 *
 * The scenario uses the engine's compact query (scenarioToQuery: only fields that differ from the
 * defaults); the view adds its own keys beside it, which parseScenarioParams ignores.
 *
 * History: a burst of changes (a slider drag sends one per pixel) makes one history entry. The first
 * change of a burst pushes; the next ones within `burstMs` replace it, so back/forward step through
 * changes a person made, not through every pixel of a drag.
 */
import { getContext, setContext } from 'svelte'
import { carriesProvenance, type Provenance } from '../../lib/bridge/provenanceLink.ts'
import { router } from '../../lib/route.svelte.ts'
import { formatRoute } from '../../lib/route.ts'
import {
  defaultScenario,
  parseScenarioParams,
  scenarioFields,
  scenarioToQuery,
  versionKey,
  type Scenario,
  type ScenarioProblem,
} from '../../lib/sim/index.ts'
import { isSpeed, type Speed } from '../../lib/viz/clock.ts'

/**
 * View keys in the hash, beside the scenario's keys. Never reuse a scenario key. The "your
 * certificate" marker (src, cn, ms, sid, nu) is view state too: see lib/bridge/provenance.ts.
 */
export const viewKeys = { speed: 'x' } as const

/** A drag's events come a few ms apart; two clicks a person means as separate come further apart. */
export const burstMs = 600

export type CompareViewName = 'compare' | 'embed'

const scenarioKeys = new Set<string>([
  versionKey,
  ...Object.values(scenarioFields).map((spec) => spec.urlKey),
])

/** Only the scenario's part of a query, in a stable string (so a speed change does not re-simulate). */
export function scenarioPart(query: URLSearchParams): string {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway value, never reactive state
  const out = new URLSearchParams()
  for (const [key, value] of query) if (scenarioKeys.has(key)) out.append(key, value)
  return out.toString()
}

export interface HashScenario {
  /** The link's valid values over the defaults. */
  scenario: Scenario
  /** Every value of the link that could not be used (its default is shown instead). */
  problems: ScenarioProblem[]
}

export function readScenario(scenarioQuery: string): HashScenario {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway value, never reactive state
  const { scenario, problems } = parseScenarioParams(new URLSearchParams(scenarioQuery))
  return { scenario, problems }
}

export function readSpeed(query: URLSearchParams): Speed {
  const value = Number(query.get(viewKeys.speed))
  return isSpeed(value) ? value : 1
}

/** The marker's reader and writer, with the certificate facts behind them (lib/bridge/provenance.ts). */
type ProvenanceModule = typeof import('../../lib/bridge/provenance.ts')

/** A link's "your certificate" marker, and the function that writes it into a query. */
export interface LinkMarker {
  provenance: Provenance
  write: ProvenanceModule['writeProvenance']
}

/**
 * The full query for a scenario and the view state. The "your certificate" marker stays while the
 * reader edits the scenario: it is still their certificate, under other network conditions.
 */
export function queryFor(
  scenario: Scenario,
  speed: Speed,
  marker: LinkMarker | null = null,
): URLSearchParams {
  const query = scenarioToQuery(scenario)
  if (speed !== 1) query.set(viewKeys.speed, String(speed))
  if (marker) marker.write(query, marker.provenance)
  return query
}

export function hashFor(
  view: CompareViewName,
  scenario: Scenario,
  speed: Speed,
  marker: LinkMarker | null = null,
): string {
  return formatRoute({ view, query: queryFor(scenario, speed, marker) })
}

const provenanceContextKey = Symbol('provenance')

/** The comparison view shares "is this the reader's certificate" with the diagrams below it. */
export function setProvenanceContext(read: () => Provenance | null): void {
  setContext(provenanceContextKey, read)
}

/** null outside a comparison view that set it (tests, other hosts of the diagrams). */
export function provenanceFromContext(): () => Provenance | null {
  return getContext<(() => Provenance | null) | undefined>(provenanceContextKey) ?? (() => null)
}

class ScenarioState {
  readonly #scenarioQuery = $derived(scenarioPart(router.current.query))
  readonly #read = $derived(readScenario(this.#scenarioQuery))
  #lastChange = Number.NEGATIVE_INFINITY
  // The marker's module loads only for a link that carries one (issue 14: the default comparison's
  // first screen does without it). Until it is here, the marker is not shown and the link is not
  // rewritten: an edit waits for it, so the marker rides along as it always did.
  #provenanceModule: ProvenanceModule | undefined = $state.raw()
  #provenanceLoading: Promise<void> | undefined

  #loadProvenance(): Promise<void> {
    this.#provenanceLoading ??= import('../../lib/bridge/provenance.ts').then((module) => {
      this.#provenanceModule = module
    })
    return this.#provenanceLoading
  }

  /** True while the link's marker cannot be read or written yet; the module is on its way. */
  #markerPending(): boolean {
    if (!carriesProvenance(router.current.query) || this.#provenanceModule) return false
    void this.#loadProvenance()
    return true
  }

  #marker(): LinkMarker | null {
    const provenance = this.provenance
    return provenance && this.#provenanceModule
      ? { provenance, write: this.#provenanceModule.writeProvenance }
      : null
  }

  get scenario(): Scenario {
    return this.#read.scenario
  }

  get problems(): ScenarioProblem[] {
    return this.#read.problems
  }

  get speed(): Speed {
    return readSpeed(router.current.query)
  }

  /** The "your certificate" marker, when the scenario came from the inspector's bytes. */
  get provenance(): Provenance | null {
    if (this.#markerPending()) return null
    return this.#provenanceModule?.readProvenance(router.current.query) ?? null
  }

  get view(): CompareViewName {
    return router.current.view === 'embed' ? 'embed' : 'compare'
  }

  /** A new scenario from the controls: re-simulated at once, one history entry per burst. */
  update(next: Scenario): void {
    if (this.#markerPending()) {
      void this.#loadProvenance().then(() => this.update(next))
      return
    }
    const now = performance.now()
    const replace = now - this.#lastChange < burstMs
    this.#lastChange = now
    router.go(hashFor(this.view, next, this.speed, this.#marker()), { replace })
  }

  /** Back to the default scenario, without the "your certificate" marker: one history entry. */
  useDefaults(): void {
    router.go(hashFor(this.view, { ...defaultScenario }, this.speed))
    this.#lastChange = Number.NEGATIVE_INFINITY
  }

  /**
   * The end of a gesture (a slider released, Enter, one arrow key on a slider): the burst's entry
   * holds its final value. The burst itself ends only when the changes pause for `burstMs`, because
   * a slider sends a commit (a change event) after every arrow key: ending the burst there made
   * each key press its own history entry, where a drag over the same values makes one.
   */
  commit(next: Scenario): void {
    if (this.#markerPending()) {
      void this.#loadProvenance().then(() => this.commit(next))
      return
    }
    router.go(hashFor(this.view, next, this.speed, this.#marker()), { replace: true })
    this.#lastChange = performance.now()
  }

  /** Playback speed is view state: it is kept in the link but makes no history entry. */
  setSpeed(speed: Speed): void {
    if (this.#markerPending()) {
      void this.#loadProvenance().then(() => this.setSpeed(speed))
      return
    }
    router.go(hashFor(this.view, this.scenario, speed, this.#marker()), { replace: true })
  }

  /** An absolute address of this scenario in a view (for "Copy link" and the embed code). */
  href(view: CompareViewName): string {
    const base = `${location.origin}${location.pathname}${location.search}`
    // Nothing has rewritten the link while its marker is pending: it is the address as it stands.
    if (this.#markerPending()) return `${base}${formatRoute({ view, query: router.current.query })}`
    return `${base}${hashFor(view, this.scenario, this.speed, this.#marker())}`
  }
}

export const scenarioState = new ScenarioState()
