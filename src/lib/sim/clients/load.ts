/**
 * The client profiles as the comparison's first screen has them: the textbook client (the default,
 * and the lesson's) at hand, the five real clients in one chunk loaded when a scenario first names
 * one. Issue 14 holds the first screen of #/compare under 75 kB gzip; the five profiles and their
 * sentences are about 1.7 kB of it, for a choice the default link does not make.
 */
import { clientLabels } from '../../labels.ts'
import type { Client } from '../types.ts'
import type { ClientProfile } from './profile.ts'
import { textbook } from './textbook.ts'

/** Errors are values: the code and one line naming the client whose profile did not load. */
export interface ClientProfileError {
  code: 'client-profile-unavailable'
  client: Client
  message: string
}

export type ClientProfileResult =
  { ok: true; profile: ClientProfile } | { ok: false; error: ClientProfileError }

const atHand: Partial<Record<Client, ClientProfile>> = { textbook }
let loading: Promise<boolean> | undefined

/** The profile if it is here (textbook always is), else undefined: loadClientProfile() brings it. */
export function clientProfileAtHand(client: Client): ClientProfile | undefined {
  return atHand[client]
}

/**
 * The client's profile, at once when it is here, else once the profiles' chunk has loaded (once for
 * all five). A failed load (the page's files changed on the server, the connection dropped) is an
 * error value, and the next call tries again.
 */
export async function loadClientProfile(client: Client): Promise<ClientProfileResult> {
  const here = atHand[client]
  if (here) return { ok: true, profile: here }
  loading ??= import('./profiles.ts').then(
    (module) => {
      Object.assign(atHand, module.clientProfiles)
      return true
    },
    () => {
      loading = undefined
      return false
    },
  )
  const profile = (await loading) ? atHand[client] : undefined
  return profile
    ? { ok: true, profile }
    : {
        ok: false,
        error: {
          code: 'client-profile-unavailable',
          client,
          message: `The ${clientLabels[client]} profile could not be loaded: reload the page.`,
        },
      }
}
