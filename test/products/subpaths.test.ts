import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAs } from '../../src/parse/product'
import { PRODUCTS } from '../../src/products/registry'
import { manifest, fixtureBytes } from '../parse/fixtures'
import { camel, pascal, SUBPATHS } from './subpaths'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>
  typesVersions: { '*': Record<string, string[]> }
}

/**
 * Runtime exports a subpath adds to the three every product has: each one a
 * decision, for a field Sinch packs more into than its type says, or for
 * the typed answer of a callback that waits for one.
 */
const PRODUCT_HELPERS: Readonly<Record<string, readonly string[]>> = {
  // Which content key a message holds; the JSON inside an UNSUPPORTED callback's payload string.
  conversation: ['messageContent', 'parseUnsupportedPayload'],
  // The SVAML answer of each callback that takes one.
  voice: ['iceResponse', 'aceResponse', 'pieResponse'],
  // The SVAML v2 answers, and the name inside call.webhook.<name>.
  'voice-v2': ['incomingCallResponse', 'callResponse', 'webhookName'],
  // The allow/deny answer to a verification request.
  verification: ['allowVerification', 'denyVerification'],
}

describe('product subpaths', () => {
  it('package.json exports one subpath per registered product, and no product subpath that is not registered', () => {
    const entries = new Set(['.', './web', './testing', './redis', './package.json'])
    const productSubpaths = Object.keys(pkg.exports).filter((subpath) => !entries.has(subpath))
    expect(productSubpaths.sort()).toEqual(PRODUCTS.map((product) => `./${product.slug}`).sort())
    for (const product of PRODUCTS) {
      expect(pkg.exports[`./${product.slug}`]).toEqual({
        import: { types: `./dist/${product.slug}.d.ts`, default: `./dist/${product.slug}.js` },
        require: { types: `./dist/${product.slug}.d.cts`, default: `./dist/${product.slug}.cjs` },
      })
      expect(pkg.typesVersions['*'][product.slug]).toEqual([`./dist/${product.slug}.d.cts`])
    }
  })

  it.each(SUBPATHS.map((subpath) => [subpath.slug, subpath] as const))(
    'sinch-webhooks/%s exports exactly its parse function, guard and Standard Schema, plus its listed helpers',
    (slug, { product, module }) => {
      expect(Object.keys(module).sort()).toEqual(
        [
          `parse${pascal(product)}Event`,
          `is${pascal(product)}Payload`,
          `${camel(product)}EventSchema`,
          ...(PRODUCT_HELPERS[slug] ?? []),
        ].sort(),
      )
    },
  )

  it.each(SUBPATHS.map((subpath) => [subpath.slug, subpath] as const))(
    'sinch-webhooks/%s parses each of its fixtures as the registry product does',
    (slug, { parse, isPayload, eventSchema }) => {
      const product = PRODUCTS.find((candidate) => candidate.slug === slug)!
      for (const { file } of manifest.filter((entry) => entry.product === product.id)) {
        const expected = parseAs(product, fixtureBytes(file))
        expect(parse(fixtureBytes(file)), file).toEqual(expected)
        const payload = JSON.parse(fixtureBytes(file).toString('utf8')) as unknown
        expect(isPayload(payload), file).toBe(!expected.kind.endsWith('.unknown'))
        expect(eventSchema['~standard'].validate(payload), file).toEqual({ value: expected })
      }
    },
  )
})
