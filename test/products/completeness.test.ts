/**
 * Adding a product is one folder under src/products/ and one registry line,
 * plus what every product has around it. This test lists what a registered
 * product is missing: fixtures for every kind and for its unknown variant,
 * CLI samples, a docs page, a README row, a subpath and a test file. (The
 * docs page's content, the README row's content and the subpath's exports
 * are checked in detail by test/docs and test/products/subpaths.)
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { samples } from '../../src/cli/samples'
import { PRODUCTS } from '../../src/products/registry'
import { manifest } from '../parse/fixtures'

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { exports: Record<string, unknown> }
const readme = readFileSync(root('README.md'), 'utf8')

describe.each(PRODUCTS.map((product) => [product.id, product] as const))('registered product %s', (id, product) => {
  const own = manifest.filter((entry) => entry.product === id)
  const kindsCovered = new Set(own.map((entry) => entry.asProduct ?? entry.kind))

  it('has a fixture for every kind, and one for its unknown variant', () => {
    expect(product.kinds.filter((kind) => !kindsCovered.has(kind))).toEqual([])
    expect(kindsCovered).toContain(`${id}.unknown`)
  })

  it('has a CLI sample for every kind', () => {
    const sampled = new Set(samples().map((sample) => sample.kind))
    expect(product.kinds.filter((kind) => !sampled.has(kind))).toEqual([])
  })

  it('has a docs page, a README row, a subpath and a test file', () => {
    expect(existsSync(root(`docs/products/${product.slug}.md`)), 'docs page').toBe(true)
    expect(readme, 'README row').toContain(`| \`sinch-webhooks/${product.slug}\` |`)
    expect(Object.keys(pkg.exports), 'subpath').toContain(`./${product.slug}`)
    expect(existsSync(root(`src/products/${product.slug}/index.ts`)), 'subpath entry').toBe(true)
    expect(existsSync(root(`test/products/${product.slug}.test.ts`)), 'test file').toBe(true)
  })
})
