import { productById, type SinchEvent } from '../products/registry'
import type { JsonObject } from '../schema/schema'
import { parseSinchTime } from './sinch-time'

/** Unix seconds (a fraction allowed) as a `Date`, or `undefined` outside what a `Date` holds. */
function unixTime(seconds: number): Date | undefined {
  const at = new Date(Math.round(seconds * 1000))
  return Number.isNaN(at.getTime()) ? undefined : at
}

/**
 * When Sinch says the event happened, as a `Date`, or `undefined` when the
 * event carries no time (SMS batch reports, Porting webhooks, unknown events)
 * or an unreadable one. Each product's docs page names the field it reads. A
 * timestamp without a zone is UTC; digits beyond milliseconds are dropped
 * (the raw value stays in the payload). Products that send Unix seconds
 * (Mailgun's `event-data.timestamp`) are read as such.
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
    if (product === undefined) return undefined
    const raw = product.time(event.payload as JsonObject)
    return typeof raw === 'number' ? unixTime(raw) : parseSinchTime(raw)
  } catch {
    // A hostile payload has no readable time.
    return undefined
  }
}
