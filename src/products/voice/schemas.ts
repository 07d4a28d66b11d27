/**
 * The wire shapes of Voice API v1 callbacks (ICE, ACE, DiCE, PIE, Notify)
 * and their types. Told apart by `event`; a Notify further by `type` and a
 * PIE's `menuResult` by its `type`, both as unions whose unrecognised cases
 * make the event `voice.unknown`.
 *
 * Decisions where Sinch's sources disagree (see docs/products/voice.md):
 * - the call id is `callid` (every captured body, the schema) and `callId`
 *   (Sinch's own OpenAPI examples): both are typed, both optional;
 * - reasons, results, AMD values, `domain` and destination types are open
 *   strings: Sinch sends casings and values its enums do not list;
 * - endpoints (`cli`, `from`, `to.endpoint`) are plain strings: `+` is often
 *   missing and `from` can be `private`.
 *
 * @module
 */
import {
  array,
  dateTime,
  integer,
  literal,
  nullable,
  number,
  object,
  openString,
  optional,
  string,
  union,
  unknown,
  type Infer,
  type OpenString,
} from '../../schema/schema'

/** What a destination's `type` says: Sinch documents both casings of some, and sends `conference` for in-app conference calls. */
export type VoiceDestinationType = OpenString<
  'did' | 'number' | 'Number' | 'username' | 'Username' | 'sip' | 'Sip' | 'conference'
>

/** A call's domain: `pstn` (phone network) or `mxp` (in-app), in either case. */
export type VoiceDomain = OpenString<'pstn' | 'mxp' | 'PSTN' | 'MXP'>

/** Why a call ended (DiCE `reason`). */
export type VoiceDiceReason = OpenString<
  | 'N/A'
  | 'ESTABLISHED'
  | 'OTHERPEERANSWERED'
  | 'TIMEOUT'
  | 'CALLERHANGUP'
  | 'CALLEEHANGUP'
  | 'BLOCKED'
  | 'MANAGERHANGUP'
  | 'NOCREDITPARTNER'
  | 'CLIENTNETWORK'
  | 'CONGESTION'
  | 'GENERALERROR'
  | 'CANCEL'
  | 'USERNOTFOUND'
  | 'CALLBACKERROR'
>

/** How a call ended (DiCE `result`). */
export type VoiceDiceResult = OpenString<'N/A' | 'ANSWERED' | 'BUSY' | 'NOANSWER' | 'FAILED'>

const price = object({
  /** ISO 4217 currency; `null` or absent on some calls. */
  currencyId: optional(nullable(string)),
  amount: number,
})

const destination = object({
  /** `did` is the number the caller dialled (ICE); `number` a phone number; `username` an in-app user; `sip` a SIP address. */
  type: openString<VoiceDestinationType>(),
  /** The number (with or without `+`), user id, SIP address or conference id. */
  endpoint: string,
})

const callHeader = object({
  key: optional(string),
  value: optional(string),
})

const cookie = object({
  key: optional(string),
  value: optional(string),
})

const amd = object({
  /** `machine`, `human`, `notsure` (undetermined) or `hangup`. */
  status: optional(openString<'machine' | 'human' | 'notsure' | 'hangup'>()),
  /** `longgreeting`, `initialsilence`, `beep` or `n/a`. */
  reason: optional(openString<'longgreeting' | 'initialsilence' | 'beep' | 'n/a'>()),
  duration: optional(integer),
})

// Fields every Voice callback may carry.
const base = {
  /**
   * The call id, as Sinch sends it (lower-case `id`). Sinch's own OpenAPI
   * examples write `callId` instead; read `payload.callid ?? payload.callId`.
   */
  callid: optional(string),
  /** The call id as spelled in Sinch's OpenAPI examples; see `callid`. */
  callId: optional(string),
  conferenceId: optional(string),
  /** Always 1. */
  version: optional(integer),
  /** The `custom` value of the callout that started the call, or notification-specific data. */
  custom: optional(string),
  /** The application key. */
  applicationKey: optional(string),
  /** The in-app user who placed the call (undocumented; sent on in-app calls). */
  user: optional(string),
  /** Values set by earlier `setCookie` instructions (undocumented; echoed on later events). */
  cookies: optional(array(cookie)),
}

/** Schema of an Incoming Call Event: answer it with SVAML (`iceResponse`). */
export const ice = object({ event: literal('ice') }, base, {
  /** When the event happened, UTC. */
  timestamp: optional(dateTime),
  /** The region-specific URL to manage this call with. */
  callResourceUrl: optional(string),
  /** The rate for the original destination. */
  userRate: optional(price),
  /** The caller's number, often without `+`. */
  cli: optional(string),
  to: optional(destination),
  domain: optional(openString<VoiceDomain>()),
  originationType: optional(openString<VoiceDomain>()),
  /** Seconds. */
  duration: optional(integer),
  /** The redirected dialled number; often empty. */
  rdnis: optional(string),
  /** Headers set by the calling Sinch SDK client. */
  callHeaders: optional(array(callHeader)),
})

