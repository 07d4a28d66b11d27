/**
 * The product docs pages and the README's product table are generated from
 * the descriptors and the schemas; this test fails when they drift.
 * `npm run docs` (this test with UPDATE_DOCS=1) rewrites them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ProductAbout } from '../../src/parse/product'
import { PRODUCTS } from '../../src/products/registry'
import { fieldRows } from '../../scripts/docs/fields'
import {
  HAND_WRITTEN_SECTIONS,
  pageSkeleton,
  productBlocks,
  productTable,
  replaceBlock,
} from '../../scripts/docs/pages'

const UPDATE = process.env.UPDATE_DOCS === '1'
const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))

const ABOUT = new Map(
  await Promise.all(
    PRODUCTS.map(async (product) => {
      const module = (await import(`../../src/products/${product.slug}/product.ts`)) as { about: ProductAbout }
      return [product.id, module.about] as const
    }),
  ),
)
const FIELDS = fieldRows(PRODUCTS.flatMap((product) => product.kinds))

/** Compares a generated file with what is on disk, or writes it under UPDATE_DOCS=1. */
function check(path: string, expected: string, actual: string | undefined): void {
  if (UPDATE) {
    if (actual !== expected) writeFileSync(root(path), expected)
    return
  }
  expect(actual, `${path} is stale: run npm run docs`).toBe(expected)
}

describe('docs/products pages', () => {
  it.each(PRODUCTS.map((product) => [product.slug, product] as const))(
    'docs/products/%s.md has up-to-date generated blocks and its hand-written sections',
    (slug, product) => {
      const path = `docs/products/${slug}.md`
      const about = ABOUT.get(product.id)
      expect(about, `src/products/${slug}/product.ts exports about`).toBeDefined()
      const current = existsSync(root(path)) ? readFileSync(root(path), 'utf8') : undefined
      let expected = current ?? pageSkeleton(about as ProductAbout)
      for (const [name, content] of Object.entries(productBlocks(product, about as ProductAbout, FIELDS)))
        expected = replaceBlock(expected, name, content)
      check(path, expected, current)
      for (const heading of HAND_WRITTEN_SECTIONS) expect(expected, `${path}: ${heading}`).toContain(`\n${heading}\n`)
      expect(expected, `${path} still has placeholder text`).not.toContain('To be written.')
    },
  )
})

describe('README.md', () => {
  it('has the product table, up to date, with a row per product', () => {
    const current = readFileSync(root('README.md'), 'utf8')
    const table = productTable(PRODUCTS.map((product) => ({ product, about: ABOUT.get(product.id) as ProductAbout })))
    check('README.md', replaceBlock(current, 'products', table), current)
    for (const product of PRODUCTS) expect(current).toContain(`| \`sinch-webhooks/${product.slug}\` |`)
  })
})
