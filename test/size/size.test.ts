/**
 * Size budget: what sinch-webhooks adds to an application bundle, minified
 * and gzipped. Budgets are in KiB of gzip output and fail the test suite
 * when exceeded; `TEST_REPORT=1` prints the measured sizes.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { PRODUCTS } from '../../src/products/registry'
import { pascal } from '../products/subpaths'
import { report } from '../support/report'
import { bundleSize, distEntry, kb, type BundleSize } from './support/bundle'

/**
 * Budgets fail the suite. Targets are where the sizes should get to; they
 * are printed beside the measurements but do not fail it.
 */
// 6.25 KB: the nonce alphabet check (a replay fix) and the handling of shared and
// detached buffers in every verifier and parser cost about 170 bytes over 6 KB.
const ONE_PRODUCT_BUDGET = 6.25 * 1024
const ONE_PRODUCT_TARGET = 4 * 1024
// 16 KB: the handlers gained deadlines, the parse-failure policy and owner-token claims with heartbeats.
// 19 KB: Conversation adds about 2.7 KB, its 21 triggers and some 300 typed fields (message contents included).
// 23 KB: Mailgun's verifier and the Mailgun and Provisioning products add about 3.6 KB.
const WHOLE_ENTRY_BUDGET = 23 * 1024

/**
 * Products whose schemas alone are larger than the one-product budget allows
 * (it is sized for a verifier plus a handful of flat event types).
 */
const PRODUCT_BUDGETS: Readonly<Record<string, number>> = {
  // 21 triggers, four content unions and their contents: about 2 KB over SMS with the same verifier.
  conversation: 8.5 * 1024,
  // Its verifier reads the signature from JSON and form bodies, for two signatures and key lists: about 0.8 KB over SMS.
  mailgun: 7.25 * 1024,
  // 38 triggers, with typed WhatsApp account and template payloads: about 0.7 KB over SMS with the same verifier.
  provisioning: 7 * 1024,
}

interface Measured {
  readonly name: string
  readonly size: BundleSize
  readonly budget?: number
  readonly target?: number
}

const measured: Measured[] = []

async function measure(
  name: string,
  source: string,
  platform: 'node' | 'browser',
  budget?: number,
  target?: number,
): Promise<BundleSize> {
  const size = await bundleSize(source, platform)
  measured.push({
    name,
    size,
    ...(budget === undefined ? {} : { budget }),
    ...(target === undefined ? {} : { target }),
  })
  return size
}

/** An app that verifies with one scheme (from an entry) and parses one product (from its subpath). */
const oneProductApp = (entry: string, verifier: string | undefined, subpath: string, parser: string): string =>
  verifier === undefined
    ? `import { ${parser} } from '${subpath}'\nexport const handle = (body) => ${parser}(body)\n`
    : `
import { ${verifier} } from '${entry}'
import { ${parser} } from '${subpath}'
export function handle(body, headers, secret) {
  const result = ${verifier}({ body, headers, secret, username: 'u', password: 'p', token: secret })
  return result.ok ? ${parser}(body) : result
}
`

/** The verifier of a product's default scheme, by the naming rule (`sinch-signature` → `verifySinchSignature`). */
const verifierOf = (product: (typeof PRODUCTS)[number]): string | undefined => {
  const scheme = product.schemes[0].scheme
  return scheme === 'none' ? undefined : `verify${pascal(scheme.replaceAll('-', '_'))}`
}

const ROWS = PRODUCTS.map((product) => ({
  product,
  verifier: verifierOf(product),
  parser: `parse${pascal(product.id)}Event`,
  subpath: distEntry(`${product.slug}.js`),
}))

const wholeEntryApp = (entry: string): string => `
import * as lib from '${entry}'
export default lib
`

