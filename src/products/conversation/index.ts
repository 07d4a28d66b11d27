/**
 * `sinch-webhooks/conversation`: Conversation API callbacks on their own, so
 * an app that handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Conversation API callback body into a {@link ConversationEvent}:
 * size limit, strict UTF-8, JSON, then validation against the trigger its
 * notification key names (`message` → `conversation.message_inbound`, ...).
 * A JSON object with no notification key this version knows is
 * `conversation.unknown` (or throws `unknown_event` with `strict: true`); a
 * body with two notification keys, or anything malformed, throws a
 * `SinchWebhookError` with code `invalid_payload` and the field's path.
 *
 * @example
 * ```ts
 * import { parseConversationEvent } from 'sinch-webhooks/conversation'
 *
 * const event = parseConversationEvent(rawBody)
 * if (event.kind === 'conversation.message_delivery') {
 *   const report = event.payload.message_delivery_report
 *   if (report.status === 'FAILED') console.warn(report.message_id, report.reason?.code)
 * }
 * ```
 */
export function parseConversationEvent(body: unknown, options?: ProductParseOptions): ConversationEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Conversation API
 * callback payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isConversationPayload } from 'sinch-webhooks/conversation'
 *
 * if (isConversationPayload(body) && 'message' in body) console.log(body.message.contact_message?.text_message?.text)
 * ```
 */
export function isConversationPayload(value: unknown): value is ConversationPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Conversation API events: validates a parsed JSON
 * value and outputs the {@link ConversationEvent} envelope, for
 * validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = conversationEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const conversationEventSchema: SinchEventSchema<ConversationEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Conversation API event: the 21 known triggers and `conversation.unknown`. */
export type ConversationEvent = EventOf<typeof parser>
/** The payload of any known Conversation API event. */
export type ConversationPayload = PayloadOf<typeof parser>

// Helpers for what Sinch packs into one field: the content a message holds, and the channel's raw payload.
export { messageContent } from './content'
export type { MessageContent, UnknownContent, EventWithContent, ContentOfEvent } from './content'
export { parseUnsupportedPayload } from './unsupported-payload'
export type { UnsupportedPayloadResult } from './unsupported-payload'

// The wire type of each kind, and of the objects inside them.
export type {
  ConversationMessageInbound,
  ConversationMessageInboundSmartConversationRedaction,
  ConversationMessageSubmit,
  ConversationMessageDelivery,
  ConversationEventInbound,
  ConversationEventDelivery,
  ConversationStart,
  ConversationStop,
  ConversationDelete,
  ConversationContactCreate,
  ConversationContactDelete,
  ConversationContactMerge,
  ConversationContactUpdate,
  ConversationContactIdentitiesDuplication,
  ConversationCapability,
  ConversationOptIn,
  ConversationOptOut,
  ConversationChannelEvent,
  ConversationSmartConversation,
  ConversationRecordNotification,
  ConversationUnsupported,
  ConversationEnvelope,
  ConversationChannelIdentity,
  ConversationReason,
  ConversationContactMessage,
  ConversationAppMessage,
  ConversationChoice,
  ConversationCardMessage,
  ConversationProductItem,
  ConversationMediaMessage,
  ConversationContactEvent,
  ConversationContactMessageEvent,
  ConversationContact,
  Conversation,
  ConversationInboundMessage,
  ConversationInboundEvent,
  ConversationUnsupportedCallback,
  ConversationChannel,
  ConversationDeliveryStatus,
  ConversationReasonCode,
  ConversationReasonSubCode,
  ConversationProcessingMode,
  ConversationContactLanguage,
} from './schemas'
