#!/usr/bin/env node
/**
 * Writes `src/products/<slug>/validators.generated.ts` for every product in
 * the registry, from its schema values (which stay the single source of
 * truth), and wires each product's parser to it. Run it as
 * `npm run generate` after changing or adding schemas.
 *
 *   node scripts/generate-validators.mjs           write what changed
 *   node scripts/generate-validators.mjs --check   change nothing; exit 1 and say what is stale
 *   ... --root DIR                                 work on another checkout (the drift test uses a copy)
 *
 * The schemas are read by bundling the registry with esbuild (a dev
 * dependency already used by the size tests), with every
 * `./validators.generated` import stubbed out: a missing or stale generated
 * file must never stop its own regeneration (see load-registry.mjs).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileValidators } from './validators/compile.mjs'
import { loadProducts } from './validators/load-registry.mjs'

const rootAt = process.argv.indexOf('--root')
const root =
  rootAt > 0 && process.argv[rootAt + 1] !== undefined
    ? resolve(process.argv[rootAt + 1])
    : resolve(dirname(fileURLToPath(import.meta.url)), '..')
const GENERATED = 'validators.generated.ts'
const IMPORT_LINE = "import { validators } from './validators.generated'"

/**
 * Adds the generated validators to a product's `defineParser` call when it
 * does not pass them yet (a product written before the generator), so that
 * running the generator is all a product author has to do.
 */
function wire(source) {
  if (source.includes(IMPORT_LINE)) return source
  const call = /defineParser\(\{\n(\s*)/.exec(source)
  const lastImport = [...source.matchAll(/^import [^\n]*(?:\n(?!import )[^\n]*)*? from '[^']+'\n/gm)].at(-1)
  if (call === null || lastImport === undefined) return undefined
  const at = lastImport.index + lastImport[0].length
  const withImport = `${source.slice(0, at)}${IMPORT_LINE}\n${source.slice(at)}`
  return withImport.replace(/defineParser\(\{\n(\s*)/, (match, indent) => `${match}validators,\n${indent}`)
}

async function main() {
  const checkOnly = process.argv.includes('--check')
  const products = await loadProducts(root)
  const stale = []
  const problems = []
  for (const product of products) {
    const folder = join(root, 'src', 'products', product.slug)
    const target = join(folder, GENERATED)
    const text = compileValidators(product.variants, { title: product.slug })
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined
    if (current !== text) {
      stale.push(relative(root, target))
      if (!checkOnly) writeFileSync(target, text)
    }
    const productFile = join(folder, 'product.ts')
    const source = readFileSync(productFile, 'utf8')
    const wired = wire(source)
    if (wired === undefined) {
      problems.push(
        `${relative(root, productFile)}: pass the generated validators to defineParser by hand: ` +
          `add \`${IMPORT_LINE}\` and \`validators,\` to the defineParser({ ... }) call.`,
      )
    } else if (wired !== source) {
      stale.push(relative(root, productFile))
      if (!checkOnly) writeFileSync(productFile, wired)
    }
  }
  for (const problem of problems) console.error(problem)
  if (checkOnly) {
    if (stale.length > 0) {
      console.error(
        `Generated validators are out of date with the schemas: run \`npm run generate\` and commit the result.\n` +
          stale.map((file) => `  ${file}`).join('\n'),
      )
      process.exitCode = 1
    } else if (problems.length === 0) console.log(`Generated validators are up to date (${products.length} products).`)
  } else {
    console.log(
      stale.length === 0
        ? `Generated validators are up to date (${products.length} products).`
        : `Wrote:\n${stale.map((file) => `  ${file}`).join('\n')}`,
    )
  }
  if (problems.length > 0) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
