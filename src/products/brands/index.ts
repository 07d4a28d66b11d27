/**
 * `sinch-webhooks/brands`: Brands API callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Brands API callback body into a {@link BrandsEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseBrandsEvent } from 'sinch-webhooks/brands'
 *
 * const event = parseBrandsEvent(rawBody)
 * if (event.kind === 'brands.brand_status_update') console.log(event.payload.resourceId, event.payload.status)
 * ```
 */
export function parseBrandsEvent(body: unknown, options?: ProductParseOptions): BrandsEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Brands API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isBrandsPayload } from 'sinch-webhooks/brands'
 *
 * if (isBrandsPayload(payload)) console.log(payload.status)
 * ```
 */
export function isBrandsPayload(value: unknown): value is BrandsPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Brands API events: validates a parsed JSON value and
 * outputs the {@link BrandsEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = brandsEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const brandsEventSchema: SinchEventSchema<BrandsEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Brands API event: `brands.brand_status_update` and `brands.unknown`. */
export type BrandsEvent = EventOf<typeof parser>
/** The payload of any known Brands API event. */
export type BrandsPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  BrandStatusUpdate,
  BrandStatus,
} from './schemas'
