/**
 * `sinch-webhooks/porting`: Porting API callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Porting API callback body into a {@link PortingEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parsePortingEvent } from 'sinch-webhooks/porting'
 *
 * const event = parsePortingEvent(rawBody)
 * if (event.kind === 'porting.numbers_rejected') for (const n of event.payload.phoneNumbers ?? []) console.warn(n.phoneNumber, n.rejectReason)
 * ```
 */
export function parsePortingEvent(body: unknown, options?: ProductParseOptions): PortingEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Porting API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isPortingPayload } from 'sinch-webhooks/porting'
 *
 * if (isPortingPayload(payload)) console.log(payload.orderId)
 * ```
 */
export function isPortingPayload(value: unknown): value is PortingPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Porting API events: validates a parsed JSON value and
 * outputs the {@link PortingEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = portingEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const portingEventSchema: SinchEventSchema<PortingEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Porting API event: the five known kinds and `porting.unknown`. */
export type PortingEvent = EventOf<typeof parser>
/** The payload of any known Porting API event. */
export type PortingPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  PortingOrderUpdated,
  PortingNumbersActivated,
  PortingNumbersConfirmed,
  PortingNumbersRejected,
  PortingNewOrderNote,
  PortingOrder,
  PortingPhoneNumber,
  PortingEndUser,
  PortingNumberStatus,
  PortingOrderStatus,
} from './schemas'
