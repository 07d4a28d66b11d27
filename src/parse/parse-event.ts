import { SinchWebhookError, usageError } from '../core/errors'
import type { ParseErrorCode } from './codes'
import { detectProduct } from './detect-product'
import type { Product, UnknownEvent } from './envelope'
import { parseError, readObject, type ReadOptions } from './read-json'
import { brandsFromObject } from './products/brands'
import { campaignsFromObject } from './products/campaigns'
import { complianceFromObject } from './products/compliance'
import { importedNumbersFromObject } from './products/imported-numbers'
import { numbersFromObject } from './products/numbers'
import { portingFromObject } from './products/porting'
import { hasFlatEnvelope, senderIdRegistrationFromObject } from './products/sender-id-registrations'
import { smsFromObject } from './products/sms'
import type { JsonObject } from '../schema/schema'
import type { EventOfProduct, SinchEvent } from './types'

/** Options of {@link parseEvent} and {@link safeParseEvent}. */
export interface ParseOptions extends ReadOptions {
  /**
   * Restrict recognition to one product or a list of products.
   *
   * - One product: every JSON object is read as that product; anything that
   *   is not one of its known events is `<product>.unknown`.
   * - A list: detection runs as usual but only listed products may match;
   *   a body of an unlisted product, or of none, is the top-level `unknown`.
   *   With `sender_id_registrations` listed, an object no product claims that
   *   has a string `eventType` or `resourceType` is a sender-ID registration
   *   event (an object claimed by an unlisted product stays `unknown`).
   */
  readonly product?: Product | readonly Product[]
  /** Throw `unknown_event` instead of returning an unknown event. Default `false`. */
  readonly strict?: boolean
}

/** Result of {@link safeParseEvent}. */
export type SafeParseResult<E = SinchEvent> =
  | { readonly ok: true; readonly event: E }
  | { readonly ok: false; readonly error: SinchWebhookError<ParseErrorCode> }

const FROM_OBJECT: { readonly [P in Product]: (payload: JsonObject, strict: boolean | undefined) => SinchEvent } = {
  sms: smsFromObject,
  numbers: numbersFromObject,
  imported_numbers: importedNumbersFromObject,
  porting: portingFromObject,
  brands: brandsFromObject,
  campaigns: campaignsFromObject,
  compliance: complianceFromObject,
  sender_id_registrations: senderIdRegistrationFromObject,
}

function checkProduct(product: unknown): Product {
  if (typeof product === 'string' && Object.hasOwn(FROM_OBJECT, product)) return product as Product
  throw usageError(`product must be one of ${Object.keys(FROM_OBJECT).join(', ')}.`)
}

/** Recognises and validates an already-parsed JSON object; shared by the parse functions and the Standard Schema. */
export function eventFromObject(payload: JsonObject, options: ParseOptions | undefined): SinchEvent {
  const only = options?.product
  const strict = options?.strict
  if (only !== undefined && !Array.isArray(only)) return FROM_OBJECT[checkProduct(only)](payload, strict)
  let product = detectProduct(payload)
  if (only !== undefined) {
    const allowed = only as readonly unknown[]
    if (allowed.length === 0) throw usageError('product must not be an empty list.')
    for (const entry of allowed) checkProduct(entry)
    if (product === undefined) {
      // Sender-ID callbacks have no published discriminant, so a listed sender_id_registrations takes what nothing else claims.
      if (allowed.includes('sender_id_registrations') && hasFlatEnvelope(payload)) product = 'sender_id_registrations'
    } else if (!allowed.includes(product)) {
      product = undefined
    }
  }
  if (product !== undefined) return FROM_OBJECT[product](payload, strict)
  if (strict === true)
    throw parseError('unknown_event', 'The body is not a Sinch event this version knows (strict mode).')
  const unknown: UnknownEvent = { kind: 'unknown', product: undefined, payload }
  return unknown
}

/**
 * Parses a raw callback body into a typed {@link SinchEvent}: size limit,
 * strict UTF-8, JSON, product detection, then validation of the variant.
 * Throws a {@link SinchWebhookError} with a {@link ParseErrorCode}; a JSON
 * object that is not a known event is returned as an unknown event unless
 * `strict: true`. The payload is the parsed object itself, never modified.
 *
 * @example
 * ```ts
 * const event = parseEvent(rawBody)
 * switch (event.kind) {
 *   case 'sms.mo_text':
 *     console.log(event.payload.from, event.payload.body)
 *     break
 *   case 'numbers.provisioning_to_campaign':
 *     if (event.payload.status === 'FAILED') console.warn(event.payload.failureCode)
 *     break
 *   default:
 *     console.info('ignored', event.kind)
 * }
 * ```
 */
export function parseEvent<const P extends Product>(
  body: unknown,
  options: ParseOptions & { readonly product: P },
): EventOfProduct<P>
export function parseEvent<const P extends Product>(
  body: unknown,
  options: ParseOptions & { readonly product: readonly P[] },
): EventOfProduct<P> | UnknownEvent
export function parseEvent(body: unknown, options?: ParseOptions): SinchEvent
export function parseEvent(body: unknown, options?: ParseOptions): SinchEvent {
  return eventFromObject(readObject(body, options), options)
}

/**
 * {@link parseEvent} returning `{ ok, event }` or `{ ok: false, error }`
 * instead of throwing. Invalid options still throw a `TypeError`, since they
 * are a programming mistake, not bad input.
 *
 * @example
 * ```ts
 * const result = safeParseEvent(rawBody)
 * if (!result.ok) return new Response(result.error.code, { status: 400 })
 * handle(result.event)
 * ```
 */
export function safeParseEvent<const P extends Product>(
  body: unknown,
  options: ParseOptions & { readonly product: P },
): SafeParseResult<EventOfProduct<P>>
export function safeParseEvent<const P extends Product>(
  body: unknown,
  options: ParseOptions & { readonly product: readonly P[] },
): SafeParseResult<EventOfProduct<P> | UnknownEvent>
export function safeParseEvent(body: unknown, options?: ParseOptions): SafeParseResult
export function safeParseEvent(body: unknown, options?: ParseOptions): SafeParseResult {
  try {
    return { ok: true, event: parseEvent(body, options) }
  } catch (error) {
    if (error instanceof SinchWebhookError) return { ok: false, error: error as SinchWebhookError<ParseErrorCode> }
    throw error
  }
}
