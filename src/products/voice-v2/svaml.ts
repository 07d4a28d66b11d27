/**
 * SVAML v2, the answer to a Voice API v2 webhook: `{ commands, callName?,
 * events? }`. Sinch waits up to 5 seconds for it and disconnects the call
 * when the answer is late or is not proper SVAML, so the builders check the
 * commands before they leave: a `TypeError` here is a dropped call avoided.
 *
 * `callName` and `events` are honoured only in the answer to
 * `call.incoming`, so only `incomingCallResponse` takes them.
 *
 * @module
 */
import { usageError } from '../../core/errors'
import type { OpenString } from '../../schema/schema'

/** A header passed on to a SIP, stream or voice-relay endpoint. */
export interface SvamlV2CallHeader {
  /** Printable ASCII, 1 to 255 characters. */
  readonly key: string
  readonly value?: string
}

/** Where `dial` calls. */
export type SvamlV2To =
  | { readonly type: 'PHONE'; readonly phone: { readonly number: string } }
  | {
      readonly type: 'SIP'
      readonly sip: {
        readonly endpoint: string
        readonly transport?: 'UDP' | 'TCP' | 'TLS'
        readonly callHeaders?: readonly SvamlV2CallHeader[]
      }
    }
  | {
      readonly type: 'STREAM'
      readonly stream: {
        readonly endpoint: string
        readonly streamOptions?: {
          readonly version?: number
          readonly codec?: 'PCM'
          readonly sampleRate?: 8000 | 16000 | 24000 | 44100 | 48000 | 96000
        }
        readonly callHeaders?: readonly SvamlV2CallHeader[]
      }
    }
  | {
      readonly type: 'VOICE_RELAY'
      readonly voiceRelay: {
        readonly endpoint: string
        readonly enableInterruptions?: boolean
        readonly ttsVoice: string
        /** BCP 47. */
        readonly sttLanguage: string
        readonly callHeaders?: readonly SvamlV2CallHeader[]
      }
    }

/** Who `dial` calls from; converted to the callee's type when possible, else anonymous. */
export type SvamlV2From =
  | { readonly type: 'PHONE'; readonly phone: { readonly number: string } }
  | { readonly type: 'SIP'; readonly sip: { readonly endpoint: string; readonly displayName?: string } }

/** One message of `messages`, or of a menu prompt. */
export type SvamlV2Message =
  | {
      readonly type: 'SAY'
      readonly say: {
        /** 600 characters at most. */
        readonly text: string
        /** One of Sinch's voices (`Emma`, `Brian`, `Joanna_2`, ...). */
        readonly voiceName: SvamlV2VoiceName
        readonly format?: 'TEXT' | 'SSML'
      }
    }
  | { readonly type: 'PLAY'; readonly play: { readonly url: string } }

/** Commands that run when something happens, each list an independent sequence. */
type Handlers<K extends string> = { readonly [P in K]?: readonly SvamlV2Command[] }

/** A menu: prompts, how input is collected, and what each input does. */
export interface SvamlV2MenuItem {
  readonly prompt?: { readonly messages: readonly SvamlV2Message[]; readonly allowBargeIn?: boolean }
  readonly repeatPrompt?: { readonly messages: readonly SvamlV2Message[]; readonly allowBargeIn?: boolean }
  /** 1 to 60; default 5. */
  readonly inputTimeoutDurationSeconds?: number
  /** 0 to 10; default 2. */
  readonly repeatCount?: number
  readonly minimumInputLength?: number
  readonly maximumInputLength?: number
  /** `0-9`, `*` and `#`, 10 at most. */
  readonly terminatingSequence?: string
  readonly inputMethods?: readonly 'DTMF'[]
  /** A regular expression or literal per key (`\\*` matches a star), tried in order; 50 at most. */
  readonly matches?: { readonly [input: string]: readonly SvamlV2Command[] }
  readonly onFail?: readonly SvamlV2Command[]
}

