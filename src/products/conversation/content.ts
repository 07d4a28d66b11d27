/**
 * Which content a Conversation message or contact event holds. Contents are
 * unions told apart by which key is present (`text_message`, `media_message`,
 * ...), so TypeScript narrows on `message.text_message !== undefined`;
 * {@link messageContent} turns that into one value to `switch` on.
 *
 * @module
 */
import type { EventEnvelope } from '../../parse/event'
import type { JsonObject, ObjectNode } from '../../schema/schema'
import {
  appMessage,
  contactEvent,
  contactMessage,
  contactMessageEvent,
  type ConversationAppMessage,
  type ConversationContactEvent,
  type ConversationContactMessage,
  type ConversationContactMessageEvent,
  type ConversationEventInbound,
  type ConversationMessageInbound,
  type ConversationMessageInboundSmartConversationRedaction,
  type ConversationMessageSubmit,
} from './schemas'

/** A content this version does not know (a newer content key), or no content at all. */
export interface UnknownContent {
  readonly type: 'unknown'
  readonly content: undefined
}

/** The keys of `T` that are required: in a one-key-present union member, its content key. */
type RequiredKey<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T]

/** One member of a content union as `{ type: key, content }`. */
type ContentOfMember<M> = [RequiredKey<M>] extends [never]
  ? UnknownContent
  : { [K in RequiredKey<M>]: { readonly type: K; readonly content: M[K] } }[RequiredKey<M>]

/**
 * The content of a message or contact event, as a union to `switch` on by
 * `type`: each known content key with its content, or `unknown`.
 */
export type MessageContent<M> = M extends unknown ? ContentOfMember<M> : never

/** The events whose message or contact event {@link messageContent} reads. */
export type EventWithContent =
  | EventEnvelope<'conversation.message_inbound', 'conversation', ConversationMessageInbound>
  | EventEnvelope<
      'conversation.message_inbound_smart_conversation_redaction',
      'conversation',
      ConversationMessageInboundSmartConversationRedaction
    >
  | EventEnvelope<'conversation.message_submit', 'conversation', ConversationMessageSubmit>
  | EventEnvelope<'conversation.event_inbound', 'conversation', ConversationEventInbound>

/** What {@link messageContent} returns for an event of each kind. */
export type ContentOfEvent<E extends EventWithContent> = E['kind'] extends 'conversation.message_submit'
  ? MessageContent<ConversationAppMessage>
  : E['kind'] extends 'conversation.event_inbound'
    ? MessageContent<ConversationContactEvent> | MessageContent<ConversationContactMessageEvent>
    : MessageContent<ConversationContactMessage>

const UNKNOWN: UnknownContent = Object.freeze({ type: 'unknown', content: undefined })

function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const found = (value as JsonObject)[key]
  return typeof found === 'object' && found !== null && !Array.isArray(found) ? (found as JsonObject) : undefined
}

/** The content key present in a union value (its schema lists the keys), as `{ type, content }`. */
function contentIn(value: JsonObject | undefined, union: object): { readonly type: string; readonly content: unknown } {
  if (value === undefined) return UNKNOWN
  for (const key of (union as ObjectNode).exclusive) {
    const content = value[key]
    if (content !== undefined) return { type: key, content }
  }
  return UNKNOWN
}

/**
 * Says which content the message (or contact event) of a Conversation event
 * holds: `{ type: 'text_message', content: { text } }`, ..., or
 * `{ type: 'unknown', content: undefined }` for a content this version does
 * not know or a notification without one. Reads the contact message of
 * `message_inbound` and its redacted twin, the submitted app message of
 * `message_submit`, and the contact event or contact message event of
 * `event_inbound`. Never throws; the payload is not modified.
 *
 * @example
 * ```ts
 * import { messageContent, parseConversationEvent } from 'sinch-webhooks/conversation'
 *
 * const event = parseConversationEvent(rawBody)
 * if (event.kind === 'conversation.message_inbound') {
 *   const message = messageContent(event)
 *   switch (message.type) {
 *     case 'text_message':
 *       console.log(message.content.text)
 *       break
 *     case 'media_message':
 *       console.log(message.content.url)
 *       break
 *     default:
 *       console.info('content not handled:', message.type)
 *   }
 * }
 * ```
 */
export function messageContent<E extends EventWithContent>(event: E): ContentOfEvent<E> {
  try {
    return read(event) as ContentOfEvent<E>
  } catch {
    // A hostile object (a getter that throws) holds no content this function can read.
    return UNKNOWN as ContentOfEvent<E>
  }
}

function read(event: unknown): { readonly type: string; readonly content: unknown } {
  const payload = (event as { readonly payload?: unknown } | null)?.payload
  switch ((event as { readonly kind?: unknown } | null)?.kind) {
    case 'conversation.message_inbound':
      return contentIn(objectAt(objectAt(payload, 'message'), 'contact_message'), contactMessage)
    case 'conversation.message_inbound_smart_conversation_redaction':
      return contentIn(objectAt(objectAt(payload, 'message_redaction'), 'contact_message'), contactMessage)
    case 'conversation.message_submit':
      return contentIn(objectAt(objectAt(payload, 'message_submit_notification'), 'submitted_message'), appMessage)
    case 'conversation.event_inbound': {
      const item = objectAt(payload, 'event')
      const contact = objectAt(item, 'contact_event')
      return contact !== undefined
        ? contentIn(contact, contactEvent)
        : contentIn(objectAt(item, 'contact_message_event'), contactMessageEvent)
    }
    default:
      return UNKNOWN
  }
}
