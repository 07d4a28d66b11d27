/**
 * The wire shapes of Conversation API callbacks and their types.
 *
 * Every callback is one JSON object: the envelope (`app_id`, `project_id`,
 * times, metadata) plus exactly one notification key that names the trigger
 * (`message`, `message_delivery_report`, `contact_create_notification`, ...).
 * There is no trigger field and no event id.
 *
 * Sinch's spec marks almost nothing required inside a notification, and real
 * bodies do omit fields (a delivery report with only `status`, a submit
 * without `submitted_message`), so only what the spec requires is required
 * here: expect `?.` on notification fields. Channels, statuses, reason codes
 * and every other enum are open: values Sinch adds later parse, the known
 * ones autocomplete. Message contents and contact events are unions told
 * apart by which key is present; a content key this version does not know
 * passes as a content with every known key absent. Date-times stay strings
 * (Sinch sends 0 to 9 fraction digits; a `Date` would drop most of them).
 *
 * @module
 */
import {
  array,
  boolean,
  date,
  dateTime,
  integer,
  nullable,
  number,
  object,
  oneOf,
  openString,
  optional,
  record,
  string,
  unknown,
  type Infer,
  type InferShape,
  type OpenString,
  type Schema,
} from '../../schema/schema'

// ---------------------------------------------------------------------------
// Open enums

/**
 * A Conversation API channel. `CHANNEL_UNSPECIFIED` (the active channel of a
 * new conversation) and `SINCH_CHAT` are sent although the spec's list lacks them.
 */
export type ConversationChannel = OpenString<
  | 'SMS'
  | 'RCS'
  | 'WHATSAPP'
  | 'MMS'
  | 'KAKAOTALK'
  | 'KAKAOTALKCHAT'
  | 'VIBERBM'
  | 'LINE'
  | 'INSTAGRAM'
  | 'MESSENGER'
  | 'WECHAT'
  | 'TELEGRAM'
  | 'APPLEBC'
  | 'CHANNEL_UNSPECIFIED'
  | 'SINCH_CHAT'
>

/** Status of a sent app message or event. Several receipts per message are normal, in no guaranteed order. */
export type ConversationDeliveryStatus = OpenString<
  'QUEUED_ON_CHANNEL' | 'DELIVERED' | 'READ' | 'FAILED' | 'SWITCHING_CHANNEL'
>

/**
 * Why a message or event failed. The last four are listed by Sinch's Node SDK
 * only (no meaning published); the list is open either way.
 */
export type ConversationReasonCode = OpenString<
  | 'UNKNOWN'
  | 'INTERNAL_ERROR'
  | 'RATE_LIMITED'
  | 'RECIPIENT_INVALID_CHANNEL_IDENTITY'
  | 'RECIPIENT_NOT_REACHABLE'
  | 'RECIPIENT_NOT_OPTED_IN'
  | 'OUTSIDE_ALLOWED_SENDING_WINDOW'
  | 'CHANNEL_FAILURE'
  | 'CHANNEL_BAD_CONFIGURATION'
  | 'CHANNEL_CONFIGURATION_MISSING'
  | 'MEDIA_TYPE_UNSUPPORTED'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_NOT_REACHABLE'
  | 'NO_CHANNELS_LEFT'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_INSUFFICIENT_PARAMETERS'
  | 'TEMPLATE_NON_EXISTING_LANGUAGE_OR_VERSION'
  | 'DELIVERY_TIMED_OUT'
  | 'DELIVERY_REJECTED_DUE_TO_POLICY'
  | 'CONTACT_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'UNKNOWN_APP'
  | 'NO_CHANNEL_IDENTITY_FOR_CONTACT'
  | 'CHANNEL_REJECT'
  | 'NO_PERMISSION'
  | 'NO_PROFILE_AVAILABLE'
  | 'UNSUPPORTED_OPERATION'
  | 'INACTIVE_CREDENTIAL'
  | 'MESSAGE_EXPIRED'
  | 'MESSAGE_SPLIT_REQUIRED'
  | 'DELIVERY_REPORT_TIME_OUT'
>

/** Refines a {@link ConversationReasonCode}. */
export type ConversationReasonSubCode = OpenString<
  'UNSPECIFIED_SUB_CODE' | 'ATTACHMENT_REJECTED' | 'MEDIA_TYPE_UNDETERMINED' | 'INACTIVE_SENDER'
>

/** `CONVERSATION` stores contacts and conversations; `DISPATCH` (the default for new apps) does not, and sends their ids empty. */
export type ConversationProcessingMode = OpenString<'CONVERSATION' | 'DISPATCH'>

