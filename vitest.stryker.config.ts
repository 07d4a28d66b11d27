import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * Vitest settings for mutation testing (`npm run mutation`): only the
 * verifier suites (unit, property, conformance, and the checks of the
 * synchronous fast paths), no type-checking pass, and no tests of the built
 * files (Stryker mutates the sources, so dist/ could never kill a mutant).
 *
 * Stryker runs in a sandbox copy below the project, so `../shared` is looked
 * up from every ancestor directory and handed to the conformance test.
 */
function findVectors(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.resolve(dir, '../shared/conformance/vectors.json')
    if (existsSync(candidate)) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

const vectors = findVectors()

export default defineConfig({
  test: {
    include: [
      'test/verify/**/*.test.ts',
      'test/property/**/*.test.ts',
      'test/conformance/**/*.test.ts',
      'test/fast-paths/**/*.test.ts',
    ],
    typecheck: { enabled: false },
    testTimeout: 30_000,
    env: {
      SINCH_WEBHOOKS_SKIP_DIST: '1',
      ...(vectors === undefined ? {} : { SINCH_WEBHOOKS_VECTORS: vectors }),
    },
  },
})
