/**
 * The client profiles the comparison view has, seen from Svelte: the textbook one is always here,
 * the five real ones arrive in one chunk the first time a scenario names one of them
 * (lib/sim/clients/load.ts; issue 14: the first screen of #/compare carries only the default).
 */
import {
  clientProfileAtHand,
  loadClientProfile,
  type Client,
  type ClientProfile,
  type ClientProfileError,
} from '../../lib/sim/index.ts'

class LoadedClients {
  /** Counts the loads that brought profiles, so a read that found one missing reads again. */
  #arrivals = $state(0)
  /** The last load that failed, until one succeeds. */
  error: ClientProfileError | null = $state.raw(null)

  /** The client's profile, or undefined while it is on its way (asking starts the load). */
  get(client: Client): ClientProfile | undefined {
    void this.#arrivals
    const profile = clientProfileAtHand(client)
    if (!profile) void this.load(client)
    return profile
  }

  async load(client: Client): Promise<void> {
    const loaded = await loadClientProfile(client)
    if (!loaded.ok) {
      this.error = loaded.error
      return
    }
    this.error = null
    this.#arrivals += 1
  }
}

export const loadedClients = new LoadedClients()
