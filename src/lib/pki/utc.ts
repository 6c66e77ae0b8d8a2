/**
 * UTC formatting, the one rule every view and the CLI use for a certificate's or a response's
 * time ("2026-12-01 12:00 UTC"). Its own module so the compare view's provenance note can use it
 * without the inspector's describe code (and its OID table) on the first screen.
 */
import { whenMs as toMs, type When } from './freshness.ts'

/**
 * "2026-11-20 10:00 UTC": minutes are enough for a human reading a sentence; a field that shows
 * the instant itself asks for seconds ("2026-11-20 10:00:00 UTC"). Not a date: shown as given.
 */
export function formatUtc(w: When, precision: 'minutes' | 'seconds' = 'minutes'): string {
  const ms = toMs(w)
  if (Number.isNaN(ms)) return String(w)
  return (
    new Date(ms)
      .toISOString()
      .slice(0, precision === 'minutes' ? 16 : 19)
      .replace('T', ' ') + ' UTC'
  )
}
