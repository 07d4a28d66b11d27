import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One entry of fixtures/events/index.json. */
export interface FixtureEntry {
  readonly file: string
  readonly kind: string
  readonly note: string
}

const root = fileURLToPath(new URL('../../fixtures/events/', import.meta.url))

/** The fixture manifest. */
export const manifest: readonly FixtureEntry[] = (
  JSON.parse(readFileSync(`${root}index.json`, 'utf8')) as { fixtures: FixtureEntry[] }
).fixtures

/** A fixture's raw bytes, as a request would carry them. */
export function fixtureBytes(file: string): Buffer {
  return readFileSync(root + file)
}

/** A fixture parsed as plain JSON. */
export function fixtureJson(file: string): Record<string, unknown> {
  return JSON.parse(fixtureBytes(file).toString('utf8')) as Record<string, unknown>
}

/** The fixture of a kind whose file name matches, for tests that need one specific body. */
export function fixture(file: string): Record<string, unknown> {
  return fixtureJson(file)
}
