/**
 * IIS 10 (Windows Server 2016, 2019, 2022): Schannel staples on its own. Not calibrated (no
 * Windows here), so it is data for the config generator only, with its sources.
 */
import type { ServerStrategy } from '../sim/types.ts'
import type { ServerFact } from './types.ts'

/** Microsoft, "What's New in TLS/SSL (Schannel SSP)", Windows Server 2012, section "OCSP stapling". */
const schannel =
  'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/hh831771(v=ws.11)'
/** Ryan Hurst (then at Microsoft), "OCSP Stapling in IIS": on by default, needs outbound HTTP. */
const hurst = 'https://unmitigatedrisk.com/?p=95'

export const iisFacts: ServerFact[] = [
  {
    claim:
      'Staples by default for a plain HTTPS binding; "Require Server Name Indication" and Centralized Certificate Store bindings staple only with the DWORD EnableOcspStaplingForSni = 1 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL.',
    source: schannel,
  },
  {
    claim:
      'Windows fetches and caches the response itself, ahead of handshakes; the server needs outbound HTTP to the responder in the certificate’s AIA.',
    source: hurst,
  },
]

/** Fetched and cached ahead of handshakes, like Caddy: the engine's proactive strategy. */
export const iisStrategy: ServerStrategy = 'proactive'

export const iisSources: string[] = [schannel, hurst]
