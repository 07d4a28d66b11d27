/**
 * `sinch-webhooks/voice-v2`: Voice API v2 service webhooks on their own, and
 * the SVAML v2 answers they take. Verify with `verifyServiceSignature` from
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser, webhookNameOf } from './product'

/**
 * Parses a raw Voice API v2 webhook body into a {@link VoiceV2Event}. The
 * CloudEvents headers are not needed: the body alone names its event. A
 * `call.*` event this version does not know is `voice_v2.unknown` (or throws
 * `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseVoiceV2Event } from 'sinch-webhooks/voice-v2'
 *
 * const event = parseVoiceV2Event(rawBody)
 * if (event.kind === 'voice_v2.hangup') console.log(event.payload.call.callId, event.payload.call.callReason)
 * ```
 */
export function parseVoiceV2Event(body: unknown, options?: ProductParseOptions): VoiceV2Event {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Voice API v2
 * webhook payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isVoiceV2Payload } from 'sinch-webhooks/voice-v2'
 *
 * if (isVoiceV2Payload(body)) console.log(body.event, body.call.callId)
 * ```
 */
export function isVoiceV2Payload(value: unknown): value is VoiceV2Payload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Voice API v2 events: validates a parsed JSON value
 * and outputs the {@link VoiceV2Event} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = voiceV2EventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const voiceV2EventSchema: SinchEventSchema<VoiceV2Event> = /* @__PURE__ */ productEventSchema(parser)

/**
 * The name of the `webhook` command behind a `voice_v2.webhook` event: the
 * part of `call.webhook.<name>` after the prefix, dots included
 * (`call.webhook.my.step` gives `my.step`). The SDK spelling
 * `call.customEvent.<name>` gives the same. `undefined` for every other kind.
 *
 * @example
 * ```ts
 * import { parseVoiceV2Event, webhookName } from 'sinch-webhooks/voice-v2'
 *
 * const event = parseVoiceV2Event(rawBody)
 * if (event.kind === 'voice_v2.webhook' && webhookName(event) === 'menu-selection') console.log(event.payload.menu?.input)
 * ```
 */
export function webhookName(event: Extract<VoiceV2Event, { readonly kind: 'voice_v2.webhook' }>): string
export function webhookName(event: VoiceV2Event): string | undefined
export function webhookName(event: VoiceV2Event): string | undefined {
  return event.kind === 'voice_v2.webhook' ? webhookNameOf(event.payload.event) : undefined
}

/** Every Voice API v2 event: the sixteen known kinds and `voice_v2.unknown`. */
export type VoiceV2Event = EventOf<typeof parser>
/** The payload of any known Voice API v2 event. */
export type VoiceV2Payload = PayloadOf<typeof parser>

// The SVAML v2 answers: one for call.incoming, one for every other event.
export { incomingCallResponse, callResponse } from './svaml'
export type {
  VoiceV2Response,
  VoiceV2IncomingResponse,
  SvamlV2Command,
  SvamlV2Dial,
  SvamlV2Messages,
  SvamlV2StopMessages,
  SvamlV2WebhookCommand,
  SvamlV2Amd,
  SvamlV2Hangup,
  SvamlV2Answer,
  SvamlV2Pause,
  SvamlV2StartRecording,
  SvamlV2StopRecording,
  SvamlV2BridgeCall,
  SvamlV2MenuCommand,
  SvamlV2GotoMenu,
  SvamlV2MenuItem,
  SvamlV2Message,
  SvamlV2To,
  SvamlV2From,
  SvamlV2CallHeader,
  SvamlV2VoiceName,
} from './svaml'

// The wire type of each kind, and of the objects inside them.
export type {
  VoiceV2Incoming,
  VoiceV2Webhook,
  VoiceV2Call,
  VoiceV2From,
  VoiceV2To,
  VoiceV2Menu,
  VoiceV2CallResult,
  VoiceV2CallReason,
  VoiceV2WebhookEventName,
} from './schemas'
