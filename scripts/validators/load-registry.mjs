/**
 * Loads modules of the source tree (the registry, test helpers) in plain
 * Node by bundling them with esbuild, with every `./validators.generated`
 * import stubbed out: the generator must run when those files are missing
 * or stale, and the benchmark wants the schema values, not the validators.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

/**
 * Bundles `source` (an ES module whose imports are relative to `root`) and imports it.
 *
 * @param {string} root
 * @param {string} source
 */
export async function loadFromSource(root, source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    external: ['node:*', 'fast-check'],
    plugins: [
      {
        name: 'stub-generated-validators',
        setup(b) {
          b.onResolve({ filter: /\/validators\.generated$/ }, (args) => ({ path: args.path, namespace: 'stub' }))
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents: 'export const validators = undefined',
            loader: 'js',
          }))
        },
      },
    ],
  })
  const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-source-'))
  try {
    const file = join(dir, 'module.mjs')
    writeFileSync(file, result.outputFiles[0].text)
    return await import(pathToFileURL(file).href)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The registry's products, with their schema values, from source. */
export async function loadProducts(root) {
  return (await loadFromSource(root, "export { PRODUCTS } from './src/products/registry'")).PRODUCTS
}
