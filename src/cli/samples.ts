import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAs } from '../parse/product'
import { PRODUCTS } from '../products/registry'
import type { Sample } from './send'

/**
 * The samples `trigger` and `demo` send are the package's own event
 * fixtures, shipped beside `dist/`, so there is one set of example payloads
 * for the test suite, the CLI and the documentation. One sample per kind:
 * the first fixture (by file name) in the product's folder that parses to
 * that kind when read as that product.
 */
function fixturesDir(): string {
  // `dist/cli.js` sits one level below the package root; `src/cli/samples.ts` (tests) two.
  const built = fileURLToPath(new URL('../fixtures/events/', import.meta.url))
  return existsSync(built) ? built : fileURLToPath(new URL('../../fixtures/events/', import.meta.url))
}

function load(): Sample[] {
  const root = fixturesDir()
  const byKind = new Map<string, Sample>()
  for (const product of PRODUCTS) {
    const folder = join(root, product.slug)
    let files: string[]
    try {
      files = readdirSync(folder).sort()
    } catch {
      continue // A product without fixtures has no samples; the completeness test reports it.
    }
    for (const file of files) {
      if (!file.endsWith('.json') || file === 'index.json') continue
      const body = readFileSync(join(folder, file), 'utf8')
      let kind: string
      try {
        kind = parseAs(product, body).kind
      } catch {
        continue // negative fixtures are not samples
      }
      if (kind.endsWith('.unknown') || byKind.has(kind)) continue
      byKind.set(kind, { name: file.replace(/\.json$/, ''), kind, product: product.id, body })
    }
  }
  // Registry order, then each product's documentation order of kinds.
  const order = PRODUCTS.flatMap((product) => product.kinds as readonly string[])
  return [...byKind.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
}

let cache: readonly Sample[] | undefined

/** Every sample, one per known kind, in registry and documentation order. Read from disk once, on first use. */
export function samples(): readonly Sample[] {
  cache ??= load()
  return cache
}

/** The sample of one kind. */
export function sampleFor(kind: string): Sample | undefined {
  return samples().find((sample) => sample.kind === kind)
}
