import type { Schema } from '../../src/schema/schema'
import { schemaOf } from '../../src/parse/product'
import { PRODUCTS, type KnownEventKind } from '../../src/products/registry'

/** Every known kind with its payload schema, collected from the registry. */
export const EVENT_SCHEMAS: Record<KnownEventKind, Schema> = Object.fromEntries(
  PRODUCTS.flatMap((product) => product.kinds.map((kind) => [kind, schemaOf(product, kind) as Schema])),
) as Record<KnownEventKind, Schema>
