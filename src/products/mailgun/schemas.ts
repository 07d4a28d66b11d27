/**
 * The wire shapes of Mailgun (Sinch email) webhooks: a JSON body
 * `{ "signature": {...}, "event-data": {...} }` whose `event-data.event`
 * names the kind. Mailgun documents every event as carrying `event`,
 * `timestamp` and `id`, but real deliveries and Mailgun's own client tests
 * lack `id` (and sometimes `timestamp`), so everything but `event` is
 * optional. Mailgun adds fields without notice and says its samples are not
 * exhaustive: every object passes unknown fields through, and fields whose
 * type the sources do not agree on are `unknown`.
 *
 * @module
 */
import {
  array,
  boolean,
  integer,
  literal,
  nullable,
  number,
  object,
  openString,
  optional,
  record,
  string,
  stringOrInteger,
  unknown,
  type Infer,
  type OpenString,
  type Schema,
} from '../../schema/schema'

/** The `signature` object: what `verifyMailgunSignature` checks. Only `timestamp` and `token` are signed, not the event data. */
const signature = object({
  /** Unix seconds, as a string (a JSON integer in some samples). Not the event's time. */
  timestamp: stringOrInteger,
  /** A random string, 50 characters today; unique per delivery, and the key of replay protection. */
  token: string,
  /** Hex HMAC-SHA256 of `timestamp + token` under the account's webhook signing key. */
  signature: string,
  /** Events of a sub-account's domain: the same HMAC under the parent account's key. */
  'parent-signature': optional(string),
})

/** Why a message failed or was rejected, as Mailgun groups it; open. */
export type MailgunFailureReason = OpenString<
  | 'bounce'
  | 'suppress-bounce'
  | 'suppress-unsubscribe'
  | 'suppress-complaint'
  | 'generic'
  | 'espblock'
  | 'old'
  | 'hardfail'
>

/** How final a failure is; open, since Mailgun may add one. */
export type MailgunSeverity = OpenString<'temporary' | 'permanent' | 'internal'>

/** Mailgun's log level of an event; open. */
export type MailgunLogLevel = OpenString<'info' | 'warn' | 'error'>

const messageHeaders = object({
  'message-id': optional(string),
  from: optional(string),
  to: optional(string),
  subject: optional(string),
})

const attachment = object({
  filename: optional(string),
  'content-type': optional(string),
  size: optional(number),
})

const message = object({
  /** The message's main headers, as sent. */
  headers: optional(messageHeaders),
  attachments: optional(array(attachment)),
  recipients: optional(array(string)),
  /** Size in bytes. */
  size: optional(number),
})

const envelope = object({
  sender: optional(string),
  /** The recipient address(es), comma-separated. */
  targets: optional(string),
  transport: optional(string),
  'sending-ip': optional(string),
  'mail-from': optional(nullable(string)),
})

const deliveryStatus = object({
  /** The SMTP status code (250, 550, ...), or Mailgun's own (605: a previously bounced address). */
  code: optional(integer),
  message: optional(string),
  description: optional(string),
  'attempt-no': optional(integer),
  'session-seconds': optional(number),
  /** Temporary failures: when Mailgun tries again. */
  'retry-seconds': optional(number),
  'mx-host': optional(string),
  'enhanced-code': optional(string),
  tls: optional(boolean),
  utf8: optional(boolean),
  'certificate-verified': optional(boolean),
})

const storage = object({
  /** Where the stored message can be fetched from (with the API key). */
  url: optional(string),
  key: optional(string),
  region: optional(string),
  env: optional(string),
})

const geolocation = object({ country: optional(string), region: optional(string), city: optional(string) })

const clientInfo = object({
  'client-type': optional(string),
  'client-os': optional(string),
  'client-name': optional(string),
  'device-type': optional(string),
  'user-agent': optional(string),
  /** Non-empty when Mailgun thinks the open or click came from a bot or a mail proxy. */
  bot: optional(string),
})

/** Fields every event carries (or is documented to). */
const common = {
  /** Unique per event, when present (many real payloads lack it). */
  id: optional(string),
  /** When the event happened: Unix seconds with a fraction (e.g. `1529692198.641821`). */
  timestamp: optional(number),
  'log-level': optional(openString<MailgunLogLevel>()),
  /** Your custom variables (`v:` / `X-Mailgun-Variables`), or a string saying they were truncated or invalid. */
  'user-variables': optional(unknown),
  /** Mailgun's account and domain, on current webhooks. */
  /** Mailgun's account, on current webhooks. */
  account: optional(object({ id: optional(string) })),
  /** The sending domain, on current webhooks. */
  domain: optional(object({ name: optional(string) })),
}

/** Fields of events about one message to one recipient: the common ones, then the message's. */
const messageEvent = {
  /** Unique per event, when present (many real payloads lack it). */
  id: optional(string),
  /** When the event happened: Unix seconds with a fraction (e.g. `1529692198.641821`). */
  timestamp: optional(number),
  'log-level': optional(openString<MailgunLogLevel>()),
  /** Your custom variables (`v:` / `X-Mailgun-Variables`), or a string saying they were truncated or invalid. */
  'user-variables': optional(unknown),
  /** Mailgun's account, on current webhooks. */
  account: optional(object({ id: optional(string) })),
  /** The sending domain, on current webhooks. */
  domain: optional(object({ name: optional(string) })),
  /** The address the event is about. */
  recipient: optional(string),
  'recipient-domain': optional(string),
  /** The message the event is about. */
  message: optional(message),
  /** The SMTP envelope. */
  envelope: optional(envelope),
  /** `is-routed`, `is-authenticated`, `is-test-mode`, ...: booleans as sent. */
  flags: optional(record(unknown)),
  /** Tags given when sending (`o:tag`). */
  tags: optional(array(string)),
  /** Where Mailgun keeps a copy of the message (for a few days). */
  storage: optional(storage),
}

