import { SinchWebhookError, usageError } from '../core/errors'
import { PRODUCTS, productById, type EventOfProduct, type Product, type SinchEvent } from '../products/registry'
import type { JsonObject } from '../schema/schema'
import type { ParseErrorCode } from './codes'
import { detectListed, detectProduct } from './detect'
import type { UnknownEvent } from './event'
import { parseError } from './parse-error'
import { formFields, isFormLike } from './form'
import { fromObjectAs } from './product'
import { readObject, type ReadOptions } from './read-json'

/** Options of {@link parseEvent} and {@link safeParseEvent}. */
export interface ParseOptions extends ReadOptions {
  /**
   * Restrict recognition to one product or a list of products.
   *
   * - One product: every JSON object is read as that product; anything that
   *   is not one of its known events is `<product>.unknown`.
   * - A list: detection runs as usual but only listed products may match;
   *   a body of an unlisted product, or of none, is the top-level `unknown`.
   *   Listed products without a discriminant of their own (sender-ID
   *   registrations) take what no product claims (see the product's docs).
   */
  readonly product?: Product | readonly Product[] | undefined
  /** Throw `unknown_event` instead of returning an unknown event. Default `false`. */
  readonly strict?: boolean | undefined
}

/** Result of {@link safeParseEvent}. */
export type SafeParseResult<E = SinchEvent> =
  | { readonly ok: true; readonly event: E }
  | { readonly ok: false; readonly error: SinchWebhookError<ParseErrorCode> }

function productOf(id: unknown): (typeof PRODUCTS)[number] {
  const product = productById(id)
  if (product === undefined) throw usageError(`product must be one of ${PRODUCTS.map((p) => p.id).join(', ')}.`)
  return product
}

/** Recognises and validates an already-parsed JSON object; shared by the parse functions and the Standard Schema. */
export function eventFromObject(payload: JsonObject, options: ParseOptions | undefined): SinchEvent {
  const only = options?.product
  const strict = options?.strict
  if (only !== undefined && !Array.isArray(only)) return fromObjectAs(productOf(only), payload, strict) as SinchEvent
  let product = detectProduct(payload)
  if (only !== undefined) {
    const listed = only as readonly Product[]
    if (listed.length === 0) throw usageError('product must not be an empty list.')
    for (const entry of listed) productOf(entry)
    if (product === undefined) product = detectListed(payload, listed)
    else if (!listed.includes(product.id)) product = undefined
  }
  if (product !== undefined) return fromObjectAs(product, payload, strict) as SinchEvent
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
  return eventFromObject(payloadOf(body, options), options)
}

/**
 * The payload of a raw body, or of a decoded form. A form is shaped by the
 * product it belongs to: the one given, else the first product whose form
 * reading it claims, else its fields are the payload as they are.
 */
function payloadOf(body: unknown, options: ParseOptions | undefined): JsonObject {
  if (!isFormLike(body)) return readObject(body, options)
  const only = options?.product
  if (only !== undefined && !Array.isArray(only)) {
    const product = productOf(only)
    return product.fromForm?.(body) ?? formFields(body)
  }
  for (const product of PRODUCTS) {
    const payload = product.fromForm?.(body)
    if (payload !== undefined && (product.detect.claims(payload) || product.detect.hints?.(payload) === true))
      return payload
  }
  return formFields(body)
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
