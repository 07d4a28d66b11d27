/**
 * `sinch-webhooks/mailgun`: Mailgun (Sinch email) webhooks on their own, so
 * an app that handles only email events imports only their schemas. Verify
 * with `verifyMailgunSignature` from `sinch-webhooks` (or `/web`), then parse
 * here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Mailgun webhook body into a {@link MailgunEvent}: size limit,
 * strict UTF-8, JSON, then validation against the kind `event-data.event`
 * names. A JSON object that is not a known event (a new event name, a
 * deliverability alert) is `mailgun.unknown` (or throws `unknown_event` with
 * `strict: true`); anything malformed throws a `SinchWebhookError` with a
 * code and the field's path.
 *
 * @example
 * ```ts
 * import { parseMailgunEvent } from 'sinch-webhooks/mailgun'
 *
 * const event = parseMailgunEvent(rawBody)
 * if (event.kind === 'mailgun.failed' && event.payload['event-data'].severity === 'permanent')
 *   suppress(event.payload['event-data'].recipient)
 * ```
 */
export function parseMailgunEvent(body: unknown, options?: ProductParseOptions): MailgunEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Mailgun webhook
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isMailgunPayload } from 'sinch-webhooks/mailgun'
 *
 * if (isMailgunPayload(payload)) console.log(payload['event-data'].event, payload['event-data'].recipient)
 * ```
 */
export function isMailgunPayload(value: unknown): value is MailgunPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Mailgun events: validates a parsed JSON value and
 * outputs the {@link MailgunEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = mailgunEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const mailgunEventSchema: SinchEventSchema<MailgunEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Mailgun event: the twelve known kinds and `mailgun.unknown`. */
export type MailgunEvent = EventOf<typeof parser>
/** The payload of any known Mailgun event. */
export type MailgunPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  MailgunAccepted,
  MailgunRejected,
  MailgunDelivered,
  MailgunFailed,
  MailgunOpened,
  MailgunClicked,
  MailgunUnsubscribed,
  MailgunComplained,
  MailgunStored,
  MailgunListMemberUploaded,
  MailgunListMemberUploadError,
  MailgunListUploaded,
  MailgunWebhookSignature,
  MailgunMessage,
  MailgunEnvelope,
  MailgunDeliveryStatus,
  MailgunStorage,
  MailgunSeverity,
  MailgunFailureReason,
  MailgunLogLevel,
} from './schemas'
