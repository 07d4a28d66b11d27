/**
 * SVAML, the answer to a Voice API v1 callback: `{ instructions?, action? }`,
 * any number of instructions and at most one action. Which instructions and
 * actions a callback accepts differs (Voice API OpenAPI `svaml.action.*`,
 * `svaml.instruction.*`):
 *
 * | | ICE | ACE | PIE |
 * |---|---|---|---|
 * | actions | hangup, connectPstn, connectMxp, connectConf, connectSip, connectStream, runMenu, park | hangup, continue, connectConf, runMenu | hangup, continue, connectPstn, connectConf, connectSip, runMenu |
 * | instructions | playFiles, say, sendDtmf, setCookie, answer, startRecording, stopRecording | playFiles, say, setCookie, startRecording, stopRecording | playFiles, say, sendDtmf, setCookie, startRecording, stopRecording |
 *
 * `iceResponse`, `aceResponse` and `pieResponse` take exactly those (a
 * disallowed one is a type error, and a `TypeError` at run time for
 * JavaScript callers). Names are the canonical camelCase Sinch documents.
 *
 * @module
 */
import { usageError } from '../../core/errors'
import type { OpenString } from '../../schema/schema'

/** A ringback-tone country (`connectPstn.indications`). Norway is `no` (one revision of Sinch's spec turned it into `false`). */
export type SvamlIndications = OpenString<
  | 'at'
  | 'au'
  | 'bg'
  | 'br'
  | 'be'
  | 'ch'
  | 'cl'
  | 'cn'
  | 'cz'
  | 'de'
  | 'dk'
  | 'ee'
  | 'es'
  | 'fi'
  | 'fr'
  | 'gr'
  | 'hu'
  | 'il'
  | 'in'
  | 'it'
  | 'lt'
  | 'jp'
  | 'mx'
  | 'my'
  | 'nl'
  | 'no'
  | 'nz'
  | 'ph'
  | 'pl'
  | 'pt'
  | 'ru'
  | 'se'
  | 'sg'
  | 'th'
  | 'uk'
  | 'us'
  | 'tw'
  | 've'
  | 'za'
>

/** A header passed on to the callee (`key`/`value`). */
export interface SvamlCallHeader {
  readonly key: string
  readonly value: string
}

// Instructions.

/** Plays files, `#tts[...]` or `#ssml[...]` prompts, on the caller's side. */
export interface SvamlPlayFiles {
  readonly name: 'playFiles'
  /** URLs or `#tts[...]` / `#ssml[...]` prompts. */
  readonly ids: readonly string[]
  /** Required with TTS or SSML prompts, e.g. `en-US`. */
  readonly locale?: string
}
/** Speaks a text (600 characters at most). */
export interface SvamlSay {
  readonly name: 'say'
  readonly text: string
  readonly locale?: string
}
/** Sends DTMF tones: `0-9`, `#`, and `w` for a 500 ms pause. */
export interface SvamlSendDtmf {
  readonly name: 'sendDtmf'
  readonly value: string
}
/** Stores a value for the rest of the call; later events echo it in `cookies`. */
export interface SvamlSetCookie {
  readonly name: 'setCookie'
  readonly key: string
  readonly value: string
}
/** Makes the callee answer the call. */
export interface SvamlAnswer {
  readonly name: 'answer'
}
/** Starts recording the call. */
export interface SvamlStartRecording {
  readonly name: 'startRecording'
  readonly options?: {
    /** Where to store the file: an S3, Azure Blob or Google Cloud Storage URL. */
    readonly destinationUrl?: string
    /** `accessKeyId:secret:region` for S3, or the store's equivalent. */
    readonly credentials?: string
    /** Defaults to `mp3`. */
    readonly format?: OpenString<'mp3' | 'wav'>
    /** Send Notify callbacks about the recording; defaults to true. */
    readonly notificationEvents?: boolean
    readonly transcriptionOptions?: { readonly enabled?: boolean; readonly locale?: string }
  }
}
/** Stops the recording. */
export interface SvamlStopRecording {
  readonly name: 'stopRecording'
}

// Actions.

