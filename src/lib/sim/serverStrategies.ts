/**
 * Server stapling strategies: given the staple in the server's cache when a ClientHello with
 * status_request arrives, what does it staple, and does it fetch (in the handshake or beside it)?
 * Each is named after the behaviour it models; sources in docs/model.md ("Server strategies").
 */
import { cachedStaple as stapleInCache, isValidCache, type Staple } from './staple.ts'
import type { FetchResult } from './ocspFetch.ts'
import type { CachedStaple, Scenario, ServerStrategy } from './types.ts'

export interface StaplePlan {
  /** Staple from the cache, used when the server does not fetch in the handshake. */
  cached: Staple | null
  /** 'handshake': the handshake waits for a fetch; 'background': a fetch starts beside it. */
  fetch: 'none' | 'handshake' | 'background'
  note: string | null
}

export interface ServerStrategyModel {
  name: ServerStrategy
  /** One line on where the behaviour comes from. */
  source: string
  plan(cache: CachedStaple, s: Scenario): StaplePlan
  /** What a fetch in the handshake leaves to staple (blocking only). */
  afterFetch(result: FetchResult, s: Scenario): Staple | null
}

function cachedStaple(cache: CachedStaple, s: Scenario): Staple | null {
  return stapleInCache(cache, s.certStatus)
}

const noFetchResult = (): Staple | null => null

export const noStapling: ServerStrategyModel = {
  name: 'none',
  source: 'A server without stapling ignores status_request (RFC 6066 section 8 makes it optional).',
  plan: () => ({ cached: null, fetch: 'none', note: null }),
  afterFetch: noFetchResult,
}

export const staticStaple: ServerStrategyModel = {
  name: 'static',
  source:
    'nginx ssl_stapling_file: the response is loaded from a file and served as is (valid = NGX_MAX_TIME_T_VALUE), even past nextUpdate.',
  plan: (cache, s) => ({
    cached: cachedStaple(cache, s),
    fetch: 'none',
    note:
      cache === 'stale'
        ? 'The server staples its response file as is, although it is past nextUpdate: nothing refreshed it.'
        : null,
  }),
  afterFetch: noFetchResult,
}

/**
 * nginx and Caddy keep only a good response: a revoked one is fetched, logged and dropped
 * (ngx_ssl_stapling_ocsp_handler: any status but good is an error; CertMagic stapleOCSP staples
 * only ocsp.Good). Seen on Debian's nginx 1.22.1 and Caddy 2.6.2 (docs/calibration.md, revoked).
 */
const onlyGoodNote = (server: string) =>
  `Like ${server}, the server staples only a good response: it fetched "revoked" and dropped it, so this handshake goes without a staple.`

export const lazyStapling: ServerStrategyModel = {
  name: 'lazy',
  source:
    'nginx ngx_event_openssl_stapling.c: staples only a good response, only while valid >= now; a handshake that finds no valid staple goes out without one and triggers an update.',
  plan: (cache, s) =>
    cache === 'fresh' && s.certStatus !== 'good'
      ? { cached: null, fetch: 'none', note: onlyGoodNote('nginx') }
      : isValidCache(cache)
        ? { cached: cachedStaple(cache, s), fetch: 'none', note: null }
        : {
            cached: null,
            fetch: 'background',
            note: 'Like nginx, the server has no valid staple: this handshake goes without one while it fetches in the background for later clients.',
          },
  afterFetch: noFetchResult,
}

export const blockingStapling: ServerStrategyModel = {
  name: 'blocking',
  source:
    'Apache mod_ssl ssl_util_stapling.c stapling_cb: an absent or expired cached response is renewed inside the handshake, up to SSLStaplingResponderTimeout.',
  plan: (cache, s) =>
    isValidCache(cache)
      ? { cached: cachedStaple(cache, s), fetch: 'none', note: null }
      : {
          cached: null,
          fetch: 'handshake',
          note: 'Like Apache mod_ssl, the server holds this handshake while it fetches a new response.',
        },
  afterFetch: (result, s) => {
    if (result === 'good' || result === 'revoked') return { kind: 'response', status: result, fresh: true }
    if (!s.stapleErrors) return null
    // SSLStaplingReturnResponderErrors on staples the error; SSLStaplingFakeTryLater (on) makes up
    // a tryLater response when the responder could not be reached at all.
    if (result === 'internalError') return { kind: 'error', status: 'internalError' }
    return { kind: 'error', status: 'tryLater' }
  },
}

export const proactiveStapling: ServerStrategyModel = {
  name: 'proactive',
  source:
    'Caddy (CertMagic ocsp.go, maintain.go): fetches at start, refreshes at half the validity, staples only a good response, and keeps stapling the last one past its nextUpdate while refreshes fail.',
  plan: (cache, s) =>
    // A pre-revocation response says good: Caddy keeps stapling its last good response.
    (cache === 'fresh' || cache === 'stale') && s.certStatus !== 'good'
      ? { cached: null, fetch: 'none', note: onlyGoodNote('Caddy') }
      : isValidCache(cache)
        ? { cached: cachedStaple(cache, s), fetch: 'none', note: null }
        : cache === 'stale'
          ? {
              cached: cachedStaple(cache, s),
              fetch: 'background',
              note: 'Like Caddy, the server goes on stapling the response it holds, past its nextUpdate, while its hourly refresh keeps failing.',
            }
          : {
              cached: null,
              fetch: 'background',
              note: 'Like Caddy, the server has no good response to staple; its own refresh keeps retrying beside the handshake.',
            },
  afterFetch: noFetchResult,
}

export const serverStrategyModels: Record<ServerStrategy, ServerStrategyModel> = {
  none: noStapling,
  static: staticStaple,
  lazy: lazyStapling,
  blocking: blockingStapling,
  proactive: proactiveStapling,
}
