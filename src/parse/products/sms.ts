/**
 * SMS REST API callbacks: inbound messages (`mo_text`, `mo_binary`,
 * `mo_media`) and delivery reports, per batch and per recipient, for SMS and
 * MMS. Discriminated by `type`.
 *
 * MSISDNs are plain strings (Sinch sends them with and without `+`); status
 * strings, `encoding` and codes are open, as Sinch documents more values over
 * time than any client lists.
 *
 * @module
 */
import { readObject } from '../read-json'
import {
  resolve,
  lookup,
  variants,
  type DerivedVariants,
  type KnownEvents,
  type KnownPayloads,
  type ProductParseOptions,
  type UnknownProductEvent,
  type Variant,
} from '../envelope'
import { guard, productGuard } from '../guard-factory'
import {
  array,
  count,
  dateTime,
  integer,
  literal,
  object,
  openString,
  optional,
  string,
  type Infer,
  type JsonObject,
  type OpenString,
} from '../../schema/schema'

/** Delivery status of an SMS or MMS (case-sensitive, as sent). */
export type SmsDeliveryStatus = OpenString<
  | 'Queued'
  | 'Dispatched'
  | 'Aborted'
  | 'Cancelled'
  | 'Rejected'
  | 'Deleted'
  | 'Delivered'
  | 'Failed'
  | 'Expired'
  | 'Unknown'
>

const deliveryStatus = /* @__PURE__ */ openString<SmsDeliveryStatus>()

// Fields every inbound message carries.
const inbound = {
  id: string,
  from: string,
  to: string,
  received_at: dateTime,
  sent_at: /* @__PURE__ */ optional(dateTime),
  operator_id: /* @__PURE__ */ optional(string),
  client_reference: /* @__PURE__ */ optional(string),
}

/** Schema of an inbound text message. */
export const smsMoText = /* @__PURE__ */ object({ type: /* @__PURE__ */ literal('mo_text') }, inbound, { body: string })

/** Schema of an inbound binary message: `body` is Base64, `udh` the hex User Data Header. */
export const smsMoBinary = /* @__PURE__ */ object({ type: /* @__PURE__ */ literal('mo_binary') }, inbound, {
  body: string,
  udh: string,
})

const mmsMedia = /* @__PURE__ */ object({
  url: /* @__PURE__ */ optional(string),
  content_type: string,
  status: /* @__PURE__ */ openString<'Uploaded' | 'Failed'>(),
  /** 0 success, 1 content upload error, 2 cloud bucket error, 3 bucket key error; open. */
  code: integer,
})

/** Schema of an inbound MMS. */
export const smsMoMedia = /* @__PURE__ */ object({ type: /* @__PURE__ */ literal('mo_media') }, inbound, {
  body: /* @__PURE__ */ object({
    subject: /* @__PURE__ */ optional(string),
    message: /* @__PURE__ */ optional(string),
    media: /* @__PURE__ */ optional(/* @__PURE__ */ array(mmsMedia)),
  }),
})

const batchStatus = /* @__PURE__ */ object({
  code: integer,
  count,
  recipients: /* @__PURE__ */ optional(/* @__PURE__ */ array(string)),
  status: deliveryStatus,
})

const batchReport = {
  batch_id: string,
  statuses: /* @__PURE__ */ array(batchStatus),
  total_message_count: count,
  client_reference: /* @__PURE__ */ optional(string),
}

/** Schema of a batch delivery report for SMS. */
export const smsDeliveryReportSms = /* @__PURE__ */ object(
  { type: /* @__PURE__ */ literal('delivery_report_sms') },
  batchReport,
)

/** Schema of a batch delivery report for MMS. */
export const smsDeliveryReportMms = /* @__PURE__ */ object(
  { type: /* @__PURE__ */ literal('delivery_report_mms') },
  batchReport,
)

const recipientReport = {
  batch_id: string,
  recipient: string,
  code: integer,
  status: deliveryStatus,
  at: dateTime,
  operator_status_at: /* @__PURE__ */ optional(dateTime),
  applied_originator: /* @__PURE__ */ optional(string),
  client_reference: /* @__PURE__ */ optional(string),
  encoding: /* @__PURE__ */ optional(/* @__PURE__ */ openString<'GSM' | 'UNICODE'>()),
  number_of_message_parts: /* @__PURE__ */ optional(count),
  operator: /* @__PURE__ */ optional(string),
}

/** Schema of a per-recipient delivery report for SMS. */
export const smsRecipientDeliveryReportSms = /* @__PURE__ */ object(
  { type: /* @__PURE__ */ literal('recipient_delivery_report_sms') },
  recipientReport,
)

/** Schema of a per-recipient delivery report for MMS. */
export const smsRecipientDeliveryReportMms = /* @__PURE__ */ object(
  { type: /* @__PURE__ */ literal('recipient_delivery_report_mms') },
  recipientReport,
)

