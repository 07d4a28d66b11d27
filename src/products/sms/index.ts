/**
 * `sinch-webhooks/sms`: SMS REST API callbacks on their own, so an app that
 * handles only SMS imports only SMS's schemas. Verify with `sinch-webhooks`
 * (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw SMS callback body into an {@link SmsEvent}: size limit,
 * strict UTF-8, JSON, then validation against the variant its `type` names.
 * A JSON object that is not a known SMS `type` is `sms.unknown` (or throws
 * `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseSmsEvent } from 'sinch-webhooks/sms'
 *
 * const event = parseSmsEvent(rawBody)
 * if (event.kind === 'sms.mo_text') console.log(event.payload.from, event.payload.body)
 * ```
 */
export function parseSmsEvent(body: unknown, options?: ProductParseOptions): SmsEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid SMS callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isSmsPayload } from 'sinch-webhooks/sms'
 *
 * if (isSmsPayload(message.body) && message.body.type === 'mo_text') reply(message.body.from)
 * ```
 */
export function isSmsPayload(value: unknown): value is SmsPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for SMS events: validates a parsed JSON value and
 * outputs the {@link SmsEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = smsEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const smsEventSchema: SinchEventSchema<SmsEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every SMS event: the seven known kinds and `sms.unknown`. */
export type SmsEvent = EventOf<typeof parser>
/** The payload of any known SMS event. */
export type SmsPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  SmsMoText,
  SmsMoBinary,
  SmsMoMedia,
  SmsMmsMedia,
  SmsDeliveryReportSms,
  SmsDeliveryReportMms,
  SmsBatchDeliveryStatus,
  SmsRecipientDeliveryReportSms,
  SmsRecipientDeliveryReportMms,
  SmsDeliveryStatus,
} from './schemas'
