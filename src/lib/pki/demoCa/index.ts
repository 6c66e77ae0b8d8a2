/**
 * The demo CA's public face. Loaded on demand by the page (`await import(...)`), so none of this
 * is in the first paint. Nothing here touches the network.
 */
export { createDemoPki, checkLeafName, defaultLeafName, demoUrls } from './pki.ts'
export { createOcspResponse, crlReasonCodes, maxValidityHours } from './ocspResponse.ts'
export {
  certificateFileNames,
  chainVerifyCommand,
  ocspVerifyCommand,
  responseFileName,
  tlsFeatureCommand,
  verifyOtherPem,
  type OcspVerifyCommandOptions,
} from './commands.ts'
export { toPem, base64 } from './encoding.ts'
export type * from './types.ts'
export { certificateFiles, responseFile, describeResponse, type DemoFile } from './files.ts'
export { mintSample, sampleValidityHours, sampleAgeHours, type SampleFile } from './sample.ts'
