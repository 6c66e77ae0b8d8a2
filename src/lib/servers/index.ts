/** The real servers Staple Lab models and calibrates against, in display order. */
import { apache } from './apache.ts'
import { caddy } from './caddy.ts'
import { haproxy } from './haproxy.ts'
import { nginx } from './nginx.ts'
import type { ServerId, ServerProfile } from './types.ts'

export const serverProfiles: Record<ServerId, ServerProfile> = { nginx, apache, caddy, haproxy }

export type * from './types.ts'
export { serverIds } from './types.ts'
