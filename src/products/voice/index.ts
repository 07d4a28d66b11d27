/**
 * `sinch-webhooks/voice`: Voice API v1 callbacks on their own, and the SVAML
 * answers ICE, ACE and PIE take. Verify with `verifyApplicationSignature`
 * from `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Voice API v1 callback body into a {@link VoiceEvent}: size
 * limit, strict UTF-8, JSON, then validation against the callback its
 * `event` names. A JSON object that is not a known callback, or a Notify or
 * menu result of a `type` this version does not know, is `voice.unknown` (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseVoiceEvent } from 'sinch-webhooks/voice'
 *
 * const event = parseVoiceEvent(rawBody)
 * if (event.kind === 'voice.dice') console.log(event.payload.callid ?? event.payload.callId, event.payload.reason)
 * ```
 */
export function parseVoiceEvent(body: unknown, options?: ProductParseOptions): VoiceEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Voice API v1
 * callback payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isVoicePayload } from 'sinch-webhooks/voice'
 *
 * if (isVoicePayload(body) && body.event === 'notify' && body.type === 'recording_available') store(body.destination)
 * ```
 */
export function isVoicePayload(value: unknown): value is VoicePayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Voice API v1 events: validates a parsed JSON value
 * and outputs the {@link VoiceEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = voiceEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const voiceEventSchema: SinchEventSchema<VoiceEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Voice API v1 event: the five known kinds and `voice.unknown`. */
export type VoiceEvent = EventOf<typeof parser>
/** The payload of any known Voice API v1 event. */
export type VoicePayload = PayloadOf<typeof parser>

// The SVAML answers, one builder per callback that takes one.
export { iceResponse, aceResponse, pieResponse } from './svaml'
export type {
  IceSvaml,
  AceSvaml,
  PieSvaml,
  IceInstruction,
  IceAction,
  AceInstruction,
  AceAction,
  PieInstruction,
  PieAction,
  SvamlPlayFiles,
  SvamlSay,
  SvamlSendDtmf,
  SvamlSetCookie,
  SvamlAnswer,
  SvamlStartRecording,
  SvamlStopRecording,
  SvamlHangup,
  SvamlContinue,
  SvamlConnectPstn,
  SvamlConnectMxp,
  SvamlConnectConf,
  SvamlConnectSip,
  SvamlConnectStream,
  SvamlRunMenu,
  SvamlMenu,
  SvamlPark,
  SvamlCallHeader,
  SvamlIndications,
} from './svaml'

// The wire type of each kind, and of the objects inside them.
export type {
  VoiceIce,
  VoiceAce,
  VoiceDice,
  VoicePie,
  VoiceNotify,
  VoiceMenuResult,
  VoicePrice,
  VoiceDestination,
  VoiceAmd,
  VoiceCallHeader,
  VoiceDestinationType,
  VoiceDomain,
  VoiceDiceReason,
  VoiceDiceResult,
} from './schemas'
