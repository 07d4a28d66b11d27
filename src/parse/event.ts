/**
 * The shape every parse function returns, whatever the product.
 *
 * @module
 */

/**
 * What every parse function returns: a `kind` to switch on, the `product` it
 * belongs to and the `payload` exactly as it arrived (same object, field names
 * as sent, never modified, no `Date` conversion).
 */
export interface EventEnvelope<Kind extends string, P extends string | undefined, Payload> {
  /** `<product>.<variant in lower snake case>`, e.g. `sms.mo_text`; `<product>.unknown` or `unknown` when not recognised. */
  readonly kind: Kind
  /** The product, or `undefined` for the top-level `unknown` event. */
  readonly product: P
  /** The JSON object that was received. */
  readonly payload: Payload
}

/** Payload of an event this version does not recognise: a JSON object, nothing more is promised. */
export type UnknownPayload = Record<string, unknown>

/** A well-formed event of a product that this version does not know (a newer event type, say). */
export type UnknownProductEvent<P extends string> = EventEnvelope<`${P}.unknown`, P, UnknownPayload>

/** A JSON object that is not recognised as an event of any product. */
export type UnknownEvent = EventEnvelope<'unknown', undefined, UnknownPayload>