/** A contact's language. `UNSPECIFIED` is sent although the spec's list lacks it. */
export type ConversationContactLanguage = OpenString<
  | 'AF'
  | 'SQ'
  | 'AR'
  | 'AZ'
  | 'BN'
  | 'BG'
  | 'CA'
  | 'ZH'
  | 'ZH_CN'
  | 'ZH_HK'
  | 'ZH_TW'
  | 'HR'
  | 'CS'
  | 'DA'
  | 'NL'
  | 'EN'
  | 'EN_GB'
  | 'EN_US'
  | 'ET'
  | 'FIL'
  | 'FI'
  | 'FR'
  | 'DE'
  | 'EL'
  | 'GU'
  | 'HA'
  | 'HE'
  | 'HI'
  | 'HU'
  | 'ID'
  | 'GA'
  | 'IT'
  | 'JA'
  | 'KN'
  | 'KK'
  | 'KO'
  | 'LO'
  | 'LV'
  | 'LT'
  | 'MK'
  | 'MS'
  | 'ML'
  | 'MR'
  | 'NB'
  | 'FA'
  | 'PL'
  | 'PT'
  | 'PT_BR'
  | 'PT_PT'
  | 'PA'
  | 'RO'
  | 'RU'
  | 'SR'
  | 'SK'
  | 'SL'
  | 'ES'
  | 'ES_AR'
  | 'ES_ES'
  | 'ES_MX'
  | 'SW'
  | 'SV'
  | 'TA'
  | 'TE'
  | 'TH'
  | 'TR'
  | 'UK'
  | 'UR'
  | 'UZ'
  | 'VI'
  | 'ZU'
  | 'UNSPECIFIED'
>

const channel = openString<ConversationChannel>()
const processingMode = openString<ConversationProcessingMode>()
const deliveryStatus = openString<ConversationDeliveryStatus>()

// ---------------------------------------------------------------------------
// Shared objects

const channelIdentity = object({
  /** The channel this identity lives on. */
  channel,
  /** The identity on that channel: an MSISDN (with or without `+`) for SMS, WhatsApp, Viber; an app-scoped id for Messenger, Instagram, LINE, WeChat. */
  identity: string,
  /** The app an app-scoped identity belongs to; often `""`. */
  app_id: optional(string),
})

const reason = object({
  code: optional(openString<ConversationReasonCode>()),
  /** Free text, e.g. "The underlying channel reported: ...". */
  description: optional(string),
  sub_code: optional(openString<ConversationReasonSubCode>()),
  /** The error code the channel itself reported (WhatsApp only, so far). */
  channel_code: optional(string),
})

const coordinates = object({ latitude: number, longitude: number })

/** Shared by app and contact messages. */
const textMessage = object({ text: string })

const mediaMessage = object({
  /** URL of the media file. */
  url: string,
  thumbnail_url: optional(string),
  filename_override: optional(string),
})

const locationMessage = object({
  coordinates,
  /** Shown next to the link to the map. */
  title: string,
  label: optional(string),
})

const productItem = object({
  id: string,
  /** The marketplace of the product, e.g. `FACEBOOK`. */
  marketplace: string,
  quantity: optional(integer),
  item_price: optional(number),
  currency: optional(string),
})

/** `{ message_id }` of the message a message replies to. */
const replyTo = object({ message_id: string })

// ---------------------------------------------------------------------------
// Contact messages (MESSAGE_INBOUND, MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION)

/** Internal: the content helper reads its keys. */
export const contactMessage = oneOf(
  {
    text_message: textMessage,
    media_message: mediaMessage,
    /** An image or video with a caption. */
    media_card_message: object({ url: string, caption: optional(string) }),
    location_message: locationMessage,
    /** The contact picked a choice of an earlier app message. */
    choice_response_message: object({
      /** The app message that held the choice. */
      message_id: string,
      /** The `postback_data` of the chosen choice. */
      postback_data: string,
    }),
    /** A channel message the API could not map. */
    fallback_message: object({
      /** The raw channel message, when the channel provides it. */
      raw_message: optional(string),
      reason: optional(reason),
    }),
    /** WhatsApp products the contact selected. */
    product_response_message: object({
      products: array(productItem),
      /** Text sent with the selection. */
      title: optional(string),
      catalog_id: optional(string),
    }),
    /** A WhatsApp Flows or address-message reply. */
    channel_specific_message: object({
      message_type: openString<'nfm_reply'>(),
      message: object({
        type: optional(openString<'nfm_reply'>()),
        nfm_reply: optional(
          object({
            name: optional(openString<'flow' | 'address_message'>()),
            /** JSON text, as the channel sent it. */
            response_json: optional(string),
            body: optional(string),
          }),
        ),
      }),
    }),
  },
  {
    /** The app message this one answers, when the contact replied to one. Sent as `null` by some sources. */
    reply_to: optional(nullable(replyTo)),
  },
)

