import { describe, expect, it } from 'vitest'
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { schemaOf } from '../../src/parse/product'
import { PRODUCTS } from '../../src/products/registry'
import type { LiteralNode, Schema, UnionNode } from '../../src/schema/schema'
import { pascal } from '../products/subpaths'

const source = (path: string): string => fileURLToPath(new URL(`../../src/${path}`, import.meta.url))

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['node:*'],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

/**
 * Every quoted literal a schema tree mentions. The cases of a `union` are
 * written as object keys (`union('type', { amd: ..., error: ... })`), which
 * a minifier leaves unquoted, so their values are not markers of anything.
 */
function literals(schema: Schema, out = new Set<string>(), keys = unionKeys(schema)): Set<string> {
  const node = schema as unknown as Record<string, unknown>
  if (schema.type === 'literal')
    for (const value of (schema as LiteralNode).values) if (!keys.has(value)) out.add(value)
  for (const child of Object.values(node)) {
    if (Array.isArray(child))
      for (const item of child) if (typeof item === 'object' && item !== null) literals(item as Schema, out, keys)
    if (typeof child === 'object' && child !== null && !Array.isArray(child) && 'type' in child)
      literals(child as Schema, out, keys)
  }
  return out
}

/** The case values of every union in a schema tree. */
function unionKeys(schema: Schema, out = new Set<string>()): Set<string> {
  if (schema.type === 'union') for (const value of (schema as UnionNode).values) out.add(value)
  for (const child of Object.values(schema as unknown as Record<string, unknown>)) {
    const items = Array.isArray(child) ? child : [child]
    for (const item of items)
      if (typeof item === 'object' && item !== null && 'type' in item) unionKeys(item as Schema, out)
  }
  return out
}

// What only one product's code contains: its quoted id, and wire literals no other product uses.
const MARKERS = new Map(
  PRODUCTS.map((product) => {
    const own = new Set<string>()
    for (const kind of product.kinds) literals(schemaOf(product, kind) as Schema, own)
    const others = new Set<string>()
    for (const other of PRODUCTS)
      if (other !== product) for (const kind of other.kinds) literals(schemaOf(other, kind) as Schema, others)
    return [product.id, [`"${product.id}"`, ...[...own].filter((value) => !others.has(value)).map((v) => `"${v}"`)]]
  }),
)

/** Every string a product's schemas put on the wire: literals and union cases. */
const WIRE_WORDS = new Map(
  PRODUCTS.map((product) => {
    const words = new Set<string>()
    for (const kind of product.kinds) {
      const schema = schemaOf(product, kind) as Schema
      literals(schema, words, new Set())
      for (const key of unionKeys(schema)) words.add(key)
    }
    return [product.id, words]
  }),
)

describe('tree shaking', () => {
  it.each(PRODUCTS.map((product) => [product.slug, product] as const))(
    'import { verifySinchSignature } + parse…Event from sinch-webhooks/%s bundles only that product',
    async (slug, product) => {
      const parser = `parse${pascal(product.id)}Event`
      const code = await bundle(
        `import { verifySinchSignature } from ${JSON.stringify(source('index.ts'))}\n` +
          `import { ${parser} } from ${JSON.stringify(source(`products/${slug}/index.ts`))}\n` +
          `export const used = [verifySinchSignature, ${parser}]`,
      )
      for (const [other, markers] of MARKERS) {
        for (const marker of markers) {
          // Another product's id that is a word of this product's own wire format (Verification's
          // `sms` method) is this product's code, not the other product's.
          if (other !== product.id && WIRE_WORDS.get(product.id)?.has(marker.slice(1, -1))) continue
          expect(code.includes(marker), `${marker} of ${other} in ${parser}`).toBe(other === product.id)
        }
      }
    },
  )

  it('import { verifySinchSignature } alone bundles no parse code', async () => {
    const code = await bundle(
      `import { verifySinchSignature } from ${JSON.stringify(source('index.ts'))}\nexport const used = [verifySinchSignature]`,
    )
    for (const markers of MARKERS.values()) for (const marker of markers) expect(code).not.toContain(marker)
    expect(code).not.toContain('TextDecoder')
  })
})