/** Calls someone and bridges them in. */
export interface SvamlV2Dial {
  readonly command: 'dial'
  readonly to: SvamlV2To
  /** 1 to 32 characters, no spaces. */
  readonly callName?: string
  readonly from?: SvamlV2From
  /** 1 to 60. */
  readonly dialTimeoutDurationSeconds?: number
  /** 1 to 14400. */
  readonly maxCallDurationSeconds?: number
  readonly events?: Handlers<'onAnswer' | 'onBusy' | 'onReject' | 'onTimeout' | 'onHangup' | 'onFailure'>
}
/** Plays or speaks messages. */
export interface SvamlV2Messages {
  readonly command: 'messages'
  /** 1 to 10. */
  readonly messages: readonly SvamlV2Message[]
  readonly messagesName?: string
  readonly events?: Handlers<'onFinish'>
}
/** Stops the messages of that name. */
export interface SvamlV2StopMessages {
  readonly command: 'stopMessages'
  readonly messagesName: string
}
/** Calls your server: Sinch sends `call.webhook.<webhookName>` and waits for its answer. */
export interface SvamlV2WebhookCommand {
  readonly command: 'webhook'
  /** 1 to 64 characters, no spaces; may hold dots. */
  readonly webhookName: string
  readonly url: string
  readonly fallbackUrl?: string
}
/** Answering-machine detection. */
export interface SvamlV2Amd {
  readonly command: 'amd'
  readonly events?: Handlers<'onHuman' | 'onMachine' | 'onBeep' | 'onUnknown'>
}
/** Hangs up a call leg (the current one when `callName` is left out). */
export interface SvamlV2Hangup {
  readonly command: 'hangup'
  readonly callName?: string
}
/** Answers the call. */
export interface SvamlV2Answer {
  readonly command: 'answer'
}
/** Waits. */
export interface SvamlV2Pause {
  readonly command: 'pause'
  /** At least 1. */
  readonly durationMilliseconds: number
}
/** Starts recording. */
export interface SvamlV2StartRecording {
  readonly command: 'startRecording'
  readonly recordingOptions: {
    readonly destination: 'AWS' | 'GCP' | 'AZURE'
    readonly destinationUrl: string
    readonly credentials: string
    readonly format?: 'MP3' | 'WAV'
    readonly recordingType?: 'COMBINED' | 'INBOUND' | 'OUTBOUND'
    /** `isEnabled`, where Voice v1 says `enabled`. */
    readonly transcriptionOptions?: { readonly isEnabled: boolean; readonly locale?: string }
  }
  readonly recordingName?: string
  readonly events?: Handlers<'onFinish' | 'onFailure'>
}
/** Stops the recording of that name. */
export interface SvamlV2StopRecording {
  readonly command: 'stopRecording'
  readonly recordingName: string
}
/** Joins a bridge (created on first use). */
export interface SvamlV2BridgeCall {
  readonly command: 'bridgeCall'
  /** 1 to 32 characters. */
  readonly bridgeName: string
}
/** Runs menus. */
export interface SvamlV2MenuCommand {
  readonly command: 'menu'
  /** The key of the first menu, 16 characters at most. */
  readonly startMenu: string
  readonly menus: { readonly [name: string]: SvamlV2MenuItem }
}
/** Goes to another menu (inside a menu only). */
export interface SvamlV2GotoMenu {
  readonly command: 'gotoMenu'
  readonly menuName: string
}

/** Any SVAML v2 command. */
export type SvamlV2Command =
  | SvamlV2Dial
  | SvamlV2Messages
  | SvamlV2StopMessages
  | SvamlV2WebhookCommand
  | SvamlV2Amd
  | SvamlV2Hangup
  | SvamlV2Answer
  | SvamlV2Pause
  | SvamlV2StartRecording
  | SvamlV2StopRecording
  | SvamlV2BridgeCall
  | SvamlV2MenuCommand
  | SvamlV2GotoMenu

/** The answer to any webhook but `call.incoming`. An empty list takes no action. */
export interface VoiceV2Response {
  readonly commands: readonly SvamlV2Command[]
  /** Honoured only in the answer to `call.incoming`. */
  readonly callName?: never
  /** Honoured only in the answer to `call.incoming`. */
  readonly events?: never
}

/** The answer to `call.incoming`: commands, and a name and hang-up handler for the call. */
export interface VoiceV2IncomingResponse {
  readonly commands: readonly SvamlV2Command[]
  /** 1 to 32 characters, no spaces: names the call in later events. */
  readonly callName?: string
  readonly events?: Handlers<'onHangup'>
}

/** The voice name type of a `SAY` message: a closed list of several hundred at Sinch, open here. */
export type SvamlV2VoiceName = OpenString<'Emma' | 'Brian' | 'Joanna' | 'Joanna_2'>

const COMMANDS: readonly string[] = [
  'dial',
  'messages',
  'stopMessages',
  'webhook',
  'amd',
  'hangup',
  'answer',
  'pause',
  'startRecording',
  'stopRecording',
  'bridgeCall',
  'menu',
  'gotoMenu',
]

type Loose = Record<string, unknown>

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A name Sinch limits to `^\S+$` and a length. */
function checkName(value: unknown, field: string, max: number, where: string, required: boolean): void {
  if (value === undefined && !required) return
  if (typeof value !== 'string' || value.length === 0 || value.length > max || /\s/.test(value))
    throw usageError(`${where}: \`${field}\` must be 1 to ${max} characters without spaces.`)
}

