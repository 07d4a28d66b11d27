import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { safeParseEvent, type Product } from '../parse'
import type { Sample } from './send'

/**
 * The samples `trigger` and `demo` send are the package's own event
 * fixtures, shipped beside `dist/`, so there is one set of example payloads
 * for the test suite, the CLI and the documentation. One sample per kind:
 * the first fixture (by file name) that parses to that kind.
 */
function fixturesDir(): string {
  return fileURLToPath(new URL('../fixtures/events/', import.meta.url))
}

function load(): Sample[] {
  const dir = fixturesDir()
  const byKind = new Map<string, Sample>()
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.json') && !entry.name.startsWith('index') && !entry.name.startsWith('_')) {
        const body = readFileSync(path, 'utf8')
        const result = safeParseEvent(body)
        if (!result.ok) continue // negative fixtures are not samples
        const { event } = result
        if (event.product === undefined || event.kind.endsWith('unknown') || byKind.has(event.kind)) continue
        byKind.set(event.kind, {
          name: entry.name.replace(/\.json$/, ''),
          kind: event.kind,
          product: event.product as Product,
          body,
        })
      }
    }
  }
  walk(dir)
  return [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind))
}

let cache: readonly Sample[] | undefined

/** Every sample, one per known kind, sorted by kind. Read from disk once, on first use. */
export function samples(): readonly Sample[] {
  cache ??= load()
  return cache
}

/** The sample of one kind. */
export function sampleFor(kind: string): Sample | undefined {
  return samples().find((sample) => sample.kind === kind)
}