afterAll(() => {
  if (measured.length === 0) return
  const width = Math.max(...measured.map((m) => m.name.length))
  const lines = measured.map((m) => {
    const notes = [
      ...(m.budget === undefined ? [] : [`budget ${kb(m.budget)}`]),
      ...(m.target === undefined ? [] : [`target ${kb(m.target)}${m.size.gzipped <= m.target ? ' met' : ' NOT met'}`]),
    ]
    return `${m.name.padEnd(width)}  ${kb(m.size.gzipped).padStart(9)} min+gz  ${kb(m.size.minified).padStart(9)} min${notes.length > 0 ? `  (${notes.join(', ')})` : ''}`
  })
  report(['sinch-webhooks bundle sizes (esbuild --minify, gzip -9):', ...lines].join('\n'))
})

describe('bundle size', () => {
  it.each(ROWS.map((row) => ({ ...row, budget: PRODUCT_BUDGETS[row.product.id] ?? ONE_PRODUCT_BUDGET })))(
    'bundleSize($verifier + $parser from sinch-webhooks/$product.slug) is within its budget ($budget bytes min+gz)',
    async ({ product, verifier, parser, subpath, budget }) => {
      const size = await measure(
        `${verifier ?? '(no verifier)'} + ${parser}`,
        oneProductApp(distEntry('index.js'), verifier, subpath, parser),
        'node',
        budget,
        ONE_PRODUCT_TARGET,
      )
      expect(size.gzipped, product.id).toBeLessThanOrEqual(budget)
    },
  )

  it('bundleSize(verifySinchSignature from sinch-webhooks/web + parseNumbersEvent) has no node: import', async () => {
    const size = await measure(
      'web: verifySinchSignature + parseNumbersEvent',
      oneProductApp(distEntry('web.js'), 'verifySinchSignature', distEntry('numbers.js'), 'parseNumbersEvent'),
      'browser',
      ONE_PRODUCT_BUDGET,
      ONE_PRODUCT_TARGET,
    )
    expect(size.gzipped).toBeLessThanOrEqual(ONE_PRODUCT_BUDGET)
    expect(size.code).not.toMatch(/["']node:/)
  })

  it('bundleSize(import * from sinch-webhooks) is at most 23 KB min+gz', async () => {
    const size = await measure(
      'sinch-webhooks (everything)',
      wholeEntryApp(distEntry('index.js')),
      'node',
      WHOLE_ENTRY_BUDGET,
    )
    expect(size.gzipped).toBeLessThanOrEqual(WHOLE_ENTRY_BUDGET)
  })

  it('bundleSize(import * from sinch-webhooks/web) is at most 23 KB min+gz and bundles for the browser', async () => {
    const size = await measure(
      'sinch-webhooks/web (everything)',
      wholeEntryApp(distEntry('web.js')),
      'browser',
      WHOLE_ENTRY_BUDGET,
    )
    expect(size.gzipped).toBeLessThanOrEqual(WHOLE_ENTRY_BUDGET)
    expect(size.code).not.toMatch(/["']node:/)
  })

  it('bundleSize(import * from sinch-webhooks/testing) bundles for the browser', async () => {
    const size = await measure('sinch-webhooks/testing (everything)', wholeEntryApp(distEntry('testing.js')), 'browser')
    expect(size.gzipped).toBeGreaterThan(0)
    expect(size.code).not.toMatch(/["']node:/)
  })

  it('bundleSize() tree-shakes: one verifier alone is smaller than the one-product app, which is smaller than everything', async () => {
    const verifierOnly = await bundleSize(`export { verifySinchSignature } from '${distEntry('index.js')}'`, 'node')
    const oneProduct = await bundleSize(
      oneProductApp(distEntry('index.js'), 'verifySinchSignature', distEntry('numbers.js'), 'parseNumbersEvent'),
      'node',
    )
    const everything = await bundleSize(wholeEntryApp(distEntry('index.js')), 'node')
    measured.push({ name: 'verifySinchSignature alone', size: verifierOnly })
    expect(verifierOnly.gzipped).toBeLessThan(oneProduct.gzipped)
    expect(oneProduct.gzipped).toBeLessThan(everything.gzipped)
  })
})
