import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PRODUCTS, type Product } from '../../src/products/registry'

/** One entry of fixtures/events/index.json. */
export interface FixtureEntry {
  readonly file: string
  readonly kind: string
  readonly note: string
  /** The kind when parsed as the folder's product, where that differs from `kind` (bodies only a declared product takes). */
  readonly asProduct?: string
  /** The product whose folder holds the fixture; `undefined` for `unknown/`. */
  readonly product?: Product
}

const root = fileURLToPath(new URL('../../fixtures/events/', import.meta.url))

/** The fixture folders: one per product (named by its slug), and `unknown` for bodies of no product. */
export const FIXTURE_FOLDERS: readonly string[] = [...PRODUCTS.map((product) => product.slug), 'unknown']

/** One folder's manifest, with each file given relative to `fixtures/events/`. */
export function folderManifest(folder: string): FixtureEntry[] {
  const { fixtures } = JSON.parse(readFileSync(`${root}${folder}/index.json`, 'utf8')) as { fixtures: FixtureEntry[] }
  const product = PRODUCTS.find((candidate) => candidate.slug === folder)?.id
  return fixtures.map((entry) => ({
    ...entry,
    file: `${folder}/${entry.file}`,
    ...(product === undefined ? {} : { product }),
  }))
}

/** Every folder's manifest, in registry order. */
export const manifest: readonly FixtureEntry[] = FIXTURE_FOLDERS.flatMap(folderManifest)

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