// ---------------------------------------------------------------------------
// App messages (MESSAGE_SUBMIT `submitted_message`)

const choice = oneOf(
  {
    text_message: textMessage,
    url_message: object({ title: string, url: string }),
    call_message: object({
      /** E.164 with a leading `+`. */
      phone_number: string,
      title: string,
    }),
    location_message: locationMessage,
    calendar_message: object({
      title: string,
      event_start: dateTime,
      event_end: dateTime,
      event_title: string,
      event_description: optional(string),
      fallback_url: string,
    }),
    share_location_message: object({ title: string, fallback_url: string }),
  },
  {
    /** Returned in the contact's `choice_response_message` when picked. */
    postback_data: optional(string),
    /** RCS only. */
    display_mode: optional(openString<'DISPLAY_MODE_UNSPECIFIED' | 'PERSISTENT'>()),
  },
)

const cardMessage = object({
  title: optional(string),
  description: optional(string),
  media_message: optional(mediaMessage),
  height: optional(openString<'UNSPECIFIED_HEIGHT' | 'SHORT' | 'MEDIUM' | 'TALL'>()),
  choices: optional(array(choice)),
  message_properties: optional(object({ whatsapp_header: optional(string) })),
})

const choiceMessage = object({
  text_message: optional(textMessage),
  choices: array(choice),
  message_properties: optional(object({ whatsapp_footer: optional(string) })),
})

const carouselMessage = object({ cards: array(cardMessage), choices: optional(array(choice)) })

const listMessage = object({
  title: string,
  description: optional(string),
  media: optional(mediaMessage),
  sections: array(
    object({
      title: optional(string),
      items: array(
        oneOf({
          choice: object({
            title: string,
            description: optional(string),
            media: optional(mediaMessage),
            postback_data: optional(string),
          }),
          product: productItem,
        }),
      ),
    }),
  ),
  message_properties: optional(
    object({ catalog_id: optional(string), menu: optional(string), whatsapp_header: optional(string) }),
  ),
})

const templateReference = object({
  /** For WhatsApp channel templates, the template's name. */
  template_id: string,
  version: optional(string),
  language_code: optional(string),
  parameters: optional(record(string)),
})

const templateMessage = object({
  /** Per channel, overriding `omni_template`. */
  channel_template: optional(record(templateReference)),
  omni_template: optional(templateReference),
})

const contactInfoMessage = object({
  name: object({
    full_name: string,
    first_name: optional(string),
    last_name: optional(string),
    middle_name: optional(string),
    prefix: optional(string),
    suffix: optional(string),
  }),
  phone_numbers: array(object({ phone_number: string, type: optional(string) })),
  addresses: optional(
    array(
      object({
        city: optional(string),
        country: optional(string),
        state: optional(string),
        zip: optional(string),
        type: optional(string),
        country_code: optional(string),
      }),
    ),
  ),
  email_addresses: optional(array(object({ email_address: string, type: optional(string) }))),
  organization: optional(object({ company: optional(string), department: optional(string), title: optional(string) })),
  urls: optional(array(object({ url: string, type: optional(string) }))),
  /** `YYYY-MM-DD`. */
  birthday: optional(date),
})

const omniMessageOverride = oneOf({
  text_message: textMessage,
  media_message: mediaMessage,
  template_reference: templateReference,
  choice_message: choiceMessage,
  card_message: cardMessage,
  carousel_message: carouselMessage,
  location_message: locationMessage,
  contact_info_message: contactInfoMessage,
  list_message: listMessage,
})

