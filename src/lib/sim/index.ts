/** The handshake engine's public surface: import from here. */
export * from './types.ts'
export {
  defaultScenario,
  parseScenario,
  withDefaults,
  scenarioFromQuery,
  scenarioToQuery,
  parseScenarioParams,
  type ScenarioParams,
  type ScenarioProblem,
} from './scenario.ts'
export {
  scenarioFields,
  scenarioFieldNames,
  fieldSpec,
  fieldHint,
  acceptedValues,
  versionKey,
  type FieldSpec,
  type ScenarioFieldName,
} from './scenarioFields.ts'
export { simulateAs } from './engine.ts'
export { compareModesAs, type ComparisonEntry } from './compare.ts'
export { simulate, compareModes, runAllModes } from './simulate.ts'
export { modeSetup, rowMode } from './modes.ts'
export { phaseLabels, type PhaseLabel } from './phaseLabels.ts'
export { presets, findPreset, type Preset } from './presets.ts'
export { clientPolicies, type ClientPolicyName } from './clientPolicies.ts'
export {
  clientDescriptions,
  clientProfiles,
  modeRow,
  rowOffers,
  type ClientBehaviour,
  type ClientDescription,
  type ClientProfile,
} from './clients/index.ts'
export {
  clientProfileAtHand,
  loadClientProfile,
  type ClientProfileError,
  type ClientProfileResult,
} from './clients/load.ts'
export { serverStrategyModels } from './serverStrategies.ts'
export {
  horizon,
  horizonInSlices,
  defaultHorizonInput,
  maxOutages,
  outagesInWindow,
  outageHours,
  type HorizonInput,
  type HorizonResult,
  type HorizonHour,
  type Outage,
  type ModeCount,
  type ServerFetch,
} from './horizon.ts'
export { caLoad, caLoadInSlices, defaultCaLoadInput, type CaLoadInput, type CaLoadResult } from './caLoad.ts'