/** Ends the call. */
export interface SvamlHangup {
  readonly name: 'hangup'
}
/** Lets the call continue as set up (ACE, PIE). */
export interface SvamlContinue {
  readonly name: 'continue'
}
/** Connects the call to a phone number. */
export interface SvamlConnectPstn {
  readonly name: 'connectPstn'
  /** Defaults to the dialled number. */
  readonly number?: string
  readonly locale?: string
  /** Seconds, at most 14400. */
  readonly maxDuration?: number
  /** Seconds to ring before giving up. */
  readonly dialTimeout?: number
  /** The caller id to show; `private` hides it. */
  readonly cli?: string
  /** Suppresses the ACE and DiCE callbacks of the new leg. */
  readonly suppressCallbacks?: boolean
  /** DTMF to send once answered: `0-9`, `#`, `w`. */
  readonly dtmf?: string
  readonly indications?: SvamlIndications
  /** Answering-machine detection. */
  readonly amd?: { readonly enabled?: boolean; readonly async?: boolean }
}
/** Connects the call to an in-app user. */
export interface SvamlConnectMxp {
  readonly name: 'connectMxp'
  readonly destination?: { readonly type: 'username' | 'Username'; readonly endpoint: string }
  /**
   * Headers for the callee's app. Spelled `callheaders` (lower-case h), as
   * Sinch's schema and its Java and .NET SDKs send it; its Node SDK and one
   * example write `callHeaders`.
   */
  readonly callheaders?: readonly SvamlCallHeader[]
}
/** Connects the call to a conference. */
export interface SvamlConnectConf {
  readonly name: 'connectConf'
  /** At most 64 characters. */
  readonly conferenceId: string
  readonly conferenceDtmfOptions?: {
    /** `ignore` (default), `forward`, or `detect` (DTMF then triggers PIE). */
    readonly mode?: 'ignore' | 'forward' | 'detect'
    readonly maxDigits?: number
    readonly timeoutMills?: number
  }
  /** Music on hold. */
  readonly moh?: OpenString<'ring' | 'music1' | 'music2' | 'music3'>
}
/** Connects the call to a SIP endpoint. */
export interface SvamlConnectSip {
  readonly name: 'connectSip'
  readonly destination: { readonly type: 'Sip' | 'sip'; readonly endpoint: string }
  readonly maxDuration?: number
  readonly cli?: string
  readonly transport?: OpenString<'UDP' | 'TCP' | 'TLS'>
  readonly suppressCallbacks?: boolean
  /** Private SIP headers. */
  readonly callHeaders?: readonly SvamlCallHeader[]
  readonly moh?: OpenString<'ring' | 'music1' | 'music2' | 'music3'>
}
/** Streams the call's audio to a WebSocket server. */
export interface SvamlConnectStream {
  readonly name: 'connectStream'
  readonly destination: { readonly type: 'Websocket' | 'websocket'; readonly endpoint: string }
  readonly streamingOptions?: { readonly version?: number; readonly sampleRate?: number }
  readonly maxDuration?: number
  /** Sent to the WebSocket server in its first message. */
  readonly callHeaders?: readonly SvamlCallHeader[]
}
/** One menu of a `runMenu` action. */
export interface SvamlMenu {
  /** `main` plays first, unless `mainMenu` names another. */
  readonly id: string
  /** `#tts[...]`, `#ssml[...]`, `#href[...]` or a URL; several separated by `;`. */
  readonly mainPrompt?: string
  readonly repeatPrompt?: string
  readonly repeats?: number
  /** Digits that end the input and trigger a PIE. */
  readonly maxDigits?: number
  /** Milliseconds; default 5000. */
  readonly timeoutMills?: number
  /** Milliseconds; default 20000. */
  readonly maxTimeoutMills?: number
  readonly options?: readonly {
    readonly dtmf: string
    /** `menu(<menuId>)` to go to another menu, `return(<value>)` to end with a PIE. */
    readonly action: `menu(${string})` | `return(${string})`
  }[]
}
/** Plays menus and collects input, reported by a PIE. */
export interface SvamlRunMenu {
  readonly name: 'runMenu'
  /** Let input interrupt prompts; default true. */
  readonly barge?: boolean
  /** Required with `enableVoice`. */
  readonly locale?: string
  readonly mainMenu?: string
  readonly enableVoice?: boolean
  readonly menus?: readonly SvamlMenu[]
}
/** Parks the call, playing a hold prompt. */
export interface SvamlPark {
  readonly name: 'park'
  readonly locale?: string
  readonly introPrompt?: string
  /** Looped. */
  readonly holdPrompt?: string
  readonly maxDuration?: number
}

/** Instructions an ICE may answer with. */
export type IceInstruction =
  | SvamlPlayFiles
  | SvamlSay
  | SvamlSendDtmf
  | SvamlSetCookie
  | SvamlAnswer
  | SvamlStartRecording
  | SvamlStopRecording
/** Actions an ICE may answer with. */
export type IceAction =
  | SvamlHangup
  | SvamlConnectPstn
  | SvamlConnectMxp
  | SvamlConnectConf
  | SvamlConnectSip
  | SvamlConnectStream
  | SvamlRunMenu
  | SvamlPark