/** Internal: the content helper reads its keys. */
export const appMessage = oneOf(
  {
    text_message: textMessage,
    media_message: mediaMessage,
    location_message: locationMessage,
    choice_message: choiceMessage,
    card_message: cardMessage,
    carousel_message: carouselMessage,
    list_message: listMessage,
    template_message: templateMessage,
    contact_info_message: contactInfoMessage,
  },
  {
    /** Channel → the raw channel message (a string) sent instead of the transcoded content. */
    explicit_channel_message: optional(record(string)),
    /** Channel → the content sent on that channel instead. */
    explicit_channel_omni_message: optional(record(omniMessageOverride)),
    /** Channel → a channel-specific message (WhatsApp Flows, order details, KakaoTalk commerce, LINE templates). */
    channel_specific_message: optional(
      record(
        object({
          message_type: openString<
            | 'FLOWS'
            | 'ORDER_DETAILS'
            | 'ORDER_STATUS'
            | 'COMMERCE'
            | 'CAROUSEL_COMMERCE'
            | 'NOTIFICATION_MESSAGE_TEMPLATE'
          >(),
          /** The channel's own message object, passed on unchecked. */
          message: record(unknown),
        }),
      ),
    ),
    agent: optional(
      object({
        display_name: optional(string),
        type: optional(openString<'UNKNOWN_AGENT_TYPE' | 'HUMAN' | 'BOT'>()),
        picture_url: optional(string),
      }),
    ),
    /** WhatsApp contextual reply: the contact message this one quotes. */
    reply_to: optional(replyTo),
  },
)

// ---------------------------------------------------------------------------
// Contact events (EVENT_INBOUND)

/** Internal: the content helper reads its keys. */
export const contactEvent = oneOf({
  /** The contact is typing. */
  composing_event: object({}),
  /** The contact stopped typing. */
  composing_end_event: object({}),
  /** The contact deleted the conversation. */
  conversation_deleted_event: object({}),
  /** A comment on an Instagram post or live broadcast. */
  comment_event: object({
    text: string,
    id: optional(string),
    comment_type: optional(openString<'FEED' | 'LIVE'>()),
    /** Permalink of the post or broadcast. */
    commented_on: optional(string),
    /** The commenting account's user name. */
    user: optional(string),
  }),
  generic_event: object({
    /** Arbitrary JSON object. */
    payload: record(unknown),
  }),
})

/** Internal: the content helper reads its keys. */
export const contactMessageEvent = oneOf({
  /** A WhatsApp payment flow changed state (`*_UNKNOWN` means "not set"). */
  payment_status_update_event: object({
    /** Your order reference. */
    reference_id: optional(string),
    payment_status: optional(
      openString<
        | 'PAYMENT_STATUS_UNKNOWN'
        | 'PAYMENT_STATUS_NEW'
        | 'PAYMENT_STATUS_PENDING'
        | 'PAYMENT_STATUS_CAPTURED'
        | 'PAYMENT_STATUS_CANCELED'
        | 'PAYMENT_STATUS_FAILED'
      >(),
    ),
    payment_transaction_status: optional(
      openString<
        | 'PAYMENT_STATUS_TRANSACTION_UNKNOWN'
        | 'PAYMENT_STATUS_TRANSACTION_PENDING'
        | 'PAYMENT_STATUS_TRANSACTION_FAILED'
        | 'PAYMENT_STATUS_TRANSACTION_SUCCESS'
        | 'PAYMENT_STATUS_TRANSACTION_CANCELED'
      >(),
    ),
    payment_transaction_id: optional(string),
  }),
  /** The contact opened a Messenger or Instagram shortlink. */
  shortlink_activated_event: object({
    payload: optional(string),
    /** Instagram only. */
    title: optional(string),
    ref: optional(string),
    /** `SHORTLINK`. */
    source: optional(string),
    /** `OPEN_THREAD` for Messenger and Instagram. */
    type: optional(string),
    /** Whether the conversation thread existed before the visit. */
    existing_thread: optional(boolean),
  }),
  /** The contact reacted to (or un-reacted from) an app message. */
  reaction_event: object({
    emoji: string,
    action: openString<'REACTION_ACTION_UNKNOWN' | 'REACTION_ACTION_REACT' | 'REACTION_ACTION_UNREACT'>(),
    /** The app message reacted to. */
    message_id: string,
    /** e.g. `smile`, `angry`, `like`. */
    reaction_category: optional(string),
  }),
})

// ---------------------------------------------------------------------------
// Contacts and conversations

const contact = object({
  id: optional(string),
  channel_identities: optional(array(channelIdentity)),
  channel_priority: optional(array(channel)),
  /** `Unknown` when left empty at creation. */
  display_name: optional(string),
  email: optional(string),
  /** The contact's id in your system. */
  external_id: optional(string),
  metadata: optional(string),
  language: optional(openString<ConversationContactLanguage>()),
})

const conversation = object({
  id: optional(string),
  app_id: optional(string),
  contact_id: optional(string),
  active: optional(boolean),
  /** `CHANNEL_UNSPECIFIED` on a conversation that just started. */
  active_channel: optional(channel),
  /** Deprecated by Sinch in favour of `metadata_json`. */
  metadata: optional(string),
  metadata_json: optional(record(unknown)),
  correlation_id: optional(string),
  /** Time of the latest message; `1970-01-01T00:00:00Z` when there is none. */
  last_received: optional(dateTime),
})

