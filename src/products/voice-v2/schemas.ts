/**
 * The wire shapes of Voice API v2 service webhooks: `{ event, call, menu? }`,
 * one shape for every `call.*` event, the CloudEvents metadata in headers.
 *
 * Decisions (see docs/products/voice-v2.md):
 * - the fields the spec requires on `call` are required here too; the rest
 *   is optional, and extra fields pass (the spec's `additionalProperties:
 *   false` is not enforced);
 * - endpoints (`from`, `to`) are told apart by which key they carry, so an
 *   endpoint type this version does not know still parses;
 * - timestamps stay strings in the three forms Sinch sends (`Z`, a space
 *   separator with an offset, seven fractional digits without a zone);
 * - `callRate.amount` is a string (`"0.0060"`), as specified;
 * - `callResourceUrl` may be relative (Sinch's mock server sends one).
 *
 * @module
 */
import {
  array,
  boolean,
  count,
  dateTime,
  integer,
  literal,
  object,
  oneOf,
  openString,
  optional,
  string,
  type Infer,
  type OpenString,
  type Schema,
} from '../../schema/schema'

/** The events with a fixed name, by kind suffix. */
export const FIXED_EVENTS = {
  incoming: 'call.incoming',
  answered: 'call.answered',
  busy: 'call.busy',
  rejected: 'call.rejected',
  timeout: 'call.timeout',
  hangup: 'call.hangup',
  failed: 'call.failed',
  amd_human: 'call.amd.human',
  amd_machine: 'call.amd.machine',
  amd_beep: 'call.amd.beep',
  amd_unknown: 'call.amd.unknown',
  message_finished: 'call.message.finished',
  recording_finished: 'call.recording.finished',
  recording_failed: 'call.recording.failed',
  menu: 'call.menu',
} as const

/** The event name of a `webhook` command named `<name>` (which may hold dots); `call.customEvent.` is an SDK alias. */
export type VoiceV2WebhookEventName = `call.webhook.${string}` | `call.customEvent.${string}`

/** The prefixes of a `webhook` command's event: the wire name, and the alias two of Sinch's SDKs rename it to. */
export const WEBHOOK_PREFIXES = ['call.webhook.', 'call.customEvent.'] as const

const callHeader = object({
  /** Printable ASCII, 1 to 255 characters. */
  key: string,
  value: optional(string),
})

const phone = object({
  /** E.164 with `+`. */
  number: string,
})

const from = oneOf(
  {
    phone,
    sip: object({
      endpoint: string,
      displayName: optional(string),
    }),
  },
  {
    /** `PHONE` or `SIP`; the object of that name holds the details. */
    type: openString<'PHONE' | 'SIP'>(),
  },
)

const to = oneOf(
  {
    phone,
    sip: object({
      /** `sip:` or `sips:` URI. */
      endpoint: string,
      transport: optional(openString<'UDP' | 'TCP' | 'TLS'>()),
      callHeaders: optional(array(callHeader)),
    }),
    stream: object({
      endpoint: string,
      streamOptions: optional(
        object({
          version: optional(integer),
          codec: optional(openString<'PCM'>()),
          /** Hz: 8000 (default), 16000, 24000, 44100, 48000 or 96000. */
          sampleRate: optional(integer),
        }),
      ),
      callHeaders: optional(array(callHeader)),
    }),
    voiceRelay: object({
      endpoint: string,
      /** Default true. */
      enableInterruptions: optional(boolean),
      ttsVoice: optional(string),
      sttLanguage: optional(string),
      callHeaders: optional(array(callHeader)),
    }),
  },
  {
    /** `PHONE`, `SIP`, `STREAM` or `VOICE_RELAY`; the object of that name holds the details. */
    type: openString<'PHONE' | 'SIP' | 'STREAM' | 'VOICE_RELAY'>(),
  },
)

/** How a call ended, or where it stands. */
export type VoiceV2CallResult = OpenString<
  'QUEUED' | 'INITIATED' | 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'NO_ANSWER' | 'CANCEL' | 'BUSY' | 'FAILED'
>

/** Why a call ended. */
export type VoiceV2CallReason = OpenString<
  | 'OK'
  | 'NOT_AVAILABLE'
  | 'CALLER_HANGUP'
  | 'CALLEE_HANGUP'
  | 'MANAGER_HANGUP'
  | 'DID_NOT_FOUND'
  | 'INVALID_SCRIPT'
  | 'UNKNOWN_PRODUCT'
  | 'NO_MORE_ROUTES'
  | 'ERROR'
