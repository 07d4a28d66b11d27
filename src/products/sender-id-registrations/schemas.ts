/**
 * The wire shapes of Sender ID Registrations API callbacks (senderid.registrations.api.sinch.com).
 *
 * Sinch declares these callbacks (callback configuration, `X-Sinch-Signature`
 * HMAC-SHA1) but publishes no body schema, no event names and no sample. The
 * one variant here, `sender_id_registrations.event`, is a best-effort reading
 * of the envelope its sister APIs (Brands, Campaigns) use: every field is
 * optional and checked only as a string, and `status` lists the documented
 * registration states. Treat it as loosely typed until Sinch publishes the
 * schema; read anything else from the payload defensively.
 *
 * Recognition: with `product: 'sender_id_registrations'` (or
 * {@link parseSenderIdRegistrationEvent}) any object with a string
 * `eventType` or `resourceType` is this event, anything else is
 * `sender_id_registrations.unknown`. Without a restriction, `parseEvent`
 * only picks it when no other product claims the body and `resourceType` or
 * `eventType` contains `REGISTRATION`.
 *
 * @module
 */
import { object, openString, optional, string, type Infer, type OpenString } from '../../schema/schema'

/** Documented states of a sender-ID registration. */
export type SenderIdRegistrationStatus = OpenString<
  | 'DRAFT'
  | 'IN_QUEUE'
  | 'IN_PROGRESS'
  | 'APPROVED'
  | 'REJECTED'
  | 'PENDING'
  | 'ON_HOLD'
  | 'PENDING_APPROVAL'
  | 'PENDING_ATTACHMENTS'
>

/** Schema of the presumed registration callback envelope: every field optional. */
export const event = object({
  eventId: optional(string),
  eventType: optional(string),
  projectId: optional(string),
  /** Presumably the registration id. */
  resourceId: optional(string),
  resourceType: optional(string),
  status: optional(openString<SenderIdRegistrationStatus>()),
  /** Not format-checked: this API documents its times as UTC without an offset. */
  createTime: optional(string),
  /** The Numbers-family name for the event time, in case that envelope is used. */
  timestamp: optional(string),
  comments: optional(string),
})

/** The presumed registration callback payload (unverified shape; every field optional). */
export type SenderIdRegistrationUpdate = Infer<typeof event>