const conversationNotification = object({ conversation: optional(conversation) })
const contactNotification = object({ contact: optional(contact) })

// ---------------------------------------------------------------------------
// Notifications

/** MESSAGE_INBOUND `message` and MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION `message_redaction`. */
const inboundMessage = object({
  /** The message id. */
  id: optional(string),
  /** Always `TO_APP`. */
  direction: optional(openString<'TO_APP'>()),
  contact_message: optional(contactMessage),
  channel_identity: optional(channelIdentity),
  /** Empty in DISPATCH mode. */
  conversation_id: optional(string),
  /** Empty in DISPATCH mode. */
  contact_id: optional(string),
  /** Channel metadata; for a choice response, the `message_metadata` of the request that sent the choice. */
  metadata: optional(string),
  /** When the Conversation API received the channel's callback. */
  accept_time: optional(dateTime),
  /** The number or id the contact wrote to (the originator MSISDN or short code for SMS and MMS). */
  sender_id: optional(string),
  processing_mode: optional(processingMode),
  /** Whether the message was injected through the API. */
  injected: optional(boolean),
})

const messageSubmitNotification = object({
  message_id: optional(string),
  conversation_id: optional(string),
  /** The recipient on the channel the message was submitted to. */
  channel_identity: optional(channelIdentity),
  contact_id: optional(string),
  /** The app message as submitted (an app message, not a contact message). */
  submitted_message: optional(appMessage),
  /** The `message_metadata` of the send request. */
  metadata: optional(string),
  processing_mode: optional(processingMode),
})

const messageDeliveryReport = object({
  message_id: optional(string),
  conversation_id: optional(string),
  status: optional(deliveryStatus),
  channel_identity: optional(channelIdentity),
  contact_id: optional(string),
  /** Why, when `status` is `FAILED`. */
  reason: optional(reason),
  /** The `message_metadata` of the send request. */
  metadata: optional(string),
  processing_mode: optional(processingMode),
})

const inboundEvent = oneOf(
  {
    contact_event: contactEvent,
    /** Beta: reactions, payments and shortlinks. */
    contact_message_event: contactMessageEvent,
  },
  {
    /** The event id. */
    id: optional(string),
    /** Always `TO_APP`. */
    direction: optional(openString<'TO_APP'>()),
    channel_identity: optional(channelIdentity),
    contact_id: optional(string),
    conversation_id: optional(string),
    accept_time: optional(dateTime),
    processing_mode: optional(processingMode),
  },
)

const eventDeliveryReport = object({
  event_id: optional(string),
  status: optional(deliveryStatus),
  channel_identity: optional(channelIdentity),
  contact_id: optional(string),
  reason: optional(reason),
  /** The metadata of the send-event request. */
  metadata: optional(string),
  processing_mode: optional(processingMode),
})

const duplicatedIdentitiesNotification = object({
  duplicated_identities: optional(
    array(
      object({
        channel: optional(channel),
        /** The contacts that share an identity on that channel. */
        contact_ids: optional(array(string)),
      }),
    ),
  ),
})

const capabilityNotification = object({
  /** The capability request's id; Sinch suggests it for detecting duplicates. */
  request_id: optional(string),
  contact_id: optional(string),
  channel: optional(channel),
  identity: optional(string),
  capability_status: optional(
    openString<'CAPABILITY_UNKNOWN' | 'CAPABILITY_FULL' | 'CAPABILITY_PARTIAL' | 'NO_CAPABILITY'>(),
  ),
  /** The channel's capabilities, when `CAPABILITY_PARTIAL`. */
  channel_capabilities: optional(array(string)),
  reason: optional(reason),
})

/* @__NO_SIDE_EFFECTS__ */
function optNotification<const S extends string>() {
  return object({
    /** The opt-in or opt-out request's id; Sinch suggests it for detecting duplicates. */
    request_id: optional(string),
    /** Empty in DISPATCH mode. */
    contact_id: optional(string),
    channel: optional(channel),
    identity: optional(string),
    status: optional(openString<S>()),
    /** Set when the registration failed. */
    error_details: optional(object({ description: optional(string) })),
    processing_mode: optional(processingMode),
  })
}

