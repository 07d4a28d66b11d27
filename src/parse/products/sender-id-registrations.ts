/**
 * Sender ID Registrations API callbacks (senderid.registrations.api.sinch.com).
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
import { readObject } from '../read-json'
import {
  resolve,
  variant,
  type KnownEvents,
  type KnownPayloads,
  type ProductParseOptions,
  type UnknownProductEvent,
  type Variant,
} from '../envelope'
import { productGuard } from '../guard-factory'
import { object, openString, optional, string, type Infer, type JsonObject, type OpenString } from '../../schema/schema'

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
export const senderIdRegistrationEvent = /* @__PURE__ */ object({
  eventId: /* @__PURE__ */ optional(string),
  eventType: /* @__PURE__ */ optional(string),
  projectId: /* @__PURE__ */ optional(string),
  /** Presumably the registration id. */
  resourceId: /* @__PURE__ */ optional(string),
  resourceType: /* @__PURE__ */ optional(string),
  status: /* @__PURE__ */ optional(/* @__PURE__ */ openString<SenderIdRegistrationStatus>()),
  /** Not format-checked: this API documents its times as UTC without an offset. */
  createTime: /* @__PURE__ */ optional(string),
  /** The Numbers-family name for the event time, in case that envelope is used. */
  timestamp: /* @__PURE__ */ optional(string),
  comments: /* @__PURE__ */ optional(string),
})

/** The presumed registration callback payload (unverified shape; every field optional). */
export type SenderIdRegistrationEventPayload = Infer<typeof senderIdRegistrationEvent>

/** @internal Wire discriminant → variant. */
export const SENDER_ID = {
  event: /* @__PURE__ */ variant('sender_id_registrations.event', senderIdRegistrationEvent),
}

/** Every sender-ID registration event: `sender_id_registrations.event` and `sender_id_registrations.unknown`. */
export type SenderIdRegistrationEvent =
  | KnownEvents<'sender_id_registrations', typeof SENDER_ID>
  | UnknownProductEvent<'sender_id_registrations'>
/** Payload of a recognised sender-ID registration event. */
export type SenderIdRegistrationPayload = KnownPayloads<typeof SENDER_ID>

/** Whether an object has the flat registrations envelope's discriminating fields. */
export function hasFlatEnvelope(payload: JsonObject): boolean {
  return typeof payload.eventType === 'string' || typeof payload.resourceType === 'string'
}

/** The (only) sender-ID variant, for objects with the flat envelope. */
export function senderIdRegistrationVariantOf(payload: JsonObject): Variant | undefined {
  return hasFlatEnvelope(payload) ? SENDER_ID.event : undefined
}

/** Validates a parsed object as a sender-ID registration event. */
export function senderIdRegistrationFromObject(
  payload: JsonObject,
  strict: boolean | undefined,
): SenderIdRegistrationEvent {
  return resolve<SenderIdRegistrationEvent>(
    'sender_id_registrations',
    senderIdRegistrationVariantOf(payload),
    payload,
    strict,
  )
}

/**
 * Parses a raw Sender ID Registrations callback body. The shape is
 * unverified (see the module notes), so only string-ness of the envelope
 * fields is checked.
 *
 * @example
 * ```ts
 * const event = parseSenderIdRegistrationEvent(rawBody)
 * if (event.kind === 'sender_id_registrations.event') console.log(event.payload.resourceId, event.payload.status)
 * ```
 */
export function parseSenderIdRegistrationEvent(
  body: unknown,
  options?: ProductParseOptions,
): SenderIdRegistrationEvent {
  return senderIdRegistrationFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object looks like a sender-ID registration callback
 * (a string `eventType` or `resourceType`, envelope fields strings).
 *
 * @example
 * ```ts
 * if (isSenderIdRegistrationEvent(payload)) console.log(payload.status)
 * ```
 */
export const isSenderIdRegistrationEvent: (value: unknown) => value is SenderIdRegistrationPayload =
  /* @__PURE__ */ productGuard(senderIdRegistrationVariantOf)
