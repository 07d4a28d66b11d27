/**
 * Conversation API callbacks (WhatsApp, RCS, Messenger, Instagram, Viber, SMS
 * and more behind one webhook). The body names its trigger by which
 * notification key it carries (`message`, `message_delivery_report`, ...);
 * there is no trigger field and no event id.
 *
 * @module
 */
import { digest } from '../../parse/digest'
import { defineParser, defineProduct, type DeliveryContext, type ProductAbout } from '../../parse/product'
import type { JsonObject } from '../../schema/schema'
import {
  capability,
  channelEvent,
  contactCreate,
  contactDelete,
  contactIdentitiesDuplication,
  contactMerge,
  contactUpdate,
  conversationDelete,
  conversationStart,
  conversationStop,
  eventDelivery,
  eventInbound,
  messageDelivery,
  messageInbound,
  messageInboundSmartConversationRedaction,
  messageSubmit,
  NOTIFICATION_KEYS,
  optIn,
  optOut,
  recordNotificationEvent,
  smartConversation,
  unsupported,
} from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly message_inbound: typeof messageInbound
  readonly message_inbound_smart_conversation_redaction: typeof messageInboundSmartConversationRedaction
  readonly message_submit: typeof messageSubmit
  readonly message_delivery: typeof messageDelivery
  readonly event_inbound: typeof eventInbound
  readonly event_delivery: typeof eventDelivery
  readonly conversation_start: typeof conversationStart
  readonly conversation_stop: typeof conversationStop
  readonly conversation_delete: typeof conversationDelete
  readonly contact_create: typeof contactCreate
  readonly contact_delete: typeof contactDelete
  readonly contact_merge: typeof contactMerge
  readonly contact_update: typeof contactUpdate
  readonly contact_identities_duplication: typeof contactIdentitiesDuplication
  readonly capability: typeof capability
  readonly opt_in: typeof optIn
  readonly opt_out: typeof optOut
  readonly channel_event: typeof channelEvent
  readonly smart_conversation: typeof smartConversation
  readonly record_notification: typeof recordNotificationEvent
  readonly unsupported: typeof unsupported
} = {
  message_inbound: messageInbound,
  message_inbound_smart_conversation_redaction: messageInboundSmartConversationRedaction,
  message_submit: messageSubmit,
  message_delivery: messageDelivery,
  event_inbound: eventInbound,
  event_delivery: eventDelivery,
  conversation_start: conversationStart,
  conversation_stop: conversationStop,
  conversation_delete: conversationDelete,
  contact_create: contactCreate,
  contact_delete: contactDelete,
  contact_merge: contactMerge,
  contact_update: contactUpdate,
  contact_identities_duplication: contactIdentitiesDuplication,
  capability,
  opt_in: optIn,
  opt_out: optOut,
  channel_event: channelEvent,
  smart_conversation: smartConversation,
  record_notification: recordNotificationEvent,
  unsupported,
}

/** The variant of each notification key, index for index with `NOTIFICATION_KEYS`. */
const VARIANT_OF_KEY = Object.keys(VARIANTS)

/**
 * The first notification key (in the spec's order) that holds an object, or
 * -1. Keys are matched exactly (`message` is not `message_metadata`), and
 * only an object names a trigger, so a field of another product that happens
 * to share a name (Porting's older `event` string) names none. When a second
 * notification key is present too (with any value but absent), the variant's
 * schema refuses the body (`invalid_payload` naming both keys): two triggers
 * in one body are never guessed between.
 */
function notificationIndex(payload: JsonObject): number {
  for (let i = 0; i < NOTIFICATION_KEYS.length; i++) {
    const notification = payload[NOTIFICATION_KEYS[i] as string]
    if (typeof notification === 'object' && notification !== null && !Array.isArray(notification)) return i
  }
  return -1
}

function variantOf(payload: JsonObject): string | undefined {
  return VARIANT_OF_KEY[notificationIndex(payload)]
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'conversation',
  variants: VARIANTS,
  variantOf,
})