/** Inbound text message (`type: "mo_text"`). */
export type SmsMoText = Infer<typeof smsMoText>
/** Inbound binary message (`type: "mo_binary"`). */
export type SmsMoBinary = Infer<typeof smsMoBinary>
/** Inbound MMS (`type: "mo_media"`). */
export type SmsMoMedia = Infer<typeof smsMoMedia>
/** One media item of an inbound MMS. */
export type SmsMmsMedia = Infer<typeof mmsMedia>
/** One status line of a batch delivery report. */
export type SmsBatchDeliveryStatus = Infer<typeof batchStatus>
/** Batch delivery report for SMS (`type: "delivery_report_sms"`). */
export type SmsDeliveryReportSms = Infer<typeof smsDeliveryReportSms>
/** Batch delivery report for MMS (`type: "delivery_report_mms"`). */
export type SmsDeliveryReportMms = Infer<typeof smsDeliveryReportMms>
/** Per-recipient delivery report for SMS (`type: "recipient_delivery_report_sms"`). */
export type SmsRecipientDeliveryReportSms = Infer<typeof smsRecipientDeliveryReportSms>
/** Per-recipient delivery report for MMS (`type: "recipient_delivery_report_mms"`). */
export type SmsRecipientDeliveryReportMms = Infer<typeof smsRecipientDeliveryReportMms>

/** @internal Wire discriminant → variant. */
export const SMS: DerivedVariants<
  'sms',
  {
    readonly mo_text: typeof smsMoText
    readonly mo_binary: typeof smsMoBinary
    readonly mo_media: typeof smsMoMedia
    readonly delivery_report_sms: typeof smsDeliveryReportSms
    readonly delivery_report_mms: typeof smsDeliveryReportMms
    readonly recipient_delivery_report_sms: typeof smsRecipientDeliveryReportSms
    readonly recipient_delivery_report_mms: typeof smsRecipientDeliveryReportMms
  }
> = /* @__PURE__ */ variants('sms', {
  mo_text: smsMoText,
  mo_binary: smsMoBinary,
  mo_media: smsMoMedia,
  delivery_report_sms: smsDeliveryReportSms,
  delivery_report_mms: smsDeliveryReportMms,
  recipient_delivery_report_sms: smsRecipientDeliveryReportSms,
  recipient_delivery_report_mms: smsRecipientDeliveryReportMms,
})

/** Every SMS event: the seven known kinds and `sms.unknown`. */
export type SmsEvent = KnownEvents<'sms', typeof SMS> | UnknownProductEvent<'sms'>
/** Payload of any known SMS event. */
export type SmsPayload = KnownPayloads<typeof SMS>

/** The known SMS `type` values. */
export function isSmsType(type: unknown): boolean {
  return lookup(SMS, type) !== undefined
}

/** The SMS variant a payload claims by its `type`. */
export function smsVariantOf(payload: JsonObject): Variant | undefined {
  return lookup(SMS, payload.type)
}

/** Validates a parsed object as an SMS event. */
export function smsFromObject(payload: JsonObject, strict: boolean | undefined): SmsEvent {
  return resolve<SmsEvent>('sms', smsVariantOf(payload), payload, strict)
}

/**
 * Parses a raw SMS callback body into an {@link SmsEvent}. Anything that is a
 * JSON object but not a known SMS `type` becomes `sms.unknown` (or throws
 * `unknown_event` with `strict: true`). Imports no other product's schemas.
 *
 * @example
 * ```ts
 * const event = parseSmsEvent(rawBody)
 * if (event.kind === 'sms.mo_text') console.log(event.payload.from)
 * ```
 */
export function parseSmsEvent(body: unknown, options?: ProductParseOptions): SmsEvent {
  return smsFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid SMS callback payload.
 *
 * @example
 * ```ts
 * if (isSmsEvent(request.body)) console.log(request.body.type)
 * ```
 */
export const isSmsEvent: (value: unknown) => value is SmsPayload = /* @__PURE__ */ productGuard(smsVariantOf)

/**
 * Guard for an inbound text message payload.
 *
 * @example
 * ```ts
 * if (isSmsMoText(payload)) reply(payload.from, payload.body)
 * ```
 */
export const isSmsMoText: (value: unknown) => value is SmsMoText = /* @__PURE__ */ guard(smsMoText)
/** Guard for an inbound binary message payload. @example `if (isSmsMoBinary(payload)) decode(payload.udh)` */
export const isSmsMoBinary: (value: unknown) => value is SmsMoBinary = /* @__PURE__ */ guard(smsMoBinary)
/** Guard for an inbound MMS payload. @example `if (isSmsMoMedia(payload)) payload.body.media?.length` */
export const isSmsMoMedia: (value: unknown) => value is SmsMoMedia = /* @__PURE__ */ guard(smsMoMedia)
/** Guard for a batch SMS delivery report payload. @example `if (isSmsDeliveryReportSms(payload)) payload.statuses` */
export const isSmsDeliveryReportSms: (value: unknown) => value is SmsDeliveryReportSms =
  /* @__PURE__ */ guard(smsDeliveryReportSms)
/** Guard for a batch MMS delivery report payload. @example `if (isSmsDeliveryReportMms(payload)) payload.statuses` */
export const isSmsDeliveryReportMms: (value: unknown) => value is SmsDeliveryReportMms =
  /* @__PURE__ */ guard(smsDeliveryReportMms)
/** Guard for a per-recipient SMS delivery report payload. @example `if (isSmsRecipientDeliveryReportSms(payload)) payload.status` */
export const isSmsRecipientDeliveryReportSms: (value: unknown) => value is SmsRecipientDeliveryReportSms =
  /* @__PURE__ */ guard(smsRecipientDeliveryReportSms)
/** Guard for a per-recipient MMS delivery report payload. @example `if (isSmsRecipientDeliveryReportMms(payload)) payload.status` */
export const isSmsRecipientDeliveryReportMms: (value: unknown) => value is SmsRecipientDeliveryReportMms =
  /* @__PURE__ */ guard(smsRecipientDeliveryReportMms)
