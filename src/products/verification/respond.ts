/**
 * The answer to a `VerificationRequestEvent`: `{ action: 'allow' | 'deny' }`
 * plus, when allowing, the settings of the method the request names, under
 * that method's key (`sms`, `flashCall` with a capital C, `callout`,
 * `whatsapp`). Sinch's schema has no discriminator for these, so the
 * builders take the parsed request event and read its `method`: settings of
 * another method do not compile, and are refused at run time.
 *
 * @module
 */
import { usageError } from '../../core/errors'
import type { EventEnvelope } from '../../parse/event'
import type { OpenString } from '../../schema/schema'
import type { VerificationRequest } from './schemas'

/** A parsed verification request event, as the parse functions return it. */
export type VerificationRequestEvent = EventEnvelope<'verification.request', 'verification', VerificationRequest>

/** What the builders take: the parsed request event, or its payload (which narrows on `method`). */
export type VerificationRequestInput = VerificationRequestEvent | VerificationRequest

/** The `method` of a request event or payload. */
export type MethodOf<E> = E extends { readonly payload: { readonly method: infer M } }
  ? M
  : E extends { readonly method: infer M }
    ? M
    : never

/** The format of a generated code. */
export type VerificationCodeType = OpenString<'Numeric' | 'Alpha' | 'Alphanumeric'>

/** Settings when allowing an SMS verification. */
export interface SmsAllowOptions {
  /** The code to send; Sinch generates one when left out. */
  readonly code?: string
  /** Default `Numeric`. */
  readonly codeType?: VerificationCodeType
  /** How long the code is valid, `HH:MM:SS`. */
  readonly expiry?: string
  /** The languages of the SMS text, most preferred first. */
  readonly acceptLanguage?: readonly string[]
}

/** Settings when allowing a flash-call verification. */
export interface FlashCallAllowOptions {
  /** The caller id to show (the code the app intercepts). */
  readonly cli?: string
  /** How long the phone rings: whole seconds from 5 to 120. */
  readonly dialTimeout?: number
  /** How long the app waits to intercept the call: whole seconds from 5 to 120. */
  readonly interceptionTimeout?: number
}

/** Settings when allowing a callout (phone call) verification. */
export interface CalloutAllowOptions {
  /** The code to speak. */
  readonly code?: string
  /** The language to speak it in; default `en-US`. */
  readonly speech?: { readonly locale: string }
}

/** Settings when allowing a WhatsApp verification. */
export interface WhatsAppAllowOptions {
  readonly codeType?: VerificationCodeType
  readonly acceptLanguage?: readonly string[]
}

/** The body Sinch expects in answer to a `VerificationRequestEvent`. */
export interface VerificationRequestResponse {
  readonly action: 'allow' | 'deny'
  readonly sms?: SmsAllowOptions
  /** Spelled `flashCall`, although the request's `method` is `flashcall`. */
  readonly flashCall?: FlashCallAllowOptions
  readonly callout?: CalloutAllowOptions
  readonly whatsapp?: WhatsAppAllowOptions
}

/**
 * The settings `allowVerification` takes for a request of method `M`. Only a
 * request narrowed to one method takes settings; for the union of methods
 * nothing can be checked, so nothing is accepted.
 */
export type AllowOptionsFor<M> = [M] extends ['sms']
  ? SmsAllowOptions
  : [M] extends ['flashcall']
    ? FlashCallAllowOptions
    : [M] extends ['callout']
      ? CalloutAllowOptions
      : [M] extends ['whatsapp']
        ? WhatsAppAllowOptions
        : Record<string, never>

/** Per method: the answer's key and the settings it takes. */
const METHODS: Readonly<Record<string, { readonly key: string; readonly options: readonly string[] }>> = {
  sms: { key: 'sms', options: ['code', 'codeType', 'expiry', 'acceptLanguage'] },
  flashcall: { key: 'flashCall', options: ['cli', 'dialTimeout', 'interceptionTimeout'] },
  callout: { key: 'callout', options: ['code', 'speech'] },
  whatsapp: { key: 'whatsapp', options: ['codeType', 'acceptLanguage'] },
}

/** Every method's settings, to tell a setting of another method from an extra key Sinch may accept. */
const ALL_OPTIONS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  Object.values(METHODS).flatMap((method) => method.options),
)

function methodOf(input: unknown, builder: string): string {
  let method: unknown
  if (typeof input === 'object' && input !== null) {
    const i = input as { kind?: unknown; event?: unknown; method?: unknown; payload?: { method?: unknown } }
    if (i.kind === 'verification.request') method = i.payload?.method
    else if (i.event === 'VerificationRequestEvent') method = i.method
  }
  if (typeof method !== 'string' || !Object.hasOwn(METHODS, method))
    throw usageError(
      `${builder} takes a parsed verification.request event or its payload (method sms, flashcall, callout or whatsapp).`,
    )
  return method
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function checkTimeout(value: unknown, field: string): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 5 && (value as number) <= 120))
    throw usageError(`allowVerification: \`${field}\` must be whole seconds from 5 to 120.`)
}

