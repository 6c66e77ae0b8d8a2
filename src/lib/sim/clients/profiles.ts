/**
 * The six client profiles, by scenario value. The comparison's first screen does not import this
 * module: it has the textbook profile and loads this one when a scenario names another client
 * (load.ts).
 */
import type { Client } from '../types.ts'
import { chrome } from './chrome.ts'
import { curl } from './curl.ts'
import { firefox136 } from './firefox136.ts'
import { firefox142 } from './firefox142.ts'
import type { ClientProfile } from './profile.ts'
import { safari } from './safari.ts'
import { textbook } from './textbook.ts'

export const clientProfiles: Record<Client, ClientProfile> = {
  textbook,
  chrome,
  'firefox-136': firefox136,
  'firefox-142': firefox142,
  safari,
  curl,
}
