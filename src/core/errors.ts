import { MESSAGE_PREFIX, type HandlerErrorCode, type VerifyErrorCode } from './codes'
import type { ParseErrorCode } from '../parse/codes'

/**
 * Every code a {@link SinchWebhookError} from this package carries: the
 * verifiers', the parsers' and the handlers'. Switching on `error.code` after
 * `isSinchWebhookError(error)` is exhaustive over this union.
 */
export type SinchWebhookErrorCode = VerifyErrorCode | ParseErrorCode | HandlerErrorCode

/**
 * Marks instances across realms and across duplicate copies of this package
 * (two bundles, a worker, a vm context), where `instanceof` gives false negatives.
 */
const BRAND = Symbol.for('sinch-webhooks.SinchWebhookError')

/** Details that may accompany a {@link SinchWebhookError}. */
export interface SinchWebhookErrorDetails {
  /** JSON path of the offending field, as property names and array indices. */
  readonly path?: readonly (string | number)[]
  /** Header the error is about, lower-case. */
  readonly header?: string
  /** The underlying error, when one was caught. */
  readonly cause?: unknown
}

/**
 * The one error class this package throws for anything that arrived over the
 * wire (bad signature, malformed body, invalid payload). Programmer errors,
 * such as a missing secret, are `TypeError`s instead, so the two never mix.
 *
 * The message never contains a secret or the request body.
 *
 * @example
 * ```ts
 * try {
 *   const event = parseEvent(body)
 * } catch (error) {
 *   if (isSinchWebhookError(error)) console.warn(error.code, error.path)
 *   else throw error
 * }
 * ```
 */
export class SinchWebhookError<Code extends string = SinchWebhookErrorCode> extends Error {
  /** Stable machine-readable reason; see the README's table of codes. */
  readonly code: Code
  /** JSON path of the offending field, when the error is about a field. */
  readonly path: readonly (string | number)[]
  /** Header the error is about, lower-case, when there is one. */
  readonly header: string | undefined

  constructor(code: Code, message: string, details: SinchWebhookErrorDetails = {}) {
    super(
      message.startsWith(MESSAGE_PREFIX) ? message : MESSAGE_PREFIX + message,
      details.cause === undefined ? undefined : { cause: details.cause },
    )
    this.name = 'SinchWebhookError'
    this.code = code
    this.path = details.path ?? []
    this.header = details.header
    // Set per instance rather than declared with a computed key, which would
    // stop bundlers from dropping the class from apps that never use it.
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/**
 * Tells whether a value is a {@link SinchWebhookError}, also when it comes from
 * another realm or another copy of this package.
 *
 * @example
 * ```ts
 * if (isSinchWebhookError(error) && error.code === 'invalid_json') return new Response(null, { status: 400 })
 * ```
 */
export function isSinchWebhookError(value: unknown): value is SinchWebhookError {
  if (typeof value !== 'object' || value === null) return false
  try {
    // `instanceof` reads the prototype, which a proxy's trap (or a revoked proxy) can make throw.
    if (value instanceof SinchWebhookError) return true
    return (
      (value as Record<PropertyKey, unknown>)[BRAND] === true && typeof (value as { code?: unknown }).code === 'string'
    )
  } catch {
    // A hostile proxy can throw from any trap; that is simply "not ours".
    return false
  }
}

/** Builds the `TypeError` used for programmer errors (bad options), with the package prefix. */
export function usageError(message: string): TypeError {
  return new TypeError(MESSAGE_PREFIX + message)
}