function checkOptions(method: string, options: Record<string, unknown>): void {
  const own = METHODS[method]?.options ?? []
  for (const key of Object.keys(options)) {
    if (ALL_OPTIONS.has(key) && !own.includes(key))
      throw usageError(`allowVerification: \`${key}\` is not a setting of a ${method} verification.`)
  }
  const { code, codeType, expiry, acceptLanguage, cli, speech } = options
  if (code !== undefined && typeof code !== 'string') throw usageError('allowVerification: `code` must be a string.')
  if (codeType !== undefined && typeof codeType !== 'string')
    throw usageError('allowVerification: `codeType` must be a string.')
  if (expiry !== undefined && !(typeof expiry === 'string' && /^\d{2}:[0-5]\d:[0-5]\d$/.test(expiry)))
    throw usageError('allowVerification: `expiry` must be HH:MM:SS.')
  if (acceptLanguage !== undefined && !isStringList(acceptLanguage))
    throw usageError('allowVerification: `acceptLanguage` must be a list of strings.')
  if (cli !== undefined && typeof cli !== 'string') throw usageError('allowVerification: `cli` must be a string.')
  if (
    speech !== undefined &&
    !(typeof speech === 'object' && speech !== null && typeof (speech as { locale?: unknown }).locale === 'string')
  )
    throw usageError('allowVerification: `speech` must be { locale }.')
  checkTimeout(options.dialTimeout, 'dialTimeout')
  checkTimeout(options.interceptionTimeout, 'interceptionTimeout')
}

/**
 * Allows the verification a request asks about, with the settings of its
 * method, under the key Sinch expects (`flashCall` for `flashcall`). It
 * takes the parsed event or its payload; to pass settings, narrow the
 * payload on `method` first, so only that method's settings compile. A
 * flash-call `dialTimeout` outside 5 to 120 seconds is refused.
 *
 * @example
 * ```ts
 * import { allowVerification, denyVerification } from 'sinch-webhooks/verification'
 *
 * const request = event.payload
 * if (request.method === 'flashcall') return allowVerification(request, { cli: '+46700000000', dialTimeout: 10 })
 * return request.identity.endpoint.startsWith('+46') ? allowVerification(event) : denyVerification(event)
 * ```
 */
export function allowVerification<E extends VerificationRequestInput>(
  request: E,
  options?: AllowOptionsFor<MethodOf<E>>,
): VerificationRequestResponse {
  const method = methodOf(request, 'allowVerification')
  if (options === undefined) return { action: 'allow' }
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw usageError('allowVerification: the settings must be an object.')
  checkOptions(method, options as Record<string, unknown>)
  if (Object.keys(options).length === 0) return { action: 'allow' }
  return { action: 'allow', [(METHODS[method] as { key: string }).key]: options } as VerificationRequestResponse
}

/**
 * Denies the verification a request asks about (the parsed event or its payload).
 *
 * @example
 * ```ts
 * import { denyVerification } from 'sinch-webhooks/verification'
 *
 * if (blocked.has(event.payload.identity.endpoint)) return denyVerification(event)
 * ```
 */
export function denyVerification(request: VerificationRequestInput): VerificationRequestResponse {
  methodOf(request, 'denyVerification')
  return { action: 'deny' }
}

/**
 * Checks an answer a request handler returned, as the handler does before
 * sending it: `action` is `allow` or `deny`, and the only other key is the
 * one of the request's method, holding valid settings.
 */
export function checkVerificationAnswer(answer: unknown, payload: { readonly method?: unknown }): void {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
    throw usageError('a verification request is answered with { action: "allow" | "deny", ... }.')
  const { action, ...rest } = answer as Record<string, unknown>
  if (action !== 'allow' && action !== 'deny') throw usageError('`action` must be "allow" or "deny".')
  const method =
    typeof payload.method === 'string' && Object.hasOwn(METHODS, payload.method) ? payload.method : undefined
  for (const [key, settings] of Object.entries(rest)) {
    const own = method === undefined ? undefined : (METHODS[method] as { key: string }).key
    if (key !== own)
      throw usageError(
        `\`${key}\` does not answer a ${String(payload.method)} request${own === undefined ? '' : `; its settings go under \`${own}\``}.`,
      )
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
      throw usageError(`\`${key}\` must be an object of settings.`)
    checkOptions(method as string, settings as Record<string, unknown>)
  }
}

/** The answer when a request handler returns nothing: deny, since allowing is the choice that costs and can be abused. */
export const REQUEST_FALLBACK: VerificationRequestResponse = /* @__PURE__ */ Object.freeze({ action: 'deny' as const })
