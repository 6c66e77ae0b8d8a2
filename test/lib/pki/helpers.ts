/** Shared by the parser tests: where the fixtures live and how to read one object. */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  inspectBytes,
  type CertificateInfo,
  type InspectedObject,
  type ObjectInfo,
} from '../../../src/lib/pki/index.ts'

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url))
export const dataDir = fileURLToPath(new URL('./data/', import.meta.url))

export function fixture(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(fixturesDir + path))
}

export function data(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(dataDir + path))
}

export const expectedPath = fixturesDir + 'expected.json'
export const hasExpected = existsSync(expectedPath)

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- openssl's reading, shape checked by the tests
export type Loose = any

export const expected: Loose = hasExpected ? JSON.parse(readFileSync(expectedPath, 'utf8')) : {}

export async function inspectAll(bytes: Uint8Array, source = 'test'): Promise<InspectedObject[]> {
  return inspectBytes(source, bytes)
}

export async function inspectOne(bytes: Uint8Array, source = 'test'): Promise<InspectedObject> {
  const all = await inspectBytes(source, bytes)
  if (all.length !== 1) throw new Error(`expected one object, got ${all.length}`)
  return all[0]
}

export function valueOf(obj: InspectedObject): ObjectInfo {
  if (!obj.result.ok) throw new Error(`expected a parsed object, got ${obj.result.error.message}`)
  return obj.result.value
}

export async function certificate(bytes: Uint8Array): Promise<{ der: Uint8Array; info: CertificateInfo }> {
  const obj = await inspectOne(bytes)
  const info = valueOf(obj)
  if (info.kind !== 'certificate') throw new Error(`expected a certificate, got ${info.kind}`)
  return { der: obj.der, info }
}
