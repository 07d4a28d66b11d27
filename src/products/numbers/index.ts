/**
 * `sinch-webhooks/numbers`: Numbers API callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Numbers API callback body into a {@link NumbersEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseNumbersEvent } from 'sinch-webhooks/numbers'
 *
 * const event = parseNumbersEvent(rawBody)
 * if (event.kind === 'numbers.provisioning_to_campaign' && event.payload.status === 'FAILED') alert(event.payload.failureCode)
 * ```
 */
export function parseNumbersEvent(body: unknown, options?: ProductParseOptions): NumbersEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Numbers API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isNumbersPayload } from 'sinch-webhooks/numbers'
 *
 * if (isNumbersPayload(payload)) console.log(payload.resourceType, payload.eventType)
 * ```
 */
export function isNumbersPayload(value: unknown): value is NumbersPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Numbers API events: validates a parsed JSON value and
 * outputs the {@link NumbersEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = numbersEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const numbersEventSchema: SinchEventSchema<NumbersEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Numbers API event: the seven known kinds and `numbers.unknown`. */
export type NumbersEvent = EventOf<typeof parser>
/** The payload of any known Numbers API event. */
export type NumbersPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  NumbersProvisioningToSmsPlatform,
  NumbersDeprovisioningFromSmsPlatform,
  NumbersProvisioningToCampaign,
  NumbersDeprovisioningFromCampaign,
  NumbersProvisioningToVoicePlatform,
  NumbersDeprovisioningFromVoicePlatform,
  NumbersNumberOrderProcessing,
  NumbersFailureCode,
} from './schemas'