const channelEventNotification = object({
  channel_event: optional(
    object({
      channel: optional(channel),
      /** e.g. `WHATS_APP_QUALITY_RATING_CHANGED`. */
      event_type: optional(string),
      /** Depends on the channel and `event_type`, e.g. `{ quality_rating: "GREEN" }`. */
      additional_data: optional(record(unknown)),
    }),
  ),
})

const scores = {
  /** The analysed text. */
  message: optional(string),
  /** 0 to 1. */
  score: optional(number),
}

const smartConversationNotification = object({
  contact_id: optional(string),
  /** The contact's identity as a plain string (not a channel identity object, unlike every other notification). */
  channel_identity: optional(string),
  channel: optional(channel),
  /** The analysed message. */
  message_id: optional(string),
  conversation_id: optional(string),
  /** Which keys are present depends on the features enabled for the app. */
  analysis_results: optional(
    object({
      ml_sentiment_result: optional(
        array(
          object(scores, {
            sentiment: optional(openString<'positive' | 'negative' | 'neutral'>()),
            results: optional(
              array(
                object({
                  sentiment: optional(openString<'positive' | 'negative' | 'neutral'>()),
                  score: optional(number),
                }),
              ),
            ),
          }),
        ),
      ),
      ml_nlu_result: optional(
        array(
          object(scores, {
            /** e.g. `chitchat.greeting`, `general.yes_or_agreed`. */
            intent: optional(string),
            results: optional(array(object({ intent: optional(string), score: optional(number) }))),
          }),
        ),
      ),
      ml_image_recognition_result: optional(
        array(
          object({
            url: optional(string),
            document_image_classification: optional(
              object({ doc_type: optional(string), confidence: optional(number) }),
            ),
            optical_character_recognition: optional(
              object({ result: optional(array(object({ data: optional(array(string)) }))) }),
            ),
            /** Field name → the strings found for it. */
            document_field_classification: optional(
              object({ result: optional(array(record(object({ data: optional(array(string)) })))) }),
            ),
          }),
        ),
      ),
      ml_pii_result: optional(
        array(
          object({
            message: optional(string),
            /** The text with PII replaced by labels such as `{PERSON}`. */
            masked: optional(string),
          }),
        ),
      ),
      ml_offensive_analysis_result: optional(
        array(
          object(scores, {
            /** The image URL, or `""` for text. */
            url: optional(string),
            evaluation: optional(openString<'SAFE' | 'UNSAFE'>()),
          }),
        ),
      ),
    }),
  ),
})

const recordNotification = object({
  /** What the entity is, Sinch does not say. */
  entity_id: optional(string),
  record_status: optional(openString<'RECORD_STATUS_UNSPECIFIED' | 'EVENT_RECORD_STORED'>()),
  channel_identity: optional(channelIdentity),
  /** Absent in DISPATCH mode. */
  contact_id: optional(string),
  /** Absent in DISPATCH mode. */
  conversation_id: optional(string),
  reason: optional(reason),
  processing_mode: optional(processingMode),
})

const unsupportedCallback = object({
  channel: optional(channel),
  /**
   * What the channel sent, as text: usually JSON, sometimes not. Kept as the
   * string; `parseUnsupportedPayload` parses it without throwing.
   */
  payload: optional(string),
  processing_mode: optional(processingMode),
  /** The message id. */
  id: optional(string),
  contact_id: optional(string),
  conversation_id: optional(string),
  channel_identity: optional(channelIdentity),
})

// ---------------------------------------------------------------------------
// Callbacks: the envelope and one notification key each

/**
 * The notification keys, one per trigger, in the spec's order. Exactly one is
 * present in a callback; see `product.ts` for how a body with none or two is read.
 */
export const NOTIFICATION_KEYS = [
  'message',
  'message_redaction',
  'message_submit_notification',
  'message_delivery_report',
  'event',
  'event_delivery_report',
  'conversation_start_notification',
  'conversation_stop_notification',
  'conversation_delete_notification',
  'contact_create_notification',
  'contact_delete_notification',
  'contact_merge_notification',
  'contact_update_notification',
  'duplicated_contact_identities_notification',
  'capability_notification',
  'opt_in_notification',
  'opt_out_notification',
  'channel_event_notification',
  'smart_conversation_notification',
  'record_notification',
  'unsupported_callback',
] as const

const envelope = {
  /** The app the webhook belongs to; `""` on contact events (contacts belong to the project). */
  app_id: string,
  /** The project of the app; not always a UUID, and may be `""`. */
  project_id: string,
  /** When the Conversation API accepted the channel's callback. */
  accepted_time: optional(dateTime),
  /** When the event happened, as the channel reports it (may be earlier or later than `accepted_time`). */
  event_time: optional(dateTime),
  /** Context-dependent; on an inbound message, the `conversation_metadata` of your last send request, as JSON text. */
  message_metadata: optional(string),
  /** The `correlation_id` of your send request (on inbound messages, the conversation's latest). */
  correlation_id: optional(string),
}

