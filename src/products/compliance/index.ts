/**
 * `sinch-webhooks/compliance`: Compliance API callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Compliance API callback body into a {@link ComplianceEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseComplianceEvent } from 'sinch-webhooks/compliance'
 *
 * const event = parseComplianceEvent(rawBody)
 * if (event.kind === 'compliance.brand_order_status_update') console.log(event.payload.data?.status)
 * ```
 */
export function parseComplianceEvent(body: unknown, options?: ProductParseOptions): ComplianceEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Compliance API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isCompliancePayload } from 'sinch-webhooks/compliance'
 *
 * if (isCompliancePayload(payload)) console.log(payload.source, payload.id)
 * ```
 */
export function isCompliancePayload(value: unknown): value is CompliancePayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Compliance API events: validates a parsed JSON value and
 * outputs the {@link ComplianceEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = complianceEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const complianceEventSchema: SinchEventSchema<ComplianceEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Compliance API event: `compliance.brand_order_status_update` and `compliance.unknown`. */
export type ComplianceEvent = EventOf<typeof parser>
/** The payload of any known Compliance API event. */
export type CompliancePayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  BrandOrderStatusUpdate,
  BrandOrderResourceType,
  BrandOrderStatus,
} from './schemas'