/** A non-empty string, else `undefined`: DISPATCH mode sends empty ids. */
function id(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** A string for a key part: absent and non-string values read as `""`. */
function part(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function objectAt(payload: JsonObject, key: string): JsonObject {
  const value = payload[key]
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {}
}

/** The channel and identity of a notification's `channel_identity`. */
function recipient(notification: JsonObject): [string, string] {
  const identity = objectAt(notification, 'channel_identity')
  return [part(identity.channel), part(identity.identity)]
}

/** The nonce of a verified delivery: the only stable value when the notification carries no id. */
function byNonce(trigger: string, context: DeliveryContext): readonly unknown[] | undefined {
  return context.nonce === undefined || context.nonce === '' ? undefined : [trigger, 'nonce', context.nonce]
}

/**
 * The de-duplication key parts of a Conversation callback. The envelope has
 * no event id, so each trigger uses the ids its notification carries, and the
 * trigger name comes first (an inbound message and its redacted twin share
 * the message id but are two callbacks). Where the notification has no
 * stable id, the verified signature nonce stands in: it tells a replayed
 * request from a new one, though Sinch does not say a retry keeps it.
 */
function dedupe(payload: JsonObject, kind: string, context: DeliveryContext): readonly unknown[] | undefined {
  const index = notificationIndex(payload)
  const key = NOTIFICATION_KEYS[index]
  const trigger = VARIANT_OF_KEY[index]
  if (key === undefined || trigger === undefined || kind !== `conversation.${trigger}`)
    return byNonce('unknown', context)
  const n = objectAt(payload, key)
  let ids: readonly unknown[] | undefined
  switch (trigger) {
    case 'message_inbound':
    case 'message_inbound_smart_conversation_redaction':
    case 'event_inbound':
    case 'unsupported': {
      // A contact message or event has its own id.
      const own = id(n.id)
      ids = own === undefined ? undefined : [own]
      break
    }
    case 'message_submit': {
      // One submission per channel tried: a message that falls back to another channel is submitted again.
      const own = id(n.message_id)
      ids = own === undefined ? undefined : [own, ...recipient(n)]
      break
    }
    case 'message_delivery':
    case 'event_delivery': {
      // A message or event gets several receipts, one per status and per channel tried; a repeat of the same is a retry.
      const own = id(trigger === 'message_delivery' ? n.message_id : n.event_id)
      ids = own === undefined ? undefined : [own, part(n.status), ...recipient(n)]
      break
    }
    case 'conversation_start':
    case 'conversation_stop':
    case 'conversation_delete': {
      // A conversation starts, stops and is deleted once each.
      const own = id(objectAt(n, 'conversation').id)
      ids = own === undefined ? undefined : [own]
      break
    }
    case 'contact_create':
    case 'contact_delete': {
      const own = id(objectAt(n, 'contact').id)
      ids = own === undefined ? undefined : [own]
      break
    }
    case 'contact_update': {
      // A contact is updated many times and no update id exists: the state it was updated to identifies the update.
      const contact = objectAt(n, 'contact')
      const own = id(contact.id)
      ids = own === undefined ? undefined : [own, digest(JSON.stringify(contact))]
      break
    }
    case 'contact_merge': {
      const kept = id(objectAt(n, 'preserved_contact').id)
      const removed = id(objectAt(n, 'deleted_contact').id)
      ids = kept === undefined || removed === undefined ? undefined : [kept, removed]
      break
    }
    case 'capability':
    case 'opt_in':
    case 'opt_out': {
      // Sinch names the request id as the duplicate detector; one request may report several channels.
      const own = id(n.request_id)
      ids = own === undefined ? undefined : [own, part(n.channel), part(n.identity)]
      break
    }
    case 'smart_conversation': {
      // One analysis per analysed message.
      const own = id(n.message_id)
      ids = own === undefined ? undefined : [own]
      break
    }
    case 'record_notification': {
      const own = id(n.entity_id)
      ids = own === undefined ? undefined : [own, part(n.record_status)]
      break
    }
    default:
      // contact_identities_duplication and channel_event carry no id at all.
      ids = undefined
  }
  return ids === undefined ? byNonce(trigger, context) : [trigger, ...ids]
}

/** Whether the body carries the envelope's ids as strings (both may be `""`). */
function hasEnvelope(payload: JsonObject): boolean {
  return typeof payload.app_id === 'string' && typeof payload.project_id === 'string'
}

/** The product as the registry lists it. */
export const conversation = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'webhook-signature' }, { scheme: 'none' }, { scheme: 'oauth-token' }],
  detect: {
    // A notification object beside either envelope id: no other Sinch product uses these snake_case names
    // (Porting's older `event` is a string). A malformed envelope still claims, so the error names the field.
    claims: (payload) =>
      notificationIndex(payload) >= 0 && (payload.app_id !== undefined || payload.project_id !== undefined),
    // The envelope alone (a newer trigger, e.g. a batch status update) is still a Conversation callback.
    hints: hasEnvelope,
  },
  // The channel's event time, else when the Conversation API accepted it; contact and conversation
  // notifications often carry neither.
  time: (payload) => payload.event_time ?? payload.accepted_time,
  dedupe,
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Conversation API',
  summary:
    'Callbacks of the Conversation API (conversation.api.sinch.com), one webhook for every channel: inbound ' +
    'contact messages and events, submit notices and delivery receipts for what you send, conversation and ' +
    'contact lifecycle, capability and opt-in/opt-out results, channel events, Smart Conversations analyses, ' +
    'record notifications and channel callbacks the API cannot map. The trigger is told by which notification ' +
    'key the body carries.',
  reference: 'https://developers.sinch.com/docs/conversation/callbacks',
  schemes: [
    {
      scheme: 'webhook-signature',
      note:
        "The webhook's `secret` (set when creating the webhook, or in the dashboard). Delivery receipts of " +
        "messages sent with a per-request `callback_url` are signed with the app's " +
        '`callback_settings.secret_for_overridden_callback_urls` instead: list both secrets, or serve that URL ' +
        'on its own route.',
    },
    {
      scheme: 'none',
      note:
        'A webhook created without a `secret` sends unsigned callbacks. Choose this explicitly, and protect the ' +
        'route another way (a secret path, an IP allowlist, or OAuth below).',
    },
    {
      scheme: 'oauth-token',
      note:
        'OAuth 2.0 client credentials on the webhook (`client_credentials`): Sinch fetches a token from your ' +
        'token endpoint (`createOAuthTokenEndpoint`) and presents it; combine with `webhook-signature` in a list, every entry must pass.',
    },
  ],
  retries:
    'Sinch retries deliveries not answered with 200 (no schedule, status rules or ordering are published); ' +
    'answer 2xx quickly, de-duplicate, and expect receipts out of order.',
}
