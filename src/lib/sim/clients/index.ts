/** The client profiles, their descriptions and what each comparison row offers a named client. */
export { clientProfiles } from './profiles.ts'
export { modeRow, rowOffers, type ClientBehaviour, type ClientProfile } from './profile.ts'
export { clientDescriptions, type ClientDescription } from './descriptions.ts'
