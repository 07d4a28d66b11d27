/**
 * The wire shapes of SMS REST API callbacks and their types. MSISDNs are plain
 * strings (Sinch sends them with and without `+`); status strings,
 * `encoding` and codes are open, as Sinch documents more values over time
 * than any client lists.
 *
 * @module
 */
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

const deliveryStatus = openString<SmsDeliveryStatus>()

// Fields every inbound message carries.
const inbound = {
  id: string,
  from: string,
  to: string,
  received_at: dateTime,
  sent_at: optional(dateTime),
  operator_id: optional(string),
  client_reference: optional(string),
}

/** Schema of an inbound text message. */
export const moText = object({ type: literal('mo_text') }, inbound, { body: string })

/** Schema of an inbound binary message: `body` is Base64, `udh` the hex User Data Header. */
export const moBinary = object({ type: literal('mo_binary') }, inbound, {
  body: string,
  udh: string,
})

const mmsMedia = object({
  url: optional(string),
  content_type: string,
  status: openString<'Uploaded' | 'Failed'>(),
  /** 0 success, 1 content upload error, 2 cloud bucket error, 3 bucket key error; open. */
  code: integer,
})

/** Schema of an inbound MMS. */
export const moMedia = object({ type: literal('mo_media') }, inbound, {
  body: object({
    subject: optional(string),
    message: optional(string),
    media: optional(array(mmsMedia)),
  }),
})

const batchStatus = object({
  code: integer,
  count,
  recipients: optional(array(string)),
  status: deliveryStatus,
})

const batchReport = {
  batch_id: string,
  statuses: array(batchStatus),
  total_message_count: count,
  client_reference: optional(string),
}

/** Schema of a batch delivery report for SMS. */
export const deliveryReportSms = object({ type: literal('delivery_report_sms') }, batchReport)

/** Schema of a batch delivery report for MMS. */
export const deliveryReportMms = object({ type: literal('delivery_report_mms') }, batchReport)

const recipientReport = {
  batch_id: string,
  recipient: string,
  code: integer,
  status: deliveryStatus,
  at: dateTime,
  operator_status_at: optional(dateTime),
  applied_originator: optional(string),
  client_reference: optional(string),
  encoding: optional(openString<'GSM' | 'UNICODE'>()),
  number_of_message_parts: optional(count),
  operator: optional(string),
}

/** Schema of a per-recipient delivery report for SMS. */
export const recipientDeliveryReportSms = object({ type: literal('recipient_delivery_report_sms') }, recipientReport)

/** Schema of a per-recipient delivery report for MMS. */
export const recipientDeliveryReportMms = object({ type: literal('recipient_delivery_report_mms') }, recipientReport)

/** Inbound text message (`type: "mo_text"`). */
export type SmsMoText = Infer<typeof moText>
/** Inbound binary message (`type: "mo_binary"`). */
export type SmsMoBinary = Infer<typeof moBinary>
/** Inbound MMS (`type: "mo_media"`). */
export type SmsMoMedia = Infer<typeof moMedia>
/** One media item of an inbound MMS. */
export type SmsMmsMedia = Infer<typeof mmsMedia>
/** One status line of a batch delivery report. */
export type SmsBatchDeliveryStatus = Infer<typeof batchStatus>
/** Batch delivery report for SMS (`type: "delivery_report_sms"`). */
export type SmsDeliveryReportSms = Infer<typeof deliveryReportSms>
/** Batch delivery report for MMS (`type: "delivery_report_mms"`). */
export type SmsDeliveryReportMms = Infer<typeof deliveryReportMms>
/** Per-recipient delivery report for SMS (`type: "recipient_delivery_report_sms"`). */
export type SmsRecipientDeliveryReportSms = Infer<typeof recipientDeliveryReportSms>
/** Per-recipient delivery report for MMS (`type: "recipient_delivery_report_mms"`). */
export type SmsRecipientDeliveryReportMms = Infer<typeof recipientDeliveryReportMms>
