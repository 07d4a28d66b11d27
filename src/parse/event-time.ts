import { productById, type SinchEvent } from '../products/registry'
import type { JsonObject } from '../schema/schema'
import { parseSinchTime } from './sinch-time'

/**
 * When Sinch says the event happened, as a `Date`, or `undefined` when the
 * event carries no time (SMS batch reports, Porting webhooks, unknown events)
 * or an unreadable one. Each product's docs page names the field it reads. A
 * timestamp without a zone is UTC; digits beyond milliseconds are dropped
 * (the raw string stays in the payload).
 *
 * @example
 * ```ts
 * const event = parseEvent(rawBody)
 * const at = eventTime(event) ?? new Date()
 * ```
 */
export function eventTime(event: SinchEvent): Date | undefined {
  try {
    const product = productById(event.product)
    return product === undefined ? undefined : parseSinchTime(product.time(event.payload as JsonObject))
  } catch {
    // A hostile payload has no readable time.
    return undefined
  }
}