/** Fields of engagement events (opens, clicks, unsubscribes, complaints). */
const engagement = {
  /** The recipient's IP address (or a mail proxy's). */
  ip: optional(string),
  geolocation: optional(geolocation),
  'client-info': optional(clientInfo),
}

/** Fields of mailing-list upload events. */
const listEvent = {
  /** The mailing list uploaded to. */
  'mailing-list': optional(object({ address: optional(string), 'list-id': optional(string), sid: optional(string) })),
  /** The bulk upload job. */
  'task-id': optional(string),
  /** The upload's format, e.g. `csv` or `json`. */
  format: optional(string),
  /** Why a member was refused. */
  error: optional(object({ message: optional(string) })),
  /** The member added, as Mailgun stores it. */
  member: optional(record(unknown)),
  /** The refused member's line, as uploaded. */
  'member-description': optional(string),
  'is-upsert': optional(boolean),
}

/* @__NO_SIDE_EFFECTS__ */
function envelopeOf<T>(eventData: Schema<T>) {
  return object({
    /** The signature fields (see `verifyMailgunSignature`). */
    signature,
    /** What happened. Not covered by the signature. */
    'event-data': eventData,
  })
}

/** Schema of an `accepted` event: Mailgun accepted the message for delivery (or routing). */
export const accepted = envelopeOf(object({ event: literal('accepted') }, messageEvent, { method: optional(string) }))

/** Schema of a `rejected` event: Mailgun refused to send the message. */
export const rejected = envelopeOf(
  object({ event: literal('rejected') }, messageEvent, {
    reject: optional(object({ reason: optional(string), description: optional(string) })),
  }),
)

/** Schema of a `delivered` event: the receiving server accepted the message. */
export const delivered = envelopeOf(
  object({ event: literal('delivered') }, messageEvent, { 'delivery-status': optional(deliveryStatus) }),
)

/**
 * Schema of a `failed` event: delivery failed, for now (`severity:
 * "temporary"`, Mailgun retries) or for good (`permanent`), or inside Mailgun
 * (`internal`). `severity` is an open string rather than a union: a failure
 * without one (Mailgun's own client tests send such) or with a new one is
 * still a failure, not an unknown event.
 */
export const failed = envelopeOf(
  object({ event: literal('failed') }, messageEvent, {
    severity: optional(openString<MailgunSeverity>()),
    reason: optional(openString<MailgunFailureReason>()),
    'delivery-status': optional(deliveryStatus),
  }),
)

/** Schema of an `opened` event. */
export const opened = envelopeOf(object({ event: literal('opened') }, messageEvent, engagement))

/** Schema of a `clicked` event: `url` is the link clicked. */
export const clicked = envelopeOf(
  object(
    {
      event: literal('clicked'),
      /** The link that was clicked. */
      url: optional(string),
    },
    messageEvent,
    engagement,
  ),
)

/** Schema of an `unsubscribed` event. */
export const unsubscribed = envelopeOf(object({ event: literal('unsubscribed') }, messageEvent, engagement))

/** Schema of a `complained` event: the recipient marked the message as spam. */
export const complained = envelopeOf(object({ event: literal('complained') }, messageEvent, engagement))

/** Schema of a `stored` event: an inbound message was stored (`storage` says where). */
export const stored = envelopeOf(object({ event: literal('stored') }, messageEvent))

/** Schema of a `list_member_uploaded` event: one member of a bulk list upload was added. */
export const listMemberUploaded = envelopeOf(object({ event: literal('list_member_uploaded') }, common, listEvent))

/** Schema of a `list_member_upload_error` event: one member of a bulk list upload was refused (`error`). */
export const listMemberUploadError = envelopeOf(
  object({ event: literal('list_member_upload_error') }, common, listEvent),
)

/** Schema of a `list_uploaded` event: a bulk list upload finished. */
export const listUploaded = envelopeOf(object({ event: literal('list_uploaded') }, common, listEvent))

/** The `signature` object of a Mailgun webhook. */
export type MailgunWebhookSignature = Infer<typeof signature>
/** The main headers of the message an event is about. */
export type MailgunMessage = Infer<typeof message>
/** The SMTP envelope of the message. */
export type MailgunEnvelope = Infer<typeof envelope>
/** The receiving server's answer (`delivered`, `failed`). */
export type MailgunDeliveryStatus = Infer<typeof deliveryStatus>
/** Where Mailgun stored the message. */
export type MailgunStorage = Infer<typeof storage>
/** `accepted` webhook. */
export type MailgunAccepted = Infer<typeof accepted>
/** `rejected` webhook. */
export type MailgunRejected = Infer<typeof rejected>
/** `delivered` webhook. */
export type MailgunDelivered = Infer<typeof delivered>
/** `failed` webhook (temporary, permanent or internal). */
export type MailgunFailed = Infer<typeof failed>
/** `opened` webhook. */
export type MailgunOpened = Infer<typeof opened>
/** `clicked` webhook. */
export type MailgunClicked = Infer<typeof clicked>
/** `unsubscribed` webhook. */
export type MailgunUnsubscribed = Infer<typeof unsubscribed>
/** `complained` webhook. */
export type MailgunComplained = Infer<typeof complained>
/** `stored` webhook. */
export type MailgunStored = Infer<typeof stored>
/** `list_member_uploaded` webhook. */
export type MailgunListMemberUploaded = Infer<typeof listMemberUploaded>
/** `list_member_upload_error` webhook. */
export type MailgunListMemberUploadError = Infer<typeof listMemberUploadError>
/** `list_uploaded` webhook. */
export type MailgunListUploaded = Infer<typeof listUploaded>
