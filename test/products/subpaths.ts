import { PRODUCTS, type Product } from '../../src/products/registry'
import type { SinchEventSchema } from '../../src/parse/standard-schema'
import { camel, pascal } from '../../scripts/docs/pages'

export { camel, pascal } from '../../scripts/docs/pages'

/** What every product subpath exports, by the naming rule (`parseSmsEvent`, `isSmsPayload`, `smsEventSchema`). */
export interface Subpath {
  readonly product: Product
  readonly slug: string
  readonly module: Record<string, unknown>
  readonly parse: (
    body: unknown,
    options?: { strict?: boolean; maxBytes?: number },
  ) => {
    kind: string
    product: string | undefined
    payload: unknown
  }
  readonly isPayload: (value: unknown) => boolean
  readonly eventSchema: SinchEventSchema<{ kind: string }>
}

/** Each product's subpath module (`src/products/<slug>/index.ts`), loaded from source. */
export const SUBPATHS: readonly Subpath[] = await Promise.all(
  PRODUCTS.map(async (product) => {
    const module = (await import(`../../src/products/${product.slug}/index.ts`)) as Record<string, unknown>
    return {
      product: product.id,
      slug: product.slug,
      module,
      parse: module[`parse${pascal(product.id)}Event`] as Subpath['parse'],
      isPayload: module[`is${pascal(product.id)}Payload`] as Subpath['isPayload'],
      eventSchema: module[`${camel(product.id)}EventSchema`] as Subpath['eventSchema'],
    }
  }),
)
