/**
 * `sinch-webhooks/fax`: Fax API callbacks on their own, JSON or
 * `multipart/form-data`. Verify with `verifyBasicAuth` from `sinch-webhooks`
 * (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a Fax API callback into a {@link FaxEvent}. Give it the raw body
 * of a JSON callback, or the decoded form of a multipart one
 * (`await request.formData()`, or `decodeFormData(body, contentType)` from
 * `sinch-webhooks`): both give the same event, with the fax parsed from the
 * form's `fax` field and the document left as the file part. An event this
 * version does not know is `fax.unknown` (or throws `unknown_event` with
 * `strict: true`); anything malformed throws a `SinchWebhookError`.
 *
 * @example
 * ```ts
 * import { parseFaxEvent } from 'sinch-webhooks/fax'
 *
 * const event = parseFaxEvent(await request.formData())
 * if (event.kind === 'fax.incoming_fax' && typeof event.payload.file === 'object') await save(await event.payload.file.arrayBuffer())
 * ```
 */
export function parseFaxEvent(body: unknown, options?: ProductParseOptions): FaxEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Fax API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isFaxPayload } from 'sinch-webhooks/fax'
 *
 * if (isFaxPayload(body) && body.event === 'FAX_COMPLETED') console.log(body.fax.status)
 * ```
 */
export function isFaxPayload(value: unknown): value is FaxPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Fax API events: validates a parsed JSON value and
 * outputs the {@link FaxEvent} envelope.
 *
 * @example
 * ```ts
 * const result = faxEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const faxEventSchema: SinchEventSchema<FaxEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Fax API event: the two known kinds and `fax.unknown`. */
export type FaxEvent = EventOf<typeof parser>
/** The payload of any known Fax API event. */
export type FaxPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  FaxIncomingFax,
  FaxFaxCompleted,
  FaxFax,
  FaxStatus,
  FaxErrorType,
  FaxFileType,
} from './schemas'
export type { FormFile } from '../../parse/form'