>

const call = object({
  /** ULID. */
  callId: string,
  projectId: string,
  /** The service; also in `Authorization` and the `ce-source` header. */
  serviceId: string,
  sessionId: string,
  /** From `dial.callName`, or the `callName` of the answer to `call.incoming`. */
  callName: optional(string),
  bridgeName: optional(string),
  /** Present for calls started by a batch. */
  batchId: optional(string),
  from: optional(from),
  to: optional(to),
  startTime: dateTime,
  updateTime: optional(dateTime),
  answerTime: optional(dateTime),
  endTime: optional(dateTime),
  callDurationSeconds: optional(count),
  callType: openString<'PHONE' | 'SIP' | 'STREAM' | 'VOICE_RELAY'>(),
  direction: openString<'INBOUND' | 'OUTBOUND'>(),
  callResult: openString<VoiceV2CallResult>(),
  callReason: optional(openString<VoiceV2CallReason>()),
  /** `SERVER` when the call was started through the API. */
  originationType: openString<'PHONE' | 'SIP' | 'SERVER'>(),
  /** The rate per minute; `amount` is a decimal string (`"0.0060"`). */
  callRate: object({
    currencyCode: string,
    amount: string,
  }),
  /** The URL to manage the call with (Sinch's mock server sends a relative path). */
  callResourceUrl: string,
})

const menu = optional(
  object({
    menuName: string,
    /** The caller's input. */
    input: string,
  }),
)

/* @__NO_SIDE_EFFECTS__ */
function fixed<const E extends string>(event: E) {
  return object({
    event: literal(event),
    /** The call as it stood when the event fired. */
    call,
    /** A menu interaction, also sent for `webhook` commands run inside a menu. */
    menu,
  })
}

/** `call.incoming`: answer with `incomingCallResponse` (the only event whose answer may set `callName` and `events`). */
export const incoming = fixed('call.incoming')
/** `call.answered`: an outbound call was answered. */
export const answered = fixed('call.answered')
/** `call.busy`: the callee was busy. */
export const busy = fixed('call.busy')
/** `call.rejected`: the callee rejected the call. */
export const rejected = fixed('call.rejected')
/** `call.timeout`: no answer within the dial timeout. */
export const timeout = fixed('call.timeout')
/** `call.hangup`: the call ended. */
export const hangup = fixed('call.hangup')
/** `call.failed`: the call could not be set up. */
export const failed = fixed('call.failed')
/** `call.amd.human`: answering-machine detection heard a person. */
export const amdHuman = fixed('call.amd.human')
/** `call.amd.machine`: answering-machine detection heard a machine. */
export const amdMachine = fixed('call.amd.machine')
/** `call.amd.beep`: answering-machine detection heard the beep. */
export const amdBeep = fixed('call.amd.beep')
/** `call.amd.unknown`: answering-machine detection could not tell. */
export const amdUnknown = fixed('call.amd.unknown')
/** `call.message.finished`: every message of a `messages` command was played. */
export const messageFinished = fixed('call.message.finished')
/** `call.recording.finished`: a recording stopped (the file may not be stored yet). */
export const recordingFinished = fixed('call.recording.finished')
/** `call.recording.failed`: a recording could not start. */
export const recordingFailed = fixed('call.recording.failed')
/** `call.menu`: a menu collected input, or failed. */
export const menuEvent = fixed('call.menu')

/** `call.webhook.<name>`: a `webhook` command named `<name>` ran. `webhookName(event)` gives the name. */
export const webhook = object({
  /** `call.webhook.<name>`; the name may hold dots. */
  event: string as Schema<VoiceV2WebhookEventName>,
  call,
  menu,
})

/** The call as a webhook reports it. */
export type VoiceV2Call = Infer<typeof call>
/** A call endpoint the call is from. */
export type VoiceV2From = Infer<typeof from>
/** A call endpoint the call is to. */
export type VoiceV2To = Infer<typeof to>
/** A menu interaction. */
export type VoiceV2Menu = NonNullable<Infer<typeof menu>>
/** `call.incoming`. */
export type VoiceV2Incoming = Infer<typeof incoming>
/** `call.webhook.<name>`. */
export type VoiceV2Webhook = Infer<typeof webhook>
