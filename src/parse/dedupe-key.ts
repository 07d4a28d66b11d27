import { productById, type SinchEvent } from '../products/registry'
import type { JsonObject } from '../schema/schema'
import type { DeliveryContext } from './product'

/**
 * A string that is the same for every delivery of one event and different
 * between events, for de-duplicating retries (Sinch delivers at least once
 * and does not promise order). `undefined` when the event carries nothing
 * stable enough (the top-level `unknown`, a payload without its id); the
 * handlers then fall back to the signature nonce, when there is one.
 *
 * The key is a JSON array whose first element is the product (compare it as
 * an opaque string). What follows is the product's choice, documented on its
 * docs page: the event id where Sinch sends one (`["numbers", eventId]`),
 * otherwise the fields that identify the event (an SMS recipient report is
 * its batch, recipient, status, code and time).
 *
 * @example
 * ```ts
 * const key = dedupeKey(event)
 * if (key !== undefined && (await seen.has(key))) return new Response(null, { status: 200 })
 * ```
 */
export function dedupeKey(event: SinchEvent, context: DeliveryContext = {}): string | undefined {
  try {
    const product = productById(event.product)
    const parts = product?.dedupe(event.payload as JsonObject, event.kind, context)
    return product === undefined || parts === undefined ? undefined : JSON.stringify([product.id, ...parts])
  } catch {
    // A payload too deep to serialise has no usable key.
    return undefined
  }
}
