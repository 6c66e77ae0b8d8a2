/**
 * "Try a sample": the bundled test PKI's must-staple leaf, its issuer, the root and the matching
 * OCSP response (public/samples/README.md). The page may fetch nothing (CSP connect-src 'none'),
 * so the files are compiled into this module, which the inspector imports only on click.
 */
import intermediatePem from '../../../../public/samples/intermediate.pem?raw'
import leafPem from '../../../../public/samples/must-staple-leaf.pem?raw'
import rootPem from '../../../../public/samples/root.pem?raw'
import type { InputFile } from '../inspector.svelte'
// A base64 copy of public/samples/must-staple-ocsp.der: Vite has no loader for .der, and the page
// cannot fetch it. test/components/inspect/samples.test.ts fails when the copy drifts.
import ocspBase64 from './must-staple-ocsp.der.b64?raw'

function textFile(name: string, text: string): InputFile {
  const bytes = new TextEncoder().encode(text)
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer }
}

function base64File(name: string, base64: string): InputFile {
  const binary = atob(base64.replace(/\s+/g, ''))
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer }
}

export function sampleFiles(): InputFile[] {
  return [
    textFile('must-staple-leaf.pem', leafPem),
    textFile('intermediate.pem', intermediatePem),
    textFile('root.pem', rootPem),
    base64File('must-staple-ocsp.der', ocspBase64),
  ]
}
