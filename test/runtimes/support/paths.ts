import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The project root, from this file's location. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const DIST = join(ROOT, 'dist')
export const RUNTIMES_DIR = join(ROOT, 'test/runtimes')
export const CLI = join(RUNTIMES_DIR, 'cli.mjs')

/** A built file, or a loud failure telling how to produce it. */
export function distFile(name: string): string {
  const file = join(DIST, name)
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first (npm test does).`)
  return file
}

/** File URL of a built entry, the form every runtime's `import()` takes. */
export function distUrl(name: string): string {
  return pathToFileURL(distFile(name)).href
}

/**
 * A runtime binary installed as a dev dependency. Missing is a failure, not a
 * skip: the runtime matrix is part of what `npm test` proves.
 */
export function binary(name: 'bun' | 'deno' | 'workerd'): string {
  const file = join(ROOT, 'node_modules/.bin', name)
  if (!existsSync(file))
    throw new Error(`${name} is not installed at ${file}; it is a dev dependency, so \`npm ci\` installs it.`)
  return file
}