/** Schema of an Answered Call Event: answer it with SVAML (`aceResponse`). */
export const ace = object({ event: literal('ace') }, base, {
  timestamp: optional(dateTime),
  /** Answering-machine detection, when it was enabled on `connectPstn`. */
  amd: optional(amd),
  callResourceUrl: optional(string),
})

/** Schema of a Disconnected Call Event: answered with an empty 200. */
export const dice = object({ event: literal('dice') }, base, {
  timestamp: optional(dateTime),
  reason: optional(openString<VoiceDiceReason>()),
  result: optional(openString<VoiceDiceResult>()),
  /** What the call cost. */
  debit: optional(price),
  /** The rate per minute. */
  userRate: optional(price),
  to: optional(destination),
  /** Seconds. */
  duration: optional(integer),
  /** The caller: a plain string (a number, or `private`), unlike `to`. */
  from: optional(string),
  callHeaders: optional(array(callHeader)),
})

// The fields of a menu result, whatever its type.
const menuResultFields = {
  /** The menu that produced the result. */
  menuId: string,
  /** The `return(<value>)` value or the digits collected. */
  value: optional(string),
  /** `dtmf` or `voice`. */
  inputMethod: optional(openString<'dtmf' | 'voice'>()),
  /** Undocumented; sent as an empty list. */
  addToContext: optional(array(unknown)),
}

const menuResult = union('type', {
  /** The caller's input was an error. */
  error: object(menuResultFields),
  /** A `return(<value>)` option fired; `value` holds the value. */
  return: object(menuResultFields),
  /** DTMF digits were collected; `value` holds them. */
  sequence: object(menuResultFields),
  /** The input timed out. */
  timeout: object(menuResultFields),
  /** The caller hung up. */
  hangup: object(menuResultFields),
  /** The input matched no option. */
  invalidinput: object(menuResultFields),
})

/** Schema of a Prompt Input Event: may be answered with SVAML (`pieResponse`). */
export const pie = object({ event: literal('pie') }, base, {
  timestamp: optional(dateTime),
  /** What the menu collected; narrow on `menuResult.type`. */
  menuResult,
  /** Seconds (legacy field). */
  duration: optional(integer),
})

const recordingFields = {
  /** Where the file is (`azure://...`, `s3://...`, a path). */
  destination: optional(string),
}

const amdFields = {
  /** The asynchronous AMD result. */
  amd: optional(amd),
}

/** Schema of a notification, told apart by `type`: answered with an empty 200. */
export const notify = union('type', {
  /** A recording stopped. */
  recording_finished: object({ event: literal('notify') }, base, recordingFields),
  /** A recording file was stored at `destination`. */
  recording_available: object({ event: literal('notify') }, base, recordingFields),
  /** A transcription was stored at `destination`. */
  transcription_available: object({ event: literal('notify') }, base, recordingFields),
  /** Asynchronous answering-machine detection finished. */
  amd: object({ event: literal('notify') }, base, amdFields),
  /** Asynchronous answering-machine detection heard the beep. */
  amd_beep: object({ event: literal('notify') }, base, amdFields),
  /** A call could not be made or continued. */
  callingerror: object({ event: literal('notify') }, base, {
    errorCode: optional(integer),
    errorMsg: optional(string),
  }),
})

/** Incoming Call Event (`event: "ice"`). */
export type VoiceIce = Infer<typeof ice>
/** Answered Call Event (`event: "ace"`). */
export type VoiceAce = Infer<typeof ace>
/** Disconnected Call Event (`event: "dice"`). */
export type VoiceDice = Infer<typeof dice>
/** Prompt Input Event (`event: "pie"`). */
export type VoicePie = Infer<typeof pie>
/** The menu result of a PIE; narrow on `type`. */
export type VoiceMenuResult = VoicePie['menuResult']
/** A notification (`event: "notify"`); narrow on `type`. */
export type VoiceNotify = Infer<typeof notify>
/** A price: a rate or a debit. */
export type VoicePrice = Infer<typeof price>
/** A call's destination. */
export type VoiceDestination = Infer<typeof destination>
/** An answering-machine detection result. */
export type VoiceAmd = Infer<typeof amd>
/** A header set by the calling SDK client. */
export type VoiceCallHeader = Infer<typeof callHeader>