/** Instructions an ACE may answer with. */
export type AceInstruction = SvamlPlayFiles | SvamlSay | SvamlSetCookie | SvamlStartRecording | SvamlStopRecording
/** Actions an ACE may answer with. */
export type AceAction = SvamlHangup | SvamlContinue | SvamlConnectConf | SvamlRunMenu
/** Instructions a PIE may answer with. */
export type PieInstruction =
  | SvamlPlayFiles
  | SvamlSay
  | SvamlSendDtmf
  | SvamlSetCookie
  | SvamlStartRecording
  | SvamlStopRecording
/** Actions a PIE may answer with. */
export type PieAction =
  | SvamlHangup
  | SvamlContinue
  | SvamlConnectPstn
  | SvamlConnectConf
  | SvamlConnectSip
  | SvamlRunMenu

/** The SVAML answer to an ICE. */
export interface IceSvaml {
  readonly instructions?: readonly IceInstruction[]
  readonly action?: IceAction
}
/** The SVAML answer to an ACE. */
export interface AceSvaml {
  readonly instructions?: readonly AceInstruction[]
  readonly action?: AceAction
}
/** The SVAML answer to a PIE. */
export interface PieSvaml {
  readonly instructions?: readonly PieInstruction[]
  readonly action?: PieAction
}

/** What each callback allows, by name. */
interface Allowed {
  readonly callback: string
  readonly instructions: readonly string[]
  readonly actions: readonly string[]
}

const ICE: Allowed = {
  callback: 'an ICE',
  instructions: ['playFiles', 'say', 'sendDtmf', 'setCookie', 'answer', 'startRecording', 'stopRecording'],
  actions: ['hangup', 'connectPstn', 'connectMxp', 'connectConf', 'connectSip', 'connectStream', 'runMenu', 'park'],
}
const ACE: Allowed = {
  callback: 'an ACE',
  instructions: ['playFiles', 'say', 'setCookie', 'startRecording', 'stopRecording'],
  actions: ['hangup', 'continue', 'connectConf', 'runMenu'],
}
const PIE: Allowed = {
  callback: 'a PIE',
  instructions: ['playFiles', 'say', 'sendDtmf', 'setCookie', 'startRecording', 'stopRecording'],
  actions: ['hangup', 'continue', 'connectPstn', 'connectConf', 'connectSip', 'runMenu'],
}

const MAX_DURATION = 14_400

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function requireString(item: Record<string, unknown>, field: string, where: string): void {
  if (typeof item[field] !== 'string' || item[field] === '')
    throw usageError(`${where} needs a non-empty \`${field}\`.`)
}

function requireEndpoint(item: Record<string, unknown>, where: string): void {
  const destination = item.destination
  if (!isObject(destination) || typeof destination.endpoint !== 'string' || destination.endpoint === '')
    throw usageError(`${where} needs a \`destination\` with an \`endpoint\`.`)
}

/** The fields a named instruction or action cannot do without, and the limits Sinch states. */
function checkFields(item: Record<string, unknown>, where: string): void {
  switch (item.name) {
    case 'playFiles':
      if (!Array.isArray(item.ids) || item.ids.length === 0 || item.ids.some((id) => typeof id !== 'string'))
        throw usageError(`${where} needs \`ids\`, a non-empty list of strings.`)
      break
    case 'say':
      requireString(item, 'text', where)
      break
    case 'sendDtmf':
      requireString(item, 'value', where)
      break
    case 'setCookie':
      requireString(item, 'key', where)
      if (typeof item.value !== 'string') throw usageError(`${where} needs a string \`value\`.`)
      break
    case 'connectConf':
      requireString(item, 'conferenceId', where)
      if ((item.conferenceId as string).length > 64)
        throw usageError(`${where}: \`conferenceId\` is longer than 64 characters.`)
      break
    case 'connectSip':
    case 'connectStream':
      requireEndpoint(item, where)
      break
    case 'runMenu': {
      const menus = item.menus
      if (menus === undefined) break
      if (!Array.isArray(menus) || menus.some((menu) => !isObject(menu) || typeof menu.id !== 'string'))
        throw usageError(`${where}: every menu needs an \`id\`.`)
      const first = typeof item.mainMenu === 'string' ? item.mainMenu : 'main'
      if (!menus.some((menu) => (menu as { id: string }).id === first))
        throw usageError(`${where}: no menu has the id "${first}", which plays first.`)
      break
    }
  }
  const maxDuration = item.maxDuration
  if (
    maxDuration !== undefined &&
    !(Number.isInteger(maxDuration) && (maxDuration as number) >= 0 && (maxDuration as number) <= MAX_DURATION)
  )
    throw usageError(`${where}: \`maxDuration\` must be whole seconds from 0 to ${MAX_DURATION}.`)
}

/**
 * Checks the shape of a SVAML answer and that its instructions and action
 * are ones the callback allows, and hands each to `fields` (the builders'
 * field checks). The handlers run it without `fields` on what a handler
 * returned, so they do not carry the builders' code.
 */