/**
 * A callback schema that also refuses a second notification key: a body that
 * names two triggers is invalid, never a guess. (The object node's list of
 * mutually exclusive keys is what `oneOf` uses for message contents.)
 */
/* @__NO_SIDE_EFFECTS__ */
function callback<T>(schema: Schema<T>): Schema<T> {
  return Object.assign({}, schema, { exclusive: NOTIFICATION_KEYS }) as Schema<T>
}

/** Schema of MESSAGE_INBOUND: a contact (end-user) message. */
export const messageInbound = callback(object(envelope, { message: inboundMessage }))
/** Schema of MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION: a contact message after AI analysis, redacted where needed. */
export const messageInboundSmartConversationRedaction = callback(
  object(envelope, { message_redaction: inboundMessage }),
)
/** Schema of MESSAGE_SUBMIT: an app message was handed to the channel, before any receipt. */
export const messageSubmit = callback(object(envelope, { message_submit_notification: messageSubmitNotification }))
/** Schema of MESSAGE_DELIVERY: the status of a sent app message changed. */
export const messageDelivery = callback(object(envelope, { message_delivery_report: messageDeliveryReport }))
/** Schema of EVENT_INBOUND: a contact event (typing, comment, reaction, ...). */
export const eventInbound = callback(object(envelope, { event: inboundEvent }))
/** Schema of EVENT_DELIVERY: the status of a sent app event changed. */
export const eventDelivery = callback(object(envelope, { event_delivery_report: eventDeliveryReport }))
/** Schema of CONVERSATION_START. */
export const conversationStart = callback(
  object(envelope, { conversation_start_notification: conversationNotification }),
)
/** Schema of CONVERSATION_STOP. */
export const conversationStop = callback(object(envelope, { conversation_stop_notification: conversationNotification }))
/** Schema of CONVERSATION_DELETE (the whole conversation, not only its id). */
export const conversationDelete = callback(
  object(envelope, { conversation_delete_notification: conversationNotification }),
)
/** Schema of CONTACT_CREATE. */
export const contactCreate = callback(object(envelope, { contact_create_notification: contactNotification }))
/** Schema of CONTACT_DELETE (the whole deleted contact). */
export const contactDelete = callback(object(envelope, { contact_delete_notification: contactNotification }))
/** Schema of CONTACT_MERGE. */
export const contactMerge = callback(
  object(envelope, {
    contact_merge_notification: object({
      /** The contact that remains. */
      preserved_contact: optional(contact),
      /** The contact merged into it and removed. */
      deleted_contact: optional(contact),
    }),
  }),
)
/** Schema of CONTACT_UPDATE (the contact after the update). */
export const contactUpdate = callback(object(envelope, { contact_update_notification: contactNotification }))
/** Schema of CONTACT_IDENTITIES_DUPLICATION: contacts found sharing a channel identity. */
export const contactIdentitiesDuplication = callback(
  object(envelope, { duplicated_contact_identities_notification: duplicatedIdentitiesNotification }),
)
/** Schema of CAPABILITY: the result of an asynchronous capability query. */
export const capability = callback(object(envelope, { capability_notification: capabilityNotification }))
/** Schema of OPT_IN. */
export const optIn = callback(
  object(envelope, {
    opt_in_notification: optNotification<'OPT_IN_SUCCEEDED' | 'OPT_IN_FAILED' | 'OPT_IN_STATUS_UNSPECIFIED'>(),
  }),
)
/** Schema of OPT_OUT. */
export const optOut = callback(
  object(envelope, {
    opt_out_notification: optNotification<'OPT_OUT_SUCCEEDED' | 'OPT_OUT_FAILED' | 'OPT_OUT_STATUS_UNSPECIFIED'>(),
  }),
)
/** Schema of CHANNEL_EVENT: a channel-specific notice, e.g. a WhatsApp quality rating change. */
export const channelEvent = callback(object(envelope, { channel_event_notification: channelEventNotification }))
/** Schema of SMART_CONVERSATION: machine-learning analyses of a message. */
export const smartConversation = callback(
  object(envelope, { smart_conversation_notification: smartConversationNotification }),
)
/** Schema of RECORD_NOTIFICATION: a record of an entity was stored. */
export const recordNotificationEvent = callback(object(envelope, { record_notification: recordNotification }))
/** Schema of UNSUPPORTED: a channel callback the API has no mapping for. */
export const unsupported = callback(object(envelope, { unsupported_callback: unsupportedCallback }))

