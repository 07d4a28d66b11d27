import { check } from '../schema/check'
import { schemaOf } from './product'
import type { JsonObject } from '../schema/schema'
import { PRODUCTS, type KnownEventKind, type PayloadOfKind } from '../products/registry'

/**
 * Tells whether an already-parsed object is a valid payload of the given
 * kind: its discriminant names that kind and every declared field matches.
 * Never throws and never modifies the value. Unknown kinds are always `false`.
 * For a whole product, use the product's own guard (`isSmsPayload` from
 * `sinch-webhooks/sms`, ...).
 *
 * @example
 * ```ts
 * if (isEventPayload('sms.mo_text', request.body)) reply(request.body.from)
 * ```
 */
export function isEventPayload<K extends KnownEventKind>(kind: K, value: unknown): value is PayloadOfKind<K> {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof kind !== 'string') return false
    for (const product of PRODUCTS) {
      const schema = schemaOf(product, kind)
      if (schema === undefined) continue
      const suffix = product.variantOf(value as JsonObject)
      return suffix !== undefined && `${product.id}.${suffix}` === kind && check(schema, value) === undefined
    }
    return false
  } catch {
    // A hostile object (a proxy whose getter throws) is simply not a match.
    return false
  }
}
