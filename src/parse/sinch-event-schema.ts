import type { SinchEvent } from '../products/registry'
import { eventFromObject, type ParseOptions } from './parse-event'
import { standardSchema, type SinchEventSchema } from './standard-schema'

/**
 * A Standard Schema v1 object for Sinch events: validates an already-parsed
 * JSON value (what validator-agnostic tools hand over) and outputs the same
 * envelope `parseEvent` returns. Takes `parseEvent`'s `product` and `strict`
 * options. For one product alone, its subpath exports a schema that bundles
 * only that product (`smsEventSchema` from `sinch-webhooks/sms`, ...).
 *
 * @example
 * ```ts
 * const schema = createSinchEventSchema({ product: ['sms', 'numbers'], strict: true })
 * const result = schema['~standard'].validate(await request.json())
 * if (result.issues !== undefined) return new Response(result.issues[0]?.message, { status: 400 })
 * console.log(result.value.kind)
 * ```
 */
export function createSinchEventSchema(options?: Omit<ParseOptions, 'maxBytes'>): SinchEventSchema<SinchEvent> {
  return standardSchema((payload) => eventFromObject(payload, options))
}