// ---------------------------------------------------------------------------
// Type names

/** The fields every callback carries besides its notification. */
export type ConversationEnvelope = InferShape<typeof envelope>
/** `{ channel, identity, app_id? }`. */
export type ConversationChannelIdentity = Infer<typeof channelIdentity>
/** Why a message, event or request failed. */
export type ConversationReason = Infer<typeof reason>
/** A message from a contact: one content key (`text_message`, `media_message`, ...) or, from a newer version, none this one knows. */
export type ConversationContactMessage = Infer<typeof contactMessage>
/** A message from the app, as submitted: one content key plus overrides, agent and reply-to. */
export type ConversationAppMessage = Infer<typeof appMessage>
/** A choice (button) in a choice, card or carousel message. */
export type ConversationChoice = Infer<typeof choice>
/** A card of a card or carousel message. */
export type ConversationCardMessage = Infer<typeof cardMessage>
/** A product in a list message or a product response. */
export type ConversationProductItem = Infer<typeof productItem>
/** `{ url, thumbnail_url?, filename_override? }`. */
export type ConversationMediaMessage = Infer<typeof mediaMessage>
/** A contact event: typing, typing ended, conversation deleted, comment or generic. */
export type ConversationContactEvent = Infer<typeof contactEvent>
/** A contact message event: payment status, shortlink visit or reaction. */
export type ConversationContactMessageEvent = Infer<typeof contactMessageEvent>
/** A contact, as created, updated, deleted or merged. */
export type ConversationContact = Infer<typeof contact>
/** A conversation, as started, stopped or deleted. */
export type Conversation = Infer<typeof conversation>
/** The `message` (or `message_redaction`) of an inbound message callback. */
export type ConversationInboundMessage = Infer<typeof inboundMessage>
/** The `event` of an inbound event callback. */
export type ConversationInboundEvent = Infer<typeof inboundEvent>
/** The `unsupported_callback` of an UNSUPPORTED callback. */
export type ConversationUnsupportedCallback = Infer<typeof unsupportedCallback>

/** MESSAGE_INBOUND. */
export type ConversationMessageInbound = Infer<typeof messageInbound>
/** MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION. */
export type ConversationMessageInboundSmartConversationRedaction = Infer<
  typeof messageInboundSmartConversationRedaction
>
/** MESSAGE_SUBMIT. */
export type ConversationMessageSubmit = Infer<typeof messageSubmit>
/** MESSAGE_DELIVERY. */
export type ConversationMessageDelivery = Infer<typeof messageDelivery>
/** EVENT_INBOUND. */
export type ConversationEventInbound = Infer<typeof eventInbound>
/** EVENT_DELIVERY. */
export type ConversationEventDelivery = Infer<typeof eventDelivery>
/** CONVERSATION_START. */
export type ConversationStart = Infer<typeof conversationStart>
/** CONVERSATION_STOP. */
export type ConversationStop = Infer<typeof conversationStop>
/** CONVERSATION_DELETE. */
export type ConversationDelete = Infer<typeof conversationDelete>
/** CONTACT_CREATE. */
export type ConversationContactCreate = Infer<typeof contactCreate>
/** CONTACT_DELETE. */
export type ConversationContactDelete = Infer<typeof contactDelete>
/** CONTACT_MERGE. */
export type ConversationContactMerge = Infer<typeof contactMerge>
/** CONTACT_UPDATE. */
export type ConversationContactUpdate = Infer<typeof contactUpdate>
/** CONTACT_IDENTITIES_DUPLICATION. */
export type ConversationContactIdentitiesDuplication = Infer<typeof contactIdentitiesDuplication>
/** CAPABILITY. */
export type ConversationCapability = Infer<typeof capability>
/** OPT_IN. */
export type ConversationOptIn = Infer<typeof optIn>
/** OPT_OUT. */
export type ConversationOptOut = Infer<typeof optOut>
/** CHANNEL_EVENT. */
export type ConversationChannelEvent = Infer<typeof channelEvent>
/** SMART_CONVERSATION. */
export type ConversationSmartConversation = Infer<typeof smartConversation>
/** RECORD_NOTIFICATION. */
export type ConversationRecordNotification = Infer<typeof recordNotificationEvent>
/** UNSUPPORTED. */
export type ConversationUnsupported = Infer<typeof unsupported>
