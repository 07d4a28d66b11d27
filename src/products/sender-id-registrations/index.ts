/**
 * `sinch-webhooks/sender-id-registrations`: Sender ID Registrations API callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Sender ID Registrations API callback body into a {@link SenderIdRegistrationsEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseSenderIdRegistrationsEvent } from 'sinch-webhooks/sender-id-registrations'
 *
 * const event = parseSenderIdRegistrationsEvent(rawBody)
 * if (event.kind === 'sender_id_registrations.event') console.log(event.payload.resourceId, event.payload.status)
 * ```
 */
export function parseSenderIdRegistrationsEvent(
  body: unknown,
  options?: ProductParseOptions,
): SenderIdRegistrationsEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Sender ID Registrations API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isSenderIdRegistrationsPayload } from 'sinch-webhooks/sender-id-registrations'
 *
 * if (isSenderIdRegistrationsPayload(payload)) console.log(payload.status)
 * ```
 */
export function isSenderIdRegistrationsPayload(value: unknown): value is SenderIdRegistrationsPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Sender ID Registrations API events: validates a parsed JSON value and
 * outputs the {@link SenderIdRegistrationsEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = senderIdRegistrationsEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const senderIdRegistrationsEventSchema: SinchEventSchema<SenderIdRegistrationsEvent> =
  /* @__PURE__ */ productEventSchema(parser)

/** Every Sender ID Registrations API event: `sender_id_registrations.event` and `sender_id_registrations.unknown`. */
export type SenderIdRegistrationsEvent = EventOf<typeof parser>
/** The payload of any known Sender ID Registrations API event. */
export type SenderIdRegistrationsPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  SenderIdRegistrationUpdate,
  SenderIdRegistrationStatus,
} from './schemas'