function checkInteger(value: unknown, field: string, min: number, max: number, where: string, required: boolean): void {
  if (value === undefined && !required) return
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw usageError(`${where}: \`${field}\` must be a whole number from ${min} to ${max}.`)
}

function checkHandlers(events: unknown, names: readonly string[], where: string, depth: number): void {
  if (events === undefined) return
  if (!isObject(events)) throw usageError(`${where}: \`events\` must be an object of command lists.`)
  for (const [name, list] of Object.entries(events)) {
    if (!names.includes(name)) throw usageError(`${where}: \`events.${name}\` is not one of ${names.join(', ')}.`)
    checkCommands(list, `${where} events.${name}`, depth + 1, true)
  }
}

function checkMessages(messages: unknown, where: string): void {
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > 10)
    throw usageError(`${where}: \`messages\` must list 1 to 10 messages.`)
  for (const message of messages) {
    const ok =
      isObject(message) &&
      ((message.type === 'SAY' &&
        isObject(message.say) &&
        typeof message.say.text === 'string' &&
        typeof message.say.voiceName === 'string') ||
        (message.type === 'PLAY' && isObject(message.play) && typeof message.play.url === 'string'))
    if (!ok)
      throw usageError(
        `${where}: a message must be { type: 'SAY', say: { text, voiceName } } or { type: 'PLAY', play: { url } }.`,
      )
  }
}

function checkCommand(command: unknown, where: string, depth: number): void {
  const name = isObject(command) ? command.command : undefined
  if (typeof name !== 'string' || !COMMANDS.includes(name))
    throw usageError(
      `${where} is ${typeof name === 'string' ? `"${name}"` : 'not a command'}; SVAML v2 commands are ${COMMANDS.join(', ')}.`,
    )
  const c = command as Loose
  const here = `${where} (${name})`
  switch (name) {
    case 'dial':
      if (!isObject(c.to) || typeof c.to.type !== 'string') throw usageError(`${here}: \`to\` is required.`)
      checkName(c.callName, 'callName', 32, here, false)
      checkInteger(c.dialTimeoutDurationSeconds, 'dialTimeoutDurationSeconds', 1, 60, here, false)
      checkInteger(c.maxCallDurationSeconds, 'maxCallDurationSeconds', 1, 14_400, here, false)
      checkHandlers(c.events, ['onAnswer', 'onBusy', 'onReject', 'onTimeout', 'onHangup', 'onFailure'], here, depth)
      break
    case 'messages':
      checkMessages(c.messages, here)
      checkName(c.messagesName, 'messagesName', 32, here, false)
      checkHandlers(c.events, ['onFinish'], here, depth)
      break
    case 'stopMessages':
      checkName(c.messagesName, 'messagesName', 32, here, true)
      break
    case 'webhook':
      checkName(c.webhookName, 'webhookName', 64, here, true)
      if (typeof c.url !== 'string' || c.url === '') throw usageError(`${here}: \`url\` is required.`)
      break
    case 'amd':
      checkHandlers(c.events, ['onHuman', 'onMachine', 'onBeep', 'onUnknown'], here, depth)
      break
    case 'hangup':
      checkName(c.callName, 'callName', 32, here, false)
      break
    case 'pause':
      checkInteger(c.durationMilliseconds, 'durationMilliseconds', 1, Number.MAX_SAFE_INTEGER, here, true)
      break
    case 'startRecording': {
      const options = c.recordingOptions
      if (
        !isObject(options) ||
        typeof options.destination !== 'string' ||
        typeof options.destinationUrl !== 'string' ||
        typeof options.credentials !== 'string'
      )
        throw usageError(`${here}: \`recordingOptions\` needs destination, destinationUrl and credentials.`)
      checkName(c.recordingName, 'recordingName', 32, here, false)
      checkHandlers(c.events, ['onFinish', 'onFailure'], here, depth)
      break
    }
    case 'stopRecording':
      checkName(c.recordingName, 'recordingName', 32, here, true)
      break
    case 'bridgeCall':
      checkName(c.bridgeName, 'bridgeName', 32, here, true)
      break
    case 'menu': {
      checkName(c.startMenu, 'startMenu', 16, here, true)
      if (!isObject(c.menus) || !Object.hasOwn(c.menus, c.startMenu as string))
        throw usageError(`${here}: \`menus\` must hold the start menu "${String(c.startMenu)}".`)
      for (const [key, item] of Object.entries(c.menus)) {
        if (key.length > 16) throw usageError(`${here}: the menu name "${key}" is longer than 16 characters.`)
        if (!isObject(item)) throw usageError(`${here}: menus.${key} must be an object.`)
        if (item.matches !== undefined) {
          if (!isObject(item.matches)) throw usageError(`${here}: menus.${key}.matches must be an object.`)
          for (const [input, list] of Object.entries(item.matches))
            checkCommands(list, `${here} menus.${key}.matches[${JSON.stringify(input)}]`, depth + 1, true)
        }
        if (item.onFail !== undefined) checkCommands(item.onFail, `${here} menus.${key}.onFail`, depth + 1, true)
      }
      break
    }
    case 'gotoMenu':
      checkName(c.menuName, 'menuName', 16, here, true)
      break
  }
}