function checkNames(
  allowed: Allowed,
  svaml: unknown,
  where: string,
  fields?: (item: Record<string, unknown>, where: string) => void,
): void {
  if (!isObject(svaml)) throw usageError(`${where} takes a SVAML object: { instructions?, action? }.`)
  const { instructions, action } = svaml
  if (instructions !== undefined) {
    if (!Array.isArray(instructions)) throw usageError(`${where}: \`instructions\` must be a list.`)
    instructions.forEach((instruction, i) => {
      const name = isObject(instruction) ? instruction.name : undefined
      if (typeof name !== 'string' || !allowed.instructions.includes(name)) {
        throw usageError(
          `${where}: instructions[${i}] is ${typeof name === 'string' ? `"${name}"` : 'not an instruction'}; ${allowed.callback} allows ${allowed.instructions.join(', ')}.`,
        )
      }
      fields?.(instruction as Record<string, unknown>, `${where}: the ${name} instruction`)
    })
  }
  if (action !== undefined) {
    const name = isObject(action) ? action.name : undefined
    if (typeof name !== 'string' || !allowed.actions.includes(name)) {
      throw usageError(
        `${where}: the action is ${typeof name === 'string' ? `"${name}"` : 'not an action'}; ${allowed.callback} allows ${allowed.actions.join(', ')}.`,
      )
    }
    fields?.(action as Record<string, unknown>, `${where}: the ${name} action`)
  }
}

/** Checks a SVAML answer against what one callback allows, fields included; returns it unchanged. */
function checked<T>(allowed: Allowed, svaml: unknown, builder: string): T {
  checkNames(allowed, svaml, builder, checkFields)
  return svaml as T
}

/** What the handler checks on an ICE answer a handler returned: the shape and the allowed names. */
export function checkIceAnswer(svaml: unknown): void {
  checkNames(ICE, svaml, 'the answer to an ICE')
}

/** The same for an ACE answer. */
export function checkAceAnswer(svaml: unknown): void {
  checkNames(ACE, svaml, 'the answer to an ACE')
}

/** The same for a PIE answer. */
export function checkPieAnswer(svaml: unknown): void {
  checkNames(PIE, svaml, 'the answer to a PIE')
}

/**
 * The SVAML answer to an Incoming Call Event. Return it from the
 * `voice.ice` handler (or send it as the JSON body yourself). Only the
 * instructions and actions an ICE accepts compile; a JavaScript caller who
 * passes another gets a `TypeError`.
 *
 * @example
 * ```ts
 * import { iceResponse } from 'sinch-webhooks/voice'
 *
 * const answer = iceResponse({
 *   instructions: [{ name: 'say', text: 'Connecting you now.', locale: 'en-US' }],
 *   action: { name: 'connectPstn', number: '+46708000000', cli: 'private' },
 * })
 * ```
 */
export function iceResponse(svaml: IceSvaml): IceSvaml {
  return checked<IceSvaml>(ICE, svaml, 'iceResponse')
}

/**
 * The SVAML answer to an Answered Call Event: only what an ACE accepts
 * (`continue`, `hangup`, `connectConf`, `runMenu`; no `sendDtmf` or `answer`).
 *
 * @example
 * ```ts
 * import { aceResponse } from 'sinch-webhooks/voice'
 *
 * const answer = event.payload.amd?.status === 'machine' ? aceResponse({ action: { name: 'hangup' } }) : aceResponse({ action: { name: 'continue' } })
 * ```
 */
export function aceResponse(svaml: AceSvaml): AceSvaml {
  return checked<AceSvaml>(ACE, svaml, 'aceResponse')
}

/**
 * The SVAML answer to a Prompt Input Event: only what a PIE accepts.
 *
 * @example
 * ```ts
 * import { pieResponse } from 'sinch-webhooks/voice'
 *
 * const result = event.payload.menuResult
 * const answer =
 *   result.type === 'return' && result.value === 'support'
 *     ? pieResponse({ action: { name: 'connectPstn', number: '+15550100000' } })
 *     : pieResponse({ instructions: [{ name: 'say', text: 'Goodbye.' }], action: { name: 'hangup' } })
 * ```
 */
export function pieResponse(svaml: PieSvaml): PieSvaml {
  return checked<PieSvaml>(PIE, svaml, 'pieResponse')
}

/** The answer when an ICE handler returns nothing: hang up, the one action that connects no one and costs nothing. */
export const ICE_FALLBACK: IceSvaml = /* @__PURE__ */ Object.freeze({
  action: Object.freeze({ name: 'hangup' as const }),
})

/** The answer when an ACE handler returns nothing: continue, which is what Sinch does when an ACE goes unanswered. */
export const ACE_FALLBACK: AceSvaml = /* @__PURE__ */ Object.freeze({
  action: Object.freeze({ name: 'continue' as const }),
})
