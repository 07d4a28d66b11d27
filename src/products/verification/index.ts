/**
 * `sinch-webhooks/verification`: Verification API callbacks on their own,
 * and the allow/deny answer to a request. Verify with
 * `verifyApplicationSignature` from `sinch-webhooks` (or `/web`), then
 * parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Verification API callback body into a
 * {@link VerificationEvent}. A JSON object that is not a known callback, or
 * a request for a method this version does not know, is
 * `verification.unknown` (or throws `unknown_event` with `strict: true`);
 * anything malformed throws a `SinchWebhookError` with a code and the
 * field's path.
 *
 * @example
 * ```ts
 * import { parseVerificationEvent } from 'sinch-webhooks/verification'
 *
 * const event = parseVerificationEvent(rawBody)
 * if (event.kind === 'verification.result') console.log(event.payload.id, event.payload.status)
 * ```
 */
export function parseVerificationEvent(body: unknown, options?: ProductParseOptions): VerificationEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Verification API
 * callback payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isVerificationPayload } from 'sinch-webhooks/verification'
 *
 * if (isVerificationPayload(body) && body.event === 'VerificationResultEvent') console.log(body.status)
 * ```
 */
export function isVerificationPayload(value: unknown): value is VerificationPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Verification API events: validates a parsed JSON
 * value and outputs the {@link VerificationEvent} envelope.
 *
 * @example
 * ```ts
 * const result = verificationEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const verificationEventSchema: SinchEventSchema<VerificationEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Verification API event: the three known kinds and `verification.unknown`. */
export type VerificationEvent = EventOf<typeof parser>
/** The payload of any known Verification API event. */
export type VerificationPayload = PayloadOf<typeof parser>

// The answer to a request event.
export { allowVerification, denyVerification } from './respond'
export type {
  VerificationRequestResponse,
  VerificationRequestEvent,
  VerificationRequestInput,
  AllowOptionsFor,
  MethodOf,
  SmsAllowOptions,
  FlashCallAllowOptions,
  CalloutAllowOptions,
  WhatsAppAllowOptions,
  VerificationCodeType,
} from './respond'

// The wire type of each kind, and of the objects inside them.
export type {
  VerificationRequest,
  VerificationResult,
  VerificationSmsDelivered,
  VerificationIdentity,
  VerificationPrice,
  VerificationMethod,
  VerificationStatus,
  VerificationReason,
} from './schemas'