function checkCommands(commands: unknown, where: string, depth: number, emptyAllowed: boolean): void {
  // Handlers nest commands; a cycle built in code would otherwise never end.
  if (depth > 32) throw usageError(`${where}: commands nest more than 32 levels deep.`)
  if (!Array.isArray(commands)) throw usageError(`${where} must be a list of commands.`)
  if (!emptyAllowed && commands.length === 0) throw usageError(`${where} must hold at least one command.`)
  commands.forEach((command, i) => {
    checkCommand(command, `${where}[${i}]`, depth)
  })
}

/**
 * The answer to any Voice API v2 webhook but `call.incoming`: a list of
 * commands, checked. An empty list takes no action (as Sinch's webhook
 * documentation says, although its schema asks for at least one command).
 *
 * @example
 * ```ts
 * import { callResponse } from 'sinch-webhooks/voice-v2'
 *
 * const answer = callResponse({
 *   commands: [{ command: 'messages', messages: [{ type: 'SAY', say: { text: 'Thank you.', voiceName: 'Emma' } }] }, { command: 'hangup' }],
 * })
 * ```
 */
export function callResponse(response: VoiceV2Response): VoiceV2Response {
  if (!isObject(response)) throw usageError('callResponse takes { commands }.')
  for (const key of Object.keys(response)) {
    if (key === 'callName' || key === 'events')
      throw usageError(
        `callResponse: \`${key}\` is honoured only in the answer to call.incoming; use incomingCallResponse.`,
      )
  }
  checkCommands(response.commands, 'callResponse: commands', 0, true)
  return response
}

/**
 * The answer to `call.incoming`: commands, plus an optional `callName` for
 * the call and `events.onHangup`, which only this answer may set.
 *
 * @example
 * ```ts
 * import { incomingCallResponse } from 'sinch-webhooks/voice-v2'
 *
 * const answer = incomingCallResponse({
 *   callName: 'caller',
 *   commands: [{ command: 'answer' }, { command: 'dial', to: { type: 'PHONE', phone: { number: '+46735224800' } } }],
 *   events: { onHangup: [{ command: 'hangup' }] },
 * })
 * ```
 */
export function incomingCallResponse(response: VoiceV2IncomingResponse): VoiceV2IncomingResponse {
  if (!isObject(response)) throw usageError('incomingCallResponse takes { commands, callName?, events? }.')
  checkCommands(response.commands, 'incomingCallResponse: commands', 0, true)
  checkName(response.callName, 'callName', 32, 'incomingCallResponse', false)
  checkHandlers(response.events, ['onHangup'], 'incomingCallResponse', 0)
  return response
}

/**
 * What the handler checks on an answer a handler returned: its shape and
 * its top-level command names. The builders check every field; this keeps
 * their code out of the handlers.
 */
function checkAnswer(response: unknown, incoming: boolean): void {
  if (!isObject(response) || !Array.isArray(response.commands))
    throw usageError('a Voice v2 webhook is answered with { commands }.')
  if (!incoming && (response.callName !== undefined || response.events !== undefined))
    throw usageError('`callName` and `events` are honoured only in the answer to call.incoming.')
  for (const command of response.commands) {
    if (!isObject(command) || !COMMANDS.includes(command.command as string))
      throw usageError(`the answer holds something that is not a SVAML v2 command; they are ${COMMANDS.join(', ')}.`)
  }
}

/** The handler's check of an answer to `call.incoming`. */
export function checkIncomingAnswer(response: unknown): void {
  checkAnswer(response, true)
}

/** The handler's check of an answer to every other webhook. */
export function checkCallAnswer(response: unknown): void {
  checkAnswer(response, false)
}

/** The answer when a `call.incoming` handler returns nothing: hang up, connecting no one. */
export const INCOMING_FALLBACK: VoiceV2IncomingResponse = /* @__PURE__ */ Object.freeze({
  commands: Object.freeze([Object.freeze({ command: 'hangup' as const })]),
})

/** The answer when another webhook's handler returns nothing: take no action. */
export const CALL_FALLBACK: VoiceV2Response = /* @__PURE__ */ Object.freeze({ commands: Object.freeze([]) })
